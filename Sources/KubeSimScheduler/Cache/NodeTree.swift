/// The order in which the scheduler visits nodes: upstream's nodeTree
/// (pkg/scheduler/backend/cache/node_tree.go, v1.35, `list()`).
///
/// Nodes are grouped by zone key; zones keep the order in which they were first seen and nodes
/// keep their insertion order within a zone. The list is round-robin across zones: the first
/// node of every zone, then the second of every zone, and so on, skipping exhausted zones.
/// Upstream rebuilds this list when nodes are added or removed; so does KubeSim.
public struct NodeTree: Sendable {
  private var zones: [String] = []
  private var nodesByZone: [[Int]] = []
  private var zoneIndex: [String: Int] = [:]
  private var cached: [Int] = []
  private var stale = false

  /// The visiting order (slots), rebuilt lazily after adds and removes (so adding 5,000 nodes
  /// costs one rebuild, not 5,000).
  public var order: [Int] {
    mutating get {
      if stale { rebuild() }
      return cached
    }
  }

  public init() {}

  /// Adds a node slot under its zone key.
  public mutating func add(slot: Int, zone: String) {
    if let z = zoneIndex[zone] {
      nodesByZone[z].append(slot)
    } else {
      zoneIndex[zone] = zones.count
      zones.append(zone)
      nodesByZone.append([slot])
    }
    stale = true
  }

  /// Removes a node slot (its zone stays, possibly empty, as upstream removes empty zones).
  public mutating func remove(slot: Int, zone: String) {
    guard let z = zoneIndex[zone], let i = nodesByZone[z].firstIndex(of: slot) else { return }
    nodesByZone[z].remove(at: i)
    if nodesByZone[z].isEmpty {
      // node_tree.go `removeZone`: the zone leaves the zone list.
      zones.remove(at: z)
      nodesByZone.remove(at: z)
      zoneIndex = [:]
      for (j, name) in zones.enumerated() { zoneIndex[name] = j }
    }
    stale = true
  }

  /// Moves a node whose zone label changed (upstream `updateNode`: remove then add).
  public mutating func update(slot: Int, from old: String, to new: String) {
    if old == new { return }
    remove(slot: slot, zone: old)
    add(slot: slot, zone: new)
  }

  private mutating func rebuild() {
    stale = false
    cached.removeAll(keepingCapacity: true)
    var depth = 0
    var added = true
    while added {
      added = false
      for z in nodesByZone.indices where depth < nodesByZone[z].count {
        cached.append(nodesByZone[z][depth])
        added = true
      }
      depth += 1
    }
  }
}
