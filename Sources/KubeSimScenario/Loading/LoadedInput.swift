import KubeSimModel
import KubeSimYAML

/// Everything read from a run's input files, decoded and checked, before a World is built.
public struct LoadedInput: Sendable {
  /// Every file read (command line first, includes after their includer), in read order.
  public var files: [String] = []
  /// The number of non-empty YAML documents per file, in `files` order.
  public var documentCounts: [Int] = []
  /// The Scenario document, if any, and the file it is in.
  public var scenario: Scenario?
  /// The file holding the Scenario document.
  public var scenarioFile: String?
  /// API objects in load order, Namespaces and PriorityClasses first (see `ScenarioLoader`);
  /// NodePools appear as their expanded Nodes at the pool's place.
  public var objects: [APIObject] = []
  /// Where each object of `objects` was declared (same indexes).
  public var objectLocations: [SourceLocation] = []
  /// The NodePools declared in the input files (not those applied from the timeline), in load
  /// order; the cluster autoscaler manages those with `min`/`max`.
  public var nodePools: [NodePool] = []
  /// Declared images (`kind: Image`), in load order.
  public var images: [ImageSpec] = []
  /// KubeSchedulerConfiguration documents, in load order.
  public var schedulerConfigurations: [KubeSchedulerConfiguration] = []
  /// Warnings: ignored fields (once per field path and message) and Jobs whose pods never exit.
  public var warnings: [ScenarioDiagnostic] = []

  /// Creates an empty value.
  public init() {}
}
