import KubeSimAPIServer
import KubeSimModel

/// Everything a simulation run starts from, decoded and validated by the scenario loader.
public struct WorldInput: Sendable {
  /// The root seed of every random choice.
  public var seed: UInt64
  /// Timing and model parameters.
  public var settings: SimulationSettings
  /// Initial objects in file order (Nodes expanded from pools included). The World creates
  /// Namespaces and PriorityClasses first, then Nodes, then the rest, each group in this order.
  public var objects: [APIObject]
  /// Declared images (layers and sizes) for the kubelets' pulls.
  public var images: [ImageSpec]
  /// Scheduler profiles; empty means the default profile.
  public var schedulerConfigurations: [KubeSchedulerConfiguration]
  /// The declared NodePools (their nodes are in `objects`); the cluster autoscaler manages
  /// those with `min`/`max`.
  public var nodePools: [NodePool] = []

  /// An input from its parts; everything but the seed defaults to empty or the defaults.
  public init(
    seed: UInt64, settings: SimulationSettings = .default, objects: [APIObject] = [],
    images: [ImageSpec] = [], schedulerConfigurations: [KubeSchedulerConfiguration] = []
  ) {
    self.seed = seed
    self.settings = settings
    self.objects = objects
    self.images = images
    self.schedulerConfigurations = schedulerConfigurations
  }
}
