import KubeSimKernel
import KubeSimYAML

/// A scheduler configuration (`kubescheduler.config.k8s.io/v1`); structure only.
public struct KubeSchedulerConfiguration: Sendable, Equatable {
  /// Optional metadata (not part of upstream's type; KubeSim accepts a name for messages).
  public var metadata: ObjectMeta
  /// Carried; defaults to 16.
  public var parallelism: Int32?
  /// Percentage of nodes to score (0 = adaptive).
  public var percentageOfNodesToScore: Int32?
  /// Initial backoff; defaults to 1.
  public var podInitialBackoffSeconds: Int64?
  /// Max backoff; defaults to 10.
  public var podMaxBackoffSeconds: Int64?
  /// The profiles.
  public var profiles: [KubeSchedulerProfile]

  /// Creates a `KubeSchedulerConfiguration`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    parallelism: Int32? = nil,
    percentageOfNodesToScore: Int32? = nil,
    podInitialBackoffSeconds: Int64? = nil,
    podMaxBackoffSeconds: Int64? = nil,
    profiles: [KubeSchedulerProfile] = []
  ) {
    self.metadata = metadata
    self.parallelism = parallelism
    self.percentageOfNodesToScore = percentageOfNodesToScore
    self.podInitialBackoffSeconds = podInitialBackoffSeconds
    self.podMaxBackoffSeconds = podMaxBackoffSeconds
    self.profiles = profiles
  }
}

/// A scheduling profile.
public struct KubeSchedulerProfile: Sendable, Equatable {
  /// The name pods use in `spec.schedulerName`; defaults to default-scheduler.
  public var schedulerName: String?
  /// Per-profile override.
  public var percentageOfNodesToScore: Int32?
  /// Plugin enable/disable per extension point.
  public var plugins: Plugins?
  /// Plugin arguments.
  public var pluginConfig: [PluginConfig]

  /// Creates a `KubeSchedulerProfile`; every parameter defaults to its unset value.
  public init(
    schedulerName: String? = nil,
    percentageOfNodesToScore: Int32? = nil,
    plugins: Plugins? = nil,
    pluginConfig: [PluginConfig] = []
  ) {
    self.schedulerName = schedulerName
    self.percentageOfNodesToScore = percentageOfNodesToScore
    self.plugins = plugins
    self.pluginConfig = pluginConfig
  }
}

/// Plugin sets per extension point.
public struct Plugins: Sendable, Equatable {
  /// PreEnqueue.
  public var preEnqueue: PluginSet?
  /// QueueSort.
  public var queueSort: PluginSet?
  /// PreFilter.
  public var preFilter: PluginSet?
  /// Filter.
  public var filter: PluginSet?
  /// PostFilter.
  public var postFilter: PluginSet?
  /// PreScore.
  public var preScore: PluginSet?
  /// Score.
  public var score: PluginSet?
  /// Reserve.
  public var reserve: PluginSet?
  /// Permit.
  public var permit: PluginSet?
  /// PreBind.
  public var preBind: PluginSet?
  /// Bind.
  public var bind: PluginSet?
  /// PostBind.
  public var postBind: PluginSet?
  /// MultiPoint.
  public var multiPoint: PluginSet?

  /// Creates a `Plugins`; every parameter defaults to its unset value.
  public init(
    preEnqueue: PluginSet? = nil,
    queueSort: PluginSet? = nil,
    preFilter: PluginSet? = nil,
    filter: PluginSet? = nil,
    postFilter: PluginSet? = nil,
    preScore: PluginSet? = nil,
    score: PluginSet? = nil,
    reserve: PluginSet? = nil,
    permit: PluginSet? = nil,
    preBind: PluginSet? = nil,
    bind: PluginSet? = nil,
    postBind: PluginSet? = nil,
    multiPoint: PluginSet? = nil
  ) {
    self.preEnqueue = preEnqueue
    self.queueSort = queueSort
    self.preFilter = preFilter
    self.filter = filter
    self.postFilter = postFilter
    self.preScore = preScore
    self.score = score
    self.reserve = reserve
    self.permit = permit
    self.preBind = preBind
    self.bind = bind
    self.postBind = postBind
    self.multiPoint = multiPoint
  }
}

/// Enabled and disabled plugins.
public struct PluginSet: Sendable, Equatable {
  /// Enabled, in order.
  public var enabled: [Plugin]
  /// Disabled (`*` disables all defaults).
  public var disabled: [Plugin]

  /// Creates a `PluginSet`; every parameter defaults to its unset value.
  public init(
    enabled: [Plugin] = [],
    disabled: [Plugin] = []
  ) {
    self.enabled = enabled
    self.disabled = disabled
  }
}

/// A plugin reference.
public struct Plugin: Sendable, Equatable {
  /// The plugin name.
  public var name: String
  /// The score weight.
  public var weight: Int32?

  /// Creates a `Plugin`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    weight: Int32? = nil
  ) {
    self.name = name
    self.weight = weight
  }
}

/// Arguments of one plugin.
public struct PluginConfig: Sendable, Equatable {
  /// The plugin name.
  public var name: String
  /// The arguments, kept raw for the scheduler to decode.
  public var args: YAMLNode?

  /// Creates a `PluginConfig`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    args: YAMLNode? = nil
  ) {
    self.name = name
    self.args = args
  }
}
