import KubeSimModel

/// What a namespace uses, kept incrementally for ResourceQuota admission: non-terminal pods and
/// their requests and limits, and object counts per kind.
struct QuotaUsage {
  var pods: Int64 = 0
  var requests = ResourceSums()
  var limits = ResourceSums()
  /// Objects per kind (looked up only, never iterated).
  var counts: [ObjectKind: Int64] = [:]

  mutating func add(_ pod: Pod) {
    guard !pod.isTerminal else { return }
    pods += 1
    requests.add(PodResources.requests(of: pod))
    limits.add(PodResources.limits(of: pod))
  }

  mutating func remove(_ pod: Pod) {
    guard !pod.isTerminal else { return }
    pods -= 1
    requests.subtract(PodResources.requests(of: pod))
    limits.subtract(PodResources.limits(of: pod))
  }

  /// Objects of every kind in the namespace.
  var total: Int64 = 0

  mutating func count(_ kind: ObjectKind, _ delta: Int64) {
    counts[kind, default: 0] += delta
    total += delta
  }
}
