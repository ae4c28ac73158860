/// A pool of identical nodes (`apiVersion: kubesim.io/v1alpha1`, `kind: NodePool`), KubeSim's own kind.
///
/// It expands to `Node` objects `<prefix>-1` … `<prefix>-N` (`expand()`). Fields of `spec`:
/// - `count` (0…100000, default 0): number of nodes.
/// - `namePrefix`: node name prefix; defaults to `metadata.name`.
/// - `capacity` (required): each node's `status.capacity` (`cpu`, `memory`, `pods`,
///   `ephemeral-storage`, extended resources such as `nvidia.com/gpu`).
/// - `allocatable`: each node's `status.allocatable`; per resource, defaults to capacity.
/// - `labels`: node labels; a list value is spread round-robin (node i gets `values[i % n]`).
///   Every node also gets `kubernetes.io/hostname: <node name>`.
/// - `annotations`: node annotations.
/// - `taints`: node taints (`key`, `value`, `effect`).
/// - `unschedulable`: nodes start cordoned.
/// - `images`: image references present on every node at start (pre-pulled).
/// - `failureDomain`: sets `topology.kubernetes.io/zone` unless `labels` sets it.
/// - `costPerHour`: decimal cost of one node per hour (e.g. `"0.096"`), for reports; every node
///   of the pool carries it as the annotation `sim.kubesim.io/cost-per-hour` (`"0.096"`).
/// - `min`, `max`: the pool is managed by the cluster autoscaler, which keeps its size in
///   `min…max` (upstream `--nodes=<min>:<max>:<group>`); `min ≤ count ≤ max` is required.
/// - `priority`: the pool's priority for the `priority` expander (higher wins; KubeSim's
///   stand-in for upstream's `cluster-autoscaler-priority-expander` ConfigMap, which maps
///   priorities to node-group name regexes).
///
/// ```yaml
/// apiVersion: kubesim.io/v1alpha1
/// kind: NodePool
/// metadata: {name: worker}
/// spec:
///   count: 3
///   capacity: {cpu: "4", memory: 8Gi, pods: "110"}
///   labels: {topology.kubernetes.io/zone: [a, b, c]}
/// ```
public struct NodePool: Sendable, Equatable {
  /// The pool's metadata; `name` is the default node name prefix.
  public var metadata: ObjectMeta
  /// The pool's spec.
  public var spec: NodePoolSpec

  /// Creates a `NodePool`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: NodePoolSpec = NodePoolSpec()
  ) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// A NodePool's spec; see `NodePool` for the field list.
public struct NodePoolSpec: Sendable, Equatable {
  /// Number of nodes (0 or more).
  public var count: Int32
  /// Node name prefix; defaults to the pool's name. Nodes are `<prefix>-1` … `<prefix>-N`.
  public var namePrefix: String?
  /// Each node's capacity (`cpu`, `memory`, `pods`, `ephemeral-storage`, extended resources).
  public var capacity: ResourceList
  /// Each node's allocatable; defaults to capacity (per resource).
  public var allocatable: ResourceList
  /// Node labels; a list value is spread round-robin over the nodes.
  public var labels: [NodePoolLabel]
  /// Node annotations.
  public var annotations: StringMap
  /// Node taints.
  public var taints: [Taint]
  /// Nodes start cordoned.
  public var unschedulable: Bool?
  /// Image references pre-pulled on every node.
  public var images: [String]
  /// A failure domain name (sets `topology.kubernetes.io/zone` unless a label does).
  public var failureDomain: String?
  /// Cost of one node per hour, a decimal such as `0.096` (reports only).
  public var costPerHour: Quantity?
  /// Cluster autoscaler lower bound; the pool is autoscaled when `min` or `max` is set.
  public var min: Int32?
  /// Cluster autoscaler upper bound.
  public var max: Int32?
  /// Priority for the cluster autoscaler's `priority` expander (higher is preferred).
  public var priority: Int32?

  /// Creates a `NodePoolSpec`; every parameter defaults to its unset value.
  public init(
    count: Int32 = 0,
    namePrefix: String? = nil,
    capacity: ResourceList = ResourceList(),
    allocatable: ResourceList = ResourceList(),
    labels: [NodePoolLabel] = [],
    annotations: StringMap = StringMap(),
    taints: [Taint] = [],
    unschedulable: Bool? = nil,
    images: [String] = [],
    failureDomain: String? = nil,
    costPerHour: Quantity? = nil,
    min: Int32? = nil,
    max: Int32? = nil,
    priority: Int32? = nil
  ) {
    self.count = count
    self.namePrefix = namePrefix
    self.capacity = capacity
    self.allocatable = allocatable
    self.labels = labels
    self.annotations = annotations
    self.taints = taints
    self.unschedulable = unschedulable
    self.images = images
    self.failureDomain = failureDomain
    self.costPerHour = costPerHour
    self.min = min
    self.max = max
    self.priority = priority
  }
}

/// One NodePool label: a key with one value, or several spread round-robin.
public struct NodePoolLabel: Sendable, Equatable {
  /// The label key.
  public var key: String
  /// The value(s): node i (0-based) gets `values[i % values.count]`.
  public var values: [String]

  /// Creates a `NodePoolLabel`; every parameter defaults to its unset value.
  public init(
    key: String = "",
    values: [String] = []
  ) {
    self.key = key
    self.values = values
  }
}
