import KubeSimModel

/// The values of one node label key, interned: per slot the id of the node's value (−1 when the
/// node lacks the key), and the value of each id. Lets PodTopologySpread's PreScore read each
/// candidate's domain by array index instead of a label lookup and a string hash per node.
struct TopologyValues {
  /// Per slot: the id of the node's value, −1 when absent (slots past the end: absent).
  var ids: [Int32] = []
  /// The value of each id.
  var names: [String] = []
  /// The id of the value "" (a node carrying the key with an empty value), if any node has it.
  var emptyId: Int32?

  /// The id of `slot`'s value, −1 when the node lacks the key.
  @inline(__always)
  func id(_ slot: Int) -> Int32 { slot < ids.count ? ids[slot] : -1 }
}

/// `TopologyValues` per label key, built on first use from the node labels (one pass over the
/// slots) and dropped whenever any node's labels change (`AssignedPods.setNodeLabels`). A
/// reference type shared by every copy of a snapshot, like the count caches; the keys in use
/// are few (the constraints' topology keys), so nothing bounds them.
public final class TopologyValuesCache: @unchecked Sendable {
  private var byKey: [String: TopologyValues] = [:]

  public init() {}

  /// Drops every key (node labels changed).
  public func clear() { byKey.removeAll() }

  /// The interned values of `key` over `nodeLabels` (by slot).
  func values(_ key: String, nodeLabels: [Labels]) -> TopologyValues {
    if let hit = byKey[key] { return hit }
    var t = TopologyValues()
    t.ids = Array(repeating: -1, count: nodeLabels.count)
    var idOf: [String: Int32] = [:]
    for slot in nodeLabels.indices {
      guard let v = nodeLabels[slot][key] else { continue }
      if let id = idOf[v] {
        t.ids[slot] = id
      } else {
        let id = Int32(t.names.count)
        idOf[v] = id
        t.names.append(v)
        t.ids[slot] = id
      }
    }
    t.emptyId = idOf[""]
    byKey[key] = t
    return t
  }
}
