import Foundation
import KubeSimModel

/// A memo of a pure function of a pod's annotations and a container name (parsing the
/// `sim.kubesim.io/*` annotations): the pods of one template share their annotations, so
/// 150,000 pods of 500 Deployments parse 500 times, not 150,000. Results never depend on what
/// is memoised (same input, same value), so sharing it across runs and threads is safe; it is
/// emptied when it holds `limit` entries.
public final class AnnotationMemo<Value>: @unchecked Sendable {
  struct Key: Hashable {
    var annotations: StringMap
    var container: String
  }
  private var values: [Key: Value] = [:]
  private let lock = NSLock()
  private let limit: Int

  /// An empty memo holding at most `limit` entries.
  public init(limit: Int = 4096) { self.limit = limit }

  /// `compute()`, or its memoised value for these annotations and container.
  public func value(
    _ annotations: StringMap, container: String, _ compute: () -> Value
  ) -> Value {
    let key = Key(annotations: annotations, container: container)
    lock.lock()
    if let v = values[key] {
      lock.unlock()
      return v
    }
    lock.unlock()
    let v = compute()
    lock.lock()
    if values.count >= limit { values.removeAll(keepingCapacity: true) }
    values[key] = v
    lock.unlock()
    return v
  }
}
