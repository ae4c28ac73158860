import KubeSimKernel

/// Outstanding creations and deletions per controller key, so a controller does not act twice on
/// the same diff before the watch delivers its own writes.
///
/// Upstream `ControllerExpectations` (pkg/controller/controller_utils.go, v1.35): `ExpectCreations`
/// / `ExpectDeletions` before the writes, `CreationObserved` / `DeletionObserved` on watch
/// events, `SatisfiedExpectations` when both counts are ≤ 0 or the record is older than
/// `ExpectationsTimeout` (5 minutes). Upstream tracks deletions by pod key
/// (`UIDTrackingControllerExpectations`); KubeSim counts them.
public struct ControllerExpectations: Sendable {
  /// `ExpectationsTimeout`: 5 minutes.
  public static let timeout = SimDuration.minutes(5)

  private struct Record: Sendable {
    var add: Int
    var del: Int
    var timestamp: SimTime
  }
  private var records: [String: Record] = [:]

  public init() {}

  public mutating func expect(_ key: String, creations: Int = 0, deletions: Int = 0, now: SimTime) {
    records[key] = Record(add: creations, del: deletions, timestamp: now)
  }

  public mutating func creationObserved(_ key: String) { records[key]?.add -= 1 }
  public mutating func deletionObserved(_ key: String) { records[key]?.del -= 1 }

  /// Lowers the expected creations (a create that failed or was skipped).
  public mutating func lowerCreations(_ key: String, by n: Int) { records[key]?.add -= n }
  public mutating func lowerDeletions(_ key: String, by n: Int) { records[key]?.del -= n }

  public func satisfied(_ key: String, now: SimTime) -> Bool {
    guard let r = records[key] else { return true }
    if r.add <= 0 && r.del <= 0 { return true }
    return now - r.timestamp > ControllerExpectations.timeout
  }

  public mutating func delete(_ key: String) { records[key] = nil }
}
