extension NodePool {
  /// KubeSim's limit on nodes per pool (STYLE.md: put a limit on everything); 20× the
  /// 5,000-node design scale.
  public static let maxCount: Int32 = 100_000

  /// The nodes of the pool: `<prefix>-1` … `<prefix>-N`, in that order.
  ///
  /// Each node gets the pool's capacity, allocatable (per resource, capacity where not given),
  /// labels (node i, 0-based, gets `values[i % values.count]` of a list label), annotations,
  /// taints, `unschedulable`, and the pre-pulled images as `status.images` (names only; sizes come
  /// from `Image` documents at run time). Also sets the well-known label
  /// `kubernetes.io/hostname` (as the kubelet does, `pkg/kubelet/kubelet_node_status.go`) and,
  /// when `failureDomain` is given and no label sets it, `topology.kubernetes.io/zone`.
  /// Conditions are left empty: the kubelet reports them when the simulation starts.
  /// At most `NodePool.maxCount` nodes are produced (validation reports larger counts).
  public func expand() -> [Node] {
    let prefix = spec.namePrefix ?? metadata.name
    var allocatable = spec.allocatable
    for e in spec.capacity.entries where allocatable[e.name] == nil {
      allocatable[e.name] = e.quantity
    }
    let images = spec.images.map { ContainerImage(names: [$0]) }
    var nodes: [Node] = []
    let count = Int(min(max(spec.count, 0), NodePool.maxCount))
    nodes.reserveCapacity(count)
    for i in 0..<count {
      let name = "\(prefix)-\(i + 1)"
      var labels = StringMap()
      if let zone = spec.failureDomain { labels["topology.kubernetes.io/zone"] = zone }
      labels["kubernetes.io/hostname"] = name
      for l in spec.labels where !l.values.isEmpty {
        labels[l.key] = l.values[i % l.values.count]
      }
      let meta = ObjectMeta(name: name, labels: labels, annotations: spec.annotations)
      let nodeSpec = NodeSpec(unschedulable: spec.unschedulable, taints: spec.taints)
      let status = NodeStatus(capacity: spec.capacity, allocatable: allocatable, images: images)
      nodes.append(Node(metadata: meta, spec: nodeSpec, status: status))
    }
    return nodes
  }
}
