import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// `kubectl drain NODE` running in simulated time (kubectl/pkg/drain/drain.go and
/// kubectl/pkg/cmd/drain/drain.go, v1.32).
///
/// At the timeline instant, `begin` cordons the node ("node/NAME cordoned"), selects the pods
/// (mirror pods skipped; DaemonSet-managed pods are an error unless `--ignore-daemonsets`, then a
/// warning; pods with no controller are an error unless `--force`, then a warning; finished pods
/// always go), and prints "evicting pod NS/NAME" for each. It then registers this process,
/// which evicts every pod through the Eviction API (`--grace-period` passed on): an eviction
/// refused with 429 is retried every 5 s ("error when evicting pods/"NAME" -n "NS" (will retry
/// after 5s): …"), an accepted one is followed by polling every 1 s (first poll at once,
/// `waitForDelete`) until the pod is gone ("pod/NAME evicted"); when all are gone, "node/NAME
/// drained". `--timeout` stops it with "global timeout reached".
///
/// KubeSim differs: what kubectl prints after the command returned is recorded as Events on
/// the Node (reason `Drain`, Warning `DrainRetry` for a refused eviction, Warning `DrainFailed`)
/// so that it appears in the run's timeline and `events.jsonl`; `--delete-emptydir-data` has no
/// effect (the model has no emptyDir volumes).
public final class DrainProcess: Component {
  public let componentName: String
  public var watches: [WatchFilter] { [] }

  /// kubectl's eviction retry interval: 5 s (drain.go `evictPods`).
  public static let retryInterval = SimDuration.seconds(5)
  /// kubectl's deletion poll interval: 1 s (drain.go `waitForDelete`).
  public static let pollInterval = SimDuration.seconds(1)

  private let node: String
  private let options: DrainOptions
  private var pods: [(namespace: String, name: String, uid: String, done: Bool)]
  private var finished = false

  init(node: String, options: DrainOptions, pods: [Pod]) {
    self.componentName = "kubectl-drain/\(node)"
    self.node = node
    self.options = options
    self.pods = pods.map { ($0.metadata.namespace ?? "default", $0.metadata.name, $0.metadata.uid, false) }
  }

  /// Cordons `node`, checks its pods and starts the evictions; returns what kubectl prints at
  /// once.
  /// - Throws: kubectl's error when the node is missing or pods block the drain.
  public static func begin(node: String, options: DrainOptions, api: APIServer)
    throws(KubectlError) -> [String]
  {
    guard case .node(var n)? = api.get(.node, nil, node) else {
      throw KubectlError("Error from server (NotFound): nodes \"\(node)\" not found")
    }
    var out: [String] = []
    if n.spec.unschedulable == true {
      out.append("node/\(node) already cordoned")
    } else {
      n.spec.unschedulable = true
      n.metadata.resourceVersion = nil
      do { try api.update(.node(n)) } catch {
        throw KubectlError("Error from server (\(error.code.rawValue)): \(error.message)")
      }
      out.append("node/\(node) cordoned")
    }
    var selected: [Pod] = []
    var daemonSet: [String] = []
    var unmanaged: [String] = []
    var fatal: [String] = []
    for p in api.pods(onNode: node) {
      if p.metadata.annotations["kubernetes.io/config.mirror"] != nil { continue }
      let name = "\(p.metadata.namespace ?? "default")/\(p.metadata.name)"
      let owner = p.metadata.ownerReferences.first { $0.controller == true }
      if p.isTerminal {
        selected.append(p)
      } else if owner?.kind == "DaemonSet" {
        daemonSet.append(name)
      } else if owner == nil {
        unmanaged.append(name)
        if options.force { selected.append(p) }
      } else {
        selected.append(p)
      }
    }
    // drain/filters.go messages.
    if !daemonSet.isEmpty && !options.ignoreDaemonSets {
      fatal.append(
        "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): "
          + daemonSet.joined(separator: ", "))
    }
    if !unmanaged.isEmpty && !options.force {
      fatal.append(
        "cannot delete Pods that declare no controller (use --force to override): "
          + unmanaged.joined(separator: ", "))
    }
    if !fatal.isEmpty {
      // cmd/drain/drain.go `RunDrain`.
      throw KubectlError(
        "error: unable to drain node \"\(node)\" due to error: \(fatal.joined(separator: ", ")), "
          + "continuing command...")
    }
    if !daemonSet.isEmpty {
      out.append("Warning: ignoring DaemonSet-managed Pods: " + daemonSet.joined(separator: ", "))
    }
    if !unmanaged.isEmpty {
      out.append("Warning: deleting Pods that declare no controller: " + unmanaged.joined(separator: ", "))
    }
    for p in selected {
      out.append("evicting pod \(p.metadata.namespace ?? "default")/\(p.metadata.name)")
    }
    if selected.isEmpty {
      out.append("node/\(node) drained")
      return out
    }
    api.register(DrainProcess(node: node, options: options, pods: selected))
    return out
  }

  public func start(_ ctx: inout ComponentContext) {
    if let t = options.timeout { ctx.setTimer(after: t, token: UInt64.max) }
    for i in pods.indices { evict(i, &ctx) }
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {}

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard !finished else { return }
    if token == UInt64.max {
      finished = true
      for p in pods where !p.done {
        // drain.go: "error when evicting pods/%q -n %q: global timeout reached: %v".
        emit(
          .warning, "DrainFailed",
          "error when evicting pods/\"\(p.name)\" -n \"\(p.namespace)\": global timeout reached: "
            + "\(options.timeout ?? .zero)", &ctx)
      }
      return
    }
    let i = Int(token / 2)
    guard i < pods.count, !pods[i].done else { return }
    if token % 2 == 0 { evict(i, &ctx) } else { poll(i, &ctx) }
  }

  private func evict(_ i: Int, _ ctx: inout ComponentContext) {
    let p = pods[i]
    do {
      try ctx.api.evict(p.namespace, p.name, gracePeriodSeconds: options.gracePeriodSeconds)
      poll(i, &ctx)
    } catch {
      switch error.code {
      case .notFound:
        poll(i, &ctx)
      case .tooManyRequests:
        emit(
          .warning, "DrainRetry",
          "error when evicting pods/\"\(p.name)\" -n \"\(p.namespace)\" (will retry after 5s): "
            + error.message, &ctx)
        ctx.setTimer(after: Self.retryInterval, token: UInt64(i) * 2)
      default:
        finished = true
        emit(
          .warning, "DrainFailed",
          "error when evicting pods/\"\(p.name)\" -n \"\(p.namespace)\": \(error.message)", &ctx)
      }
    }
  }

  private func poll(_ i: Int, _ ctx: inout ComponentContext) {
    let p = pods[i]
    if let now = ctx.api.get(.pod, p.namespace, p.name), now.metadata.uid == p.uid {
      ctx.setTimer(after: Self.pollInterval, token: UInt64(i) * 2 + 1)
      return
    }
    pods[i].done = true
    emit(.normal, "Drain", "pod/\(p.name) evicted", &ctx)
    if pods.allSatisfy(\.done) {
      finished = true
      emit(.normal, "Drain", "node/\(node) drained", &ctx)
    }
  }

  private func emit(_ type: EventType, _ reason: String, _ message: String, _ ctx: inout ComponentContext) {
    ctx.recordEvent(
      type: type, reason: reason, object: ObjectReference(kind: "Node", name: node), node: node,
      message: message)
  }
}
