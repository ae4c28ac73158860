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
    }
  }

  /// The fault types, as written in scenarios.
  public static let types = [
    "node-crash", "node-recover", "kubelet-stop", "kubelet-start", "node-partition", "node-heal",
    "zone-outage", "zone-recover", "pod-crash", "oom",
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
