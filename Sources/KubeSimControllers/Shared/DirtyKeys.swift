/// The objects a controller must sync at the end of the current instant: each key once, in key
/// order, however many watch notifications marked it.
///
/// KubeSim's deterministic stand-in for client-go's workqueue de-duplication
/// (`k8s.io/client-go/util/workqueue`): upstream workers pop keys in arrival order and in
/// parallel; here one zero-delay timer drains them sorted, so runs are reproducible.
struct DirtyKeys {
  private var keys: Set<String> = []
  private var armed = false

  /// Marks `key`. Returns true when the caller must arm its sync timer (the first mark since the
  /// last drain).
  mutating func mark(_ key: String) -> Bool {
    keys.insert(key)
    if armed { return false }
    armed = true
    return true
  }

  /// The marked keys in sorted order; afterwards nothing is marked and the timer is disarmed.
  mutating func drain() -> [String] {
    let sorted = keys.sorted()
    keys.removeAll()
    armed = false
    return sorted
  }
}
