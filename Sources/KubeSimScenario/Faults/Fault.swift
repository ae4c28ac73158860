import KubeSimKernel

/// A scripted fault of the timeline (`fault: node-crash worker-2`, or the structured form
/// `fault: {type: node-crash, node: worker-2}`).
///
/// | form | effect |
/// |---|---|
/// | `node-crash NODE` | the machine dies: kubelet and containers stop, nothing is reported |
/// | `node-recover NODE` | the machine (or kubelet) is back: heartbeats resume, pods resync |
/// | `kubelet-stop NODE` | the kubelet stops; containers keep running, nothing is reported |
/// | `kubelet-start NODE` | the same as `node-recover` |
/// | `node-partition NODE` | the node is cut off from the control plane; pods keep running |
/// | `node-heal NODE` | the partition ends (the same as `node-recover`) |
/// | `zone-outage ZONE` | `node-crash` of every node labelled `topology.kubernetes.io/zone=ZONE` |
/// | `zone-recover ZONE` | `node-recover` of those nodes |
/// | `pod-crash POD [EXIT-CODE]` | every running container of the pod exits (default code 137) |
/// | `oom POD` | every running container of the pod is OOM-killed (exit 137, `OOMKilled`) |
/// | `registry-outage DURATION` | every pull fails (ErrImagePull, ImagePullBackOff) for DURATION |
/// | `slow-pulls DURATION FACTOR` | pulls started within DURATION run FACTOR times slower |
/// | `api-server-outage DURATION` | every write fails for DURATION; the control plane loses leadership if it lasts past the renew deadline |
/// | `scheduler-outage DURATION` | kube-scheduler is down for DURATION, then a new leader acquires the Lease |
/// | `controller-manager-outage DURATION` | kube-controller-manager likewise (every controller) |
///
/// `POD` is `name` (namespace `default`) or `namespace/name`.
public enum Fault: Sendable, Equatable {
  case nodeCrash(node: String)
  case nodeRecover(node: String)
  case kubeletStop(node: String)
  case nodePartition(node: String)
  case nodeHeal(node: String)
  case zoneOutage(zone: String)
  case zoneRecover(zone: String)
  case podCrash(namespace: String, name: String, exitCode: Int32)
  case oom(namespace: String, name: String)
  case registryOutage(duration: SimDuration)
  case slowPulls(duration: SimDuration, factor: Int64)
  case apiServerOutage(duration: SimDuration)
  case schedulerOutage(duration: SimDuration)
  case controllerManagerOutage(duration: SimDuration)

  /// The string form (`node-crash worker-2`).
  public var text: String {
    switch self {
    case .nodeCrash(let n): return "node-crash \(n)"
    case .nodeRecover(let n): return "node-recover \(n)"
    case .kubeletStop(let n): return "kubelet-stop \(n)"
    case .nodePartition(let n): return "node-partition \(n)"
    case .nodeHeal(let n): return "node-heal \(n)"
    case .zoneOutage(let z): return "zone-outage \(z)"
    case .zoneRecover(let z): return "zone-recover \(z)"
    case .podCrash(let ns, let name, let code): return "pod-crash \(ns)/\(name) \(code)"
    case .oom(let ns, let name): return "oom \(ns)/\(name)"
    case .registryOutage(let d): return "registry-outage \(d)"
    case .slowPulls(let d, let f): return "slow-pulls \(d) \(f)"
    case .apiServerOutage(let d): return "api-server-outage \(d)"
    case .schedulerOutage(let d): return "scheduler-outage \(d)"
    case .controllerManagerOutage(let d): return "controller-manager-outage \(d)"
    }
  }

  /// The fault types, as written in scenarios.
  public static let types = [
    "node-crash", "node-recover", "kubelet-stop", "kubelet-start", "node-partition", "node-heal",
    "zone-outage", "zone-recover", "pod-crash", "oom", "registry-outage", "slow-pulls",
    "api-server-outage", "scheduler-outage", "controller-manager-outage",
  ]

  /// Parses the string form: a type and its arguments (`node-crash worker-2`).
  /// - Throws: a message naming what was expected.
  public static func parse(words: [String]) throws(FaultError) -> Fault {
    guard let type = words.first else {
      throw FaultError("expected a fault such as \"node-crash worker-2\", found nothing")
    }
    let args = Array(words.dropFirst())
    func one(_ what: String) throws(FaultError) -> String {
      guard args.count == 1, let a = args.first, !a.isEmpty else {
        throw FaultError("\(type) takes one argument, the \(what), found \(args.count)")
      }
      return a
    }
    func pod(_ s: String) -> (String, String) {
      let parts = s.split(separator: "/", maxSplits: 1).map(String.init)
      return parts.count == 2 ? (parts[0], parts[1]) : ("default", s)
    }
    switch type {
    case "node-crash": return .nodeCrash(node: try one("node name"))
    case "node-recover", "kubelet-start": return .nodeRecover(node: try one("node name"))
    case "kubelet-stop": return .kubeletStop(node: try one("node name"))
    case "node-partition": return .nodePartition(node: try one("node name"))
    case "node-heal": return .nodeHeal(node: try one("node name"))
    case "zone-outage": return .zoneOutage(zone: try one("zone"))
    case "zone-recover": return .zoneRecover(zone: try one("zone"))
    case "oom":
      let (ns, name) = pod(try one("pod (name or namespace/name)"))
      return .oom(namespace: ns, name: name)
    case "pod-crash":
      guard args.count == 1 || args.count == 2 else {
        throw FaultError(
          "pod-crash takes a pod (name or namespace/name) and an optional exit code, found \(args.count) arguments"
        )
      }
      var code: Int32 = 137
      if args.count == 2 {
        guard let c = Int32(args[1]), c >= 0, c <= 255 else {
          throw FaultError("pod-crash: expected an exit code 0-255, found \"\(args[1])\"")
        }
        code = c
      }
      let (ns, name) = pod(args[0])
      return .podCrash(namespace: ns, name: name, exitCode: code)
    case "api-server-outage", "scheduler-outage", "controller-manager-outage":
      guard args.count == 1, let d = try? SimDuration(parsing: args[0]), d > .zero else {
        throw FaultError("\(type) takes a duration (\(type) 2m)")
      }
      switch type {
      case "api-server-outage": return .apiServerOutage(duration: d)
      case "scheduler-outage": return .schedulerOutage(duration: d)
      default: return .controllerManagerOutage(duration: d)
      }
    case "registry-outage", "slow-pulls":
      let want = type == "slow-pulls" ? 2 : 1
      guard args.count == want, let d = try? SimDuration(parsing: args[0]), d > .zero else {
        throw FaultError(
          type == "slow-pulls"
            ? "slow-pulls takes a duration and a slowdown factor (slow-pulls 10m 4)"
            : "registry-outage takes a duration (registry-outage 5m)")
      }
      if type == "registry-outage" { return .registryOutage(duration: d) }
      guard let f = Int64(args[1]), f >= 1 else {
        throw FaultError("slow-pulls: expected a factor of 1 or more, found \"\(args[1])\"")
      }
      return .slowPulls(duration: d, factor: f)
    default:
      throw FaultError(
        "unknown fault \"\(type)\" (expected one of \(types.joined(separator: ", ")))")
    }
  }
}

/// A fault that cannot be parsed.
public struct FaultError: Error, Sendable, Equatable {
  /// What was wrong.
  public var message: String
  /// An error with `message`.
  public init(_ message: String) { self.message = message }
}
