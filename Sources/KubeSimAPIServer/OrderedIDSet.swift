/// A set of small values kept in insertion order with O(1) insert, remove and membership.
///
/// Removal leaves a hole that iteration skips; holes are compacted once they outnumber the
/// live entries, so the order stays insertion order and the cost stays amortized O(1). The
/// position map is only looked up, never iterated, so hash order cannot leak.
struct OrderedIDSet<Element: Hashable> {
  private var slots: [Element?] = []
  private var positions: [Element: Int] = [:]

  var count: Int { positions.count }
  var isEmpty: Bool { positions.isEmpty }

  func contains(_ e: Element) -> Bool { positions[e] != nil }

  mutating func insert(_ e: Element) {
    guard positions[e] == nil else { return }
    positions[e] = slots.count
    slots.append(e)
  }

  mutating func remove(_ e: Element) {
    guard let i = positions.removeValue(forKey: e) else { return }
    slots[i] = nil
    let holes = slots.count - positions.count
    if holes > 16 && holes > positions.count {
      slots.removeAll { $0 == nil }
      for (j, s) in slots.enumerated() {
        if let s { positions[s] = j }
      }
    }
  }

  /// The elements in insertion order.
  var elements: [Element] {
    var out: [Element] = []
    out.reserveCapacity(positions.count)
    for s in slots {
      if let s { out.append(s) }
    }
    return out
  }
}
