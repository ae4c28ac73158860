extension NodePool {
  /// KubeSim's limit on nodes per pool (STYLE.md: put a limit on everything); 20× the
  /// 5,000-node design scale.
  public static let maxCount: Int32 = 100_000

  /// The annotation carrying a pool's `costPerHour` on each of its nodes (a decimal string such
  /// as `"0.096"`); the recorder integrates it over each node's lifetime.
  public static let costAnnotation = "sim.kubesim.io/cost-per-hour"

  /// Whether the cluster autoscaler manages the pool (`min` or `max` set).
  public var isAutoscaled: Bool { spec.min != nil || spec.max != nil }

  /// The node name prefix: `namePrefix`, else the pool's name.
  public var nodeNamePrefix: String { spec.namePrefix ?? metadata.name }

  /// The nodes of the pool: `<prefix>-1` … `<prefix>-N`, in that order.
  ///
  /// Each node gets the pool's capacity, allocatable (per resource, capacity where not given),
  /// labels (node i, 0-based, gets `values[i % values.count]` of a list label), annotations,
  /// taints, `unschedulable`, and the pre-pulled images as `status.images` (names only; sizes come
  /// from `Image` documents at run time). Also sets the well-known label
  /// `kubernetes.io/hostname` (as the kubelet does, `pkg/kubelet/kubelet_node_status.go`) and,
  /// when `failureDomain` is given and no label sets it, `topology.kubernetes.io/zone`, and the
  /// cost annotation (`costAnnotation`) when `costPerHour` is given.
  /// Conditions are left empty: the kubelet reports them when the simulation starts.
  /// At most `NodePool.maxCount` nodes are produced (validation reports larger counts).
  public func expand() -> [Node] {
    var nodes: [Node] = []
    let count = Int(Swift.min(Swift.max(spec.count, 0), NodePool.maxCount))
    nodes.reserveCapacity(count)
    for i in 0..<count { nodes.append(node(index: i)) }
    return nodes
  }

  /// The pool's node with 0-based index `i`, named `<prefix>-<i+1>`, as `expand()` makes it;
  /// the cluster autoscaler creates later nodes of the pool with this too.
  public func node(index i: Int) -> Node {
    let name = "\(nodeNamePrefix)-\(i + 1)"
    var allocatable = spec.allocatable
    for e in spec.capacity.entries where allocatable[e.name] == nil {
      allocatable[e.name] = e.quantity
    }
    var labels = StringMap()
    if let zone = spec.failureDomain { labels["topology.kubernetes.io/zone"] = zone }
    labels["kubernetes.io/hostname"] = name
    for l in spec.labels where !l.values.isEmpty {
      labels[l.key] = l.values[i % l.values.count]
    }
    var annotations = spec.annotations
    if let cost = spec.costPerHour { annotations[NodePool.costAnnotation] = cost.decimalString }
    let meta = ObjectMeta(name: name, labels: labels, annotations: annotations)
    let nodeSpec = NodeSpec(unschedulable: spec.unschedulable, taints: spec.taints)
    let images = spec.images.map { ContainerImage(names: [$0]) }
    let status = NodeStatus(capacity: spec.capacity, allocatable: allocatable, images: images)
    return Node(metadata: meta, spec: nodeSpec, status: status)
  }
}

extension Quantity {
  /// The exact value as a plain decimal without suffix or exponent (`0.096`, `12`, `-1.5`):
  /// how KubeSim writes money amounts such as `sim.kubesim.io/cost-per-hour`.
  public var decimalString: String {
    let negative = mantissa < 0
    let digits = String(mantissa.magnitude)
    var out: String
    if scale >= 0 {
      out = digits + String(repeating: "0", count: Int(scale))
    } else {
      let frac = Int(-scale)
      let padded =
        digits.count <= frac
        ? String(repeating: "0", count: frac - digits.count + 1) + digits : digits
      let cut = padded.index(padded.endIndex, offsetBy: -frac)
      out = String(padded[..<cut]) + "." + String(padded[cut...])
    }
    return negative ? "-" + out : out
  }
}
