import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The namespace controller (upstream pkg/controller/namespace/namespace_controller.go and
/// deletion/namespaced_resources_deleter.go) as a `Component`: empties a Terminating namespace
/// kind by kind, then finalizes and deletes it.
///
/// - A namespace seen with a `deletionTimestamp` is queued `namespaceDeletionGracePeriod` (5 s)
///   later (`enqueueNamespace`); a key already waiting keeps its earlier time (delaying queue).
/// - A sync (`namespacedResourcesDeleter.Delete`): a namespace already finalized (no
///   `spec.finalizers`) is deleted; otherwise every namespaced kind is emptied in turn
///   (`deleteAllContent`): first the estimate for pods, the longest
///   `terminationGracePeriodSeconds` of its non-terminal pods, zero once that long has passed
///   since the namespace's deletion (`estimateGracefulTermination`), then each object not
///   already being deleted is deleted (pods gracefully, owners in the background), then what
///   remains is counted. Remaining objects with a zero estimate count 15 s when they carry
///   finalizers (`finalizerEstimateSeconds`) and are an error otherwise.
/// - Content left with an estimate E: requeue after E/2 + 1 seconds (`ResourcesRemainingError`);
///   an error: requeue with the controller's rate limiter (5 ms doubling, 60 s cap,
///   `nsControllerRateLimiter`). No content: remove the `kubernetes` finalizer (the `finalize`
///   subresource) and delete the namespace, which removes it.
///
/// World wiring: `NamespaceController()`.
///
/// KubeSim differs: kinds are emptied in `ObjectKind` order (upstream: discovery order) one
/// object at a time (upstream tries `deletecollection` first); the namespace's
/// `NamespaceDeletionContentFailure`/`NamespaceContentRemaining`/`NamespaceFinalizersRemaining`
/// conditions are not written (the model's NamespaceStatus has only the phase); the 10 qps
/// bucket of the rate limiter is not modelled.
public final class NamespaceController: Component {
  public let componentName = "namespace-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .namespace)] }

  /// `namespaceDeletionGracePeriod` (namespace_controller.go): 5 s.
  public static let deletionGracePeriod = SimDuration.seconds(5)
  /// `finalizerEstimateSeconds` (namespaced_resources_deleter.go): 15.
  public static let finalizerEstimateSeconds: Int64 = 15
  /// `nsControllerRateLimiter`: per-item exponential 5 ms … 60 s.
  static let rateLimitBase = SimDuration.milliseconds(5)
  static let rateLimitMax = SimDuration.seconds(60)

  private var due: [String: SimTime] = [:]
  private var names: [UInt64: String] = [:]
  private var failures: [String: Int] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.namespace(let ns)), .modified(_, .namespace(let ns)):
      // enqueueNamespace: "don't queue if we aren't deleted".
      guard ns.metadata.deletionTimestamp != nil else { return }
      addAfter(ns.metadata.name, Self.deletionGracePeriod, &ctx)
    case .deleted(.namespace(let ns)):
      failures[ns.metadata.name] = nil
    default: break
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard let name = names.removeValue(forKey: token), due[name] == ctx.now else { return }
    due[name] = nil
    sync(name, &ctx)
  }

  /// The delaying queue's `AddAfter`: the earlier of a waiting time and the new one wins.
  private func addAfter(_ name: String, _ delay: SimDuration, _ ctx: inout ComponentContext) {
    let at = ctx.now + delay
    if let waiting = due[name], waiting <= at { return }
    due[name] = at
    let token = nextToken
    nextToken += 1
    names[token] = name
    ctx.setTimer(at: at, token: token)
  }

  /// `syncNamespaceFromKey` with the worker's requeue rules.
  private func sync(_ name: String, _ ctx: inout ComponentContext) {
    switch delete(name, &ctx) {
    case .done:
      failures[name] = nil
    case .remaining(let estimate):
      // namespace_controller.go `worker`: `t := estimate.Estimate/2 + 1`.
      addAfter(name, .seconds(estimate / 2 + 1), &ctx)
    case .failed:
      // AddRateLimited: ItemExponentialFailureRateLimiter(5ms, 60s).
      let n = failures[name, default: 0]
      failures[name] = n + 1
      var delay = Self.rateLimitMax
      if n < 24 { delay = min(Self.rateLimitBase * Int64(1 << n), Self.rateLimitMax) }
      addAfter(name, delay, &ctx)
    }
  }

  enum Outcome: Equatable {
    case done
    case remaining(Int64)
    case failed
  }

  /// `namespacedResourcesDeleter.Delete`.
  func delete(_ name: String, _ ctx: inout ComponentContext) -> Outcome {
    guard case .namespace(let ns)? = ctx.api.get(.namespace, nil, name),
      let deletedAt = ns.metadata.deletionTimestamp
    else { return .done }
    if ns.spec.finalizers.isEmpty {
      _ = try? ctx.api.delete(.namespace, nil, name)
      return .done
    }
    var estimate: Int64 = 0
    for kind in ObjectKind.allCases where kind.isNamespaced {
      guard let e = deleteAllContent(of: kind, in: name, deletedAt: deletedAt, &ctx) else {
        return .failed
      }
      estimate = max(estimate, e)
    }
    if estimate > 0 { return .remaining(estimate) }
    // finalizeNamespace, then "Check if we can delete now."
    guard
      case .namespace(let finalized)? = try? ctx.api.finalizeNamespace(
        name, removing: APIServer.namespaceFinalizer)
    else { return .done }
    if finalized.spec.finalizers.isEmpty { _ = try? ctx.api.delete(.namespace, nil, name) }
    return .done
  }

  /// `deleteAllContentForGroupVersionResource`. - Returns: the estimate in seconds, or nil for
  ///   "unexpected items still remain".
  private func deleteAllContent(
    of kind: ObjectKind, in namespace: String, deletedAt: SimTime, _ ctx: inout ComponentContext
  ) -> Int64? {
    var estimate: Int64 = 0
    let objects = ctx.api.list(kind, namespace: namespace)
    if objects.isEmpty { return 0 }
    if kind == .pod {
      // estimateGracefulTerminationForPods: the longest grace period of non-terminal pods,
      // zero once that long has passed since the namespace's deletion.
      for case .pod(let p) in objects where !p.isTerminal {
        estimate = max(estimate, p.spec.terminationGracePeriodSeconds ?? 0)
      }
      if ctx.now - deletedAt >= .seconds(estimate) { estimate = 0 }
    }
    for o in objects where o.metadata.deletionTimestamp == nil {
      _ = try? ctx.api.delete(kind, namespace, o.metadata.name)
    }
    let remaining = ctx.api.list(kind, namespace: namespace)
    if remaining.isEmpty || estimate > 0 { return estimate }
    // "if any item has a finalizer, we treat that as a normal condition".
    if remaining.contains(where: { !$0.metadata.finalizers.isEmpty }) {
      return Self.finalizerEstimateSeconds
    }
    return nil
  }
}
