import KubeSimModel

/// What plugins read about nodes during a cycle: the struct-of-arrays hot table plus the node
/// objects (for taints, labels and the other fields the cold plugins need), by slot.
///
/// Upstream takes a snapshot of the cache per cycle (`Cache.UpdateSnapshot`); KubeSim runs one
/// cycle at a time on one thread, so the live cache is its own snapshot.
public struct NodeSnapshot: Sendable {
  /// Hot per-node figures.
  public var table = NodeTable()
  /// The node objects by slot (a removed node keeps its last object).
  public var nodes: [Node] = []
  /// `spec.taints` by slot, so the taint plugins do not copy node objects in their loops.
  public var taints: [[Taint]] = []
  /// The pods bound or assumed on each node (for the inter-pod plugins).
  public var pods = AssignedPods()

  public init() {}

  /// Adds or updates a node from its object.
  /// - Returns: the slot and whether the node is new.
  @discardableResult
  public mutating func upsert(_ node: Node) -> (slot: Int, isNew: Bool) {
    var alloc = ResourceVector()
    var pods: Int64 = 0
    let list = node.status.allocatable.isEmpty ? node.status.capacity : node.status.allocatable
    for e in list.entries {
      if e.name == ResourceList.pods {
        pods = e.quantity.value
      } else {
        alloc.add(name: e.name, milli: e.quantity.milliValue, value: e.quantity.value)
      }
    }
    let r = table.upsert(
      name: node.metadata.name, allocatable: alloc, allocatablePods: pods,
      zoneKey: NodeSnapshot.zoneKey(node.metadata.labels),
      unschedulable: node.spec.unschedulable ?? false)
    self.pods.setNodeLabels(node.metadata.labels, slot: r.slot)
    if r.isNew {
      nodes.append(node)
      taints.append(node.spec.taints)
    } else {
      nodes[r.slot] = node
      taints[r.slot] = node.spec.taints
    }
    return r
  }

  /// Upstream `utilnode.GetZoneKey` (staging/src/k8s.io/component-helpers/node/topology/helpers.go):
  /// region and zone joined by ":\x00:", "" when both are absent. Only the current
  /// `topology.kubernetes.io/*` labels are read (the beta `failure-domain.beta.kubernetes.io/*`
  /// fallbacks are not modelled).
  public static func zoneKey(_ labels: Labels) -> String {
    let region = labels["topology.kubernetes.io/region"] ?? ""
    let zone = labels["topology.kubernetes.io/zone"] ?? ""
    if region.isEmpty && zone.isEmpty { return "" }
    return region + ":\u{0}:" + zone
  }
}
