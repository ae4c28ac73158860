/// The result of running a plugin, as upstream `fwk.Status`
/// (k8s.io/kube-scheduler/framework/interface.go, v1.35): a code, reasons and the plugin.
public struct Status: Sendable, Hashable, CustomStringConvertible {
  /// Upstream `fwk.Code`, same names and meaning.
  public enum Code: Int, Sendable, Hashable {
    case success = 0
    case error
    /// Rejected on this node; preemption may help.
    case unschedulable
    /// Rejected on this node; preemption cannot help (e.g. an untolerated taint).
    case unschedulableAndUnresolvable
    case wait
    case skip
    case pending
  }

  public var code: Code
  /// The reasons, in the order the plugin produced them (`Status.Reasons()`).
  public var reasons: [String]
  /// The plugin that produced the status (`Status.Plugin()`), "" for framework statuses.
  public var plugin: String

  public init(_ code: Code, _ reasons: [String] = [], plugin: String = "") {
    self.code = code
    self.reasons = reasons
    self.plugin = plugin
  }

  /// A success with no reasons; allocation-free.
  public static let success = Status(.success)
  /// A `Skip` (the plugin opts out for this pod).
  public static let skip = Status(.skip)

  public var isSuccess: Bool { code == .success }
  /// `Status.IsRejected()`: Unschedulable, UnschedulableAndUnresolvable or Pending.
  public var isRejected: Bool {
    code == .unschedulable || code == .unschedulableAndUnresolvable || code == .pending
  }

  /// `Status.Message()`: the reasons joined by ", ".
  public var message: String { reasons.joined(separator: ", ") }

  public var description: String {
    let name: String
    switch code {
    case .success: name = "Success"
    case .error: name = "Error"
    case .unschedulable: name = "Unschedulable"
    case .unschedulableAndUnresolvable: name = "UnschedulableAndUnresolvable"
    case .wait: name = "Wait"
    case .skip: name = "Skip"
    case .pending: name = "Pending"
    }
    return reasons.isEmpty ? name : "\(name): \(message)"
  }
}
