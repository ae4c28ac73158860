import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// How a simulated container behaves, read from the pod's `sim.kubesim.io/*` annotations
/// (SCENARIO-FORMAT.md): a key applies to every container, and `<key>.<container-name>` to one
/// container only (it wins over the plain key).
///
/// | annotation | meaning | default |
/// |---|---|---|
/// | `sim.kubesim.io/duration` | exits after running this long | runs forever |
/// | `sim.kubesim.io/exit-code` | exit code when it exits | 0 |
/// | `sim.kubesim.io/startup` | time from start until its readiness probe first succeeds | 0 |
/// | `sim.kubesim.io/crash-after` | crashes with exit 137 after running this long, every time | never |
/// | `sim.kubesim.io/fail-probability` | chance (0…1, to 1/1000) that a run exits 1 at `duration` | 0 |
///
/// | `sim.kubesim.io/liveness-fail-after` | its liveness probe fails from this long after each start on (KubeSim's annotation) | never |
/// | `sim.kubesim.io/prestop` | the preStop hook's run time (counts against the grace period) | none |
/// | `sim.kubesim.io/shutdown` | time to exit after SIGTERM (KubeSim's annotation) | ignores SIGTERM: killed at the grace period's end |
/// | `sim.kubesim.io/memory` | memory in use (a quantity); above the container's memory limit the container is OOM-killed as soon as it starts | its request |
///
/// | `sim.kubesim.io/disk` | bytes written to the node's filesystem (writable layer, logs, emptyDir), for node-pressure eviction | 0 |
/// | `sim.kubesim.io/cpu` | CPU in use: a quantity, a percentage of the request, or a model (`UsageModel`: diurnal, noise, walk, steps, traffic) | none |
///
/// `sim.kubesim.io/memory` accepts the same models (`UsageModel`); a curve above the memory limit
/// is OOM-killed at the first 10s cAdvisor sample where it crosses (Workload/Kubelet+Usage.swift).
public struct ContainerBehavior: Sendable, Hashable {
  public var duration: SimDuration?
  public var exitCode: Int32 = 0
  public var startup: SimDuration = .zero
  /// `fail-probability` in per-mille (drawn by the kubelet from the run's `workload` stream).
  public var failPerMille: Int = 0
  /// `liveness-fail-after`: the container's liveness endpoint fails from this long after
  /// each start on (a hung process); nil: it never fails.
  public var livenessFailAfter: SimDuration?
  /// `prestop`: how long the preStop hook runs (an exec or `sleep` action's duration).
  public var preStop: SimDuration?
  /// `shutdown`: how long the program takes to exit after SIGTERM; nil: it ignores SIGTERM and
  /// is killed at the end of the grace period.
  public var shutdown: SimDuration?
  /// `memory` usage in bytes, when annotated.
  public var memoryBytes: Int64?
  /// `cpu` usage model (usage issue), when annotated.
  public var cpuUsage: UsageModel?
  /// `memory` usage model (usage issue), when annotated; a constant also sets `memoryBytes`.
  public var memoryUsage: UsageModel?
  /// `disk`: bytes the container writes to the node's filesystem (writable layer, logs and
  /// emptyDir volumes together), for node-pressure eviction; nil: nothing.
  public var diskBytes: Int64?

  public static let prefix = "sim.kubesim.io/"

  public init(duration: SimDuration? = nil, exitCode: Int32 = 0, startup: SimDuration = .zero) {
    self.duration = duration
    self.exitCode = exitCode
    self.startup = startup
  }

  /// An annotation problem (bad duration or integer); the kubelet reports it as a Warning event
  /// and uses the default.
  public struct Problem: Sendable, Hashable {
    public var key: String
    public var message: String
  }

  /// Reads the behaviour of `container` from `annotations`.
  public static func parse(_ annotations: StringMap, container: String)
    -> (behavior: ContainerBehavior, problems: [Problem])
  {
    memo.value(annotations, container: container) {
      parseUncached(annotations, container: container)
    }
  }

  /// Parses are memoised per annotations and container (`AnnotationMemo`).
  static let memo = AnnotationMemo<(behavior: ContainerBehavior, problems: [Problem])>()

  static func parseUncached(_ annotations: StringMap, container: String)
    -> (behavior: ContainerBehavior, problems: [Problem])
  {
    var b = ContainerBehavior()
    var problems: [Problem] = []
    func value(_ name: String) -> (key: String, value: String)? {
      let specific = prefix + name + "." + container
      if let v = annotations[specific] { return (specific, v) }
      let general = prefix + name
      if let v = annotations[general] { return (general, v) }
      return nil
    }
    func duration(_ name: String) -> SimDuration? {
      guard let (k, v) = value(name) else { return nil }
      do {
        let d = try SimDuration(parsing: v)
        if d < .zero {
          problems.append(
            Problem(key: k, message: "\(k): expected a non-negative duration, found \"\(v)\""))
          return nil
        }
        return d
      } catch {
        problems.append(
          Problem(key: k, message: "\(k): expected a duration such as 30s, found \"\(v)\""))
        return nil
      }
    }
    b.duration = duration("duration")
    if let crash = duration("crash-after"), crash < (b.duration ?? .microseconds(Int64.max)) {
      b.duration = crash
      b.exitCode = 137
    } else if let (k, v) = value("exit-code") {
      if let c = Int32(v.trimmingCharacters(in: [" "])), c >= 0, c <= 255 {
        b.exitCode = c
      } else {
        problems.append(Problem(key: k, message: "\(k): expected an integer 0-255, found \"\(v)\""))
      }
    }
    b.startup = duration("startup") ?? .zero
    b.livenessFailAfter = duration("liveness-fail-after")
    b.preStop = duration("prestop")
    b.shutdown = duration("shutdown")
    if let (k, v) = value("memory") {
      if let q = try? Quantity(parsing: v.trimmingCharacters(in: [" "])), q.sign >= 0 {
        b.memoryBytes = q.value
        b.memoryUsage = .constant(.absolute(q.value))
      } else {
        // Richer usage models (KubeSimAPIServer/Metrics/UsageModel.swift); the start-time OOM check
        // keeps using `memoryBytes`, set only for constants.
        do {
          b.memoryUsage = try UsageModel(parsing: v, resource: .memory, key: k)
        } catch {
          problems.append(Problem(key: k, message: error.message))
        }
      }
    }
    if let (k, v) = value("disk") {
      if let q = try? Quantity(parsing: v.trimmingCharacters(in: [" "])), q.sign >= 0 {
        b.diskBytes = q.value
      } else {
        problems.append(
          Problem(key: k, message: "\(k): expected a quantity such as 2Gi, found \"\(v)\""))
      }
    }
    if let (k, v) = value("cpu") {
      do {
        b.cpuUsage = try UsageModel(parsing: v, resource: .cpu, key: k)
      } catch {
        problems.append(Problem(key: k, message: error.message))
      }
    }
    if let (k, v) = value("fail-probability") {
      if let p = Double(v.trimmingCharacters(in: [" "])), p >= 0, p <= 1 {
        b.failPerMille = Int((p * 1000).rounded())
      } else {
        problems.append(
          Problem(key: k, message: "\(k): expected a probability between 0 and 1, found \"\(v)\""))
      }
    }
    return (b, problems)
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: [Character]) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
