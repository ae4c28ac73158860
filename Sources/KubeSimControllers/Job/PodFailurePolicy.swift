import KubeSimModel
import KubeSimYAML

/// The basics of a Job's `spec.podFailurePolicy` (upstream pkg/controller/job/
/// pod_failure_policy.go `matchPodFailurePolicy`): rules tried in order on a Failed pod, the
/// first match decides. `onExitCodes` (`In`/`NotIn`, optional `containerName`; exit code 0 never
/// matches) and `onPodConditions` (`type`, `status`, default `True`) are modelled, with the
/// actions `FailJob`, `Ignore` and `Count` (`FailIndex` acts as `Count`).
///
/// The model keeps the policy as a raw YAML node; a malformed rule is skipped here (KubeSim
/// differs: kube-apiserver would reject it at validation).
public struct PodFailurePolicy: Sendable, Equatable {
  /// What a matching rule does.
  public enum Action: String, Sendable {
    case failJob = "FailJob"
    case ignore = "Ignore"
    case count = "Count"
    case failIndex = "FailIndex"
  }

  /// One rule.
  public struct Rule: Sendable, Equatable {
    public var action: Action
    public var containerName: String?
    /// `In` (true) or `NotIn` (false), with the codes; nil when the rule has no `onExitCodes`.
    public var exitCodes: (isIn: Bool, values: [Int64])?
    /// `onPodConditions` as (type, status).
    public var conditions: [(type: String, status: String)]

    public static func == (a: Rule, b: Rule) -> Bool {
      a.action == b.action && a.containerName == b.containerName
        && a.exitCodes?.isIn == b.exitCodes?.isIn && a.exitCodes?.values == b.exitCodes?.values
        && a.conditions.map(\.type) == b.conditions.map(\.type)
        && a.conditions.map(\.status) == b.conditions.map(\.status)
    }
  }

  /// The rules, in order.
  public var rules: [Rule]

  /// Reads the policy from its YAML node.
  public init(_ node: YAMLNode) {
    rules = []
    guard let rs = Self.field(node, "rules"), case .sequence(let items) = rs.content else { return }
    for item in items {
      guard let a = Self.string(Self.field(item, "action")), let action = Action(rawValue: a)
      else { continue }
      var rule = Rule(action: action, containerName: nil, exitCodes: nil, conditions: [])
      if let ec = Self.field(item, "onExitCodes") {
        rule.containerName = Self.string(Self.field(ec, "containerName"))
        let op = Self.string(Self.field(ec, "operator")) ?? "In"
        var values: [Int64] = []
        if let v = Self.field(ec, "values"), case .sequence(let vs) = v.content {
          for x in vs {
            if case .scalar(let s) = x.content, case .int(let i) = s.value { values.append(i) }
          }
        }
        rule.exitCodes = (op == "In", values)
      }
      if let pc = Self.field(item, "onPodConditions"), case .sequence(let cs) = pc.content {
        for c in cs {
          guard let t = Self.string(Self.field(c, "type")) else { continue }
          rule.conditions.append((t, Self.string(Self.field(c, "status")) ?? "True"))
        }
      }
      rules.append(rule)
    }
  }

  /// The first rule matching a Failed pod, with its index, or nil.
  public func match(_ pod: Pod) -> (index: Int, rule: Rule, container: String?, code: Int32?)? {
    for (i, rule) in rules.enumerated() {
      if let (isIn, values) = rule.exitCodes {
        for cs in pod.status.initContainerStatuses + pod.status.containerStatuses {
          guard let t = cs.state.terminated, t.exitCode != 0 else { continue }
          if let name = rule.containerName, name != cs.name { continue }
          if values.contains(Int64(t.exitCode)) == isIn { return (i, rule, cs.name, t.exitCode) }
        }
      }
      for c in rule.conditions {
        if pod.status.conditions.contains(where: {
          $0.type == c.type && $0.status.rawValue == c.status
        }) {
          return (i, rule, nil, nil)
        }
      }
    }
    return nil
  }

  private static func field(_ node: YAMLNode?, _ name: String) -> YAMLNode? {
    guard let node, case .mapping(let pairs) = node.content else { return nil }
    for p in pairs {
      if case .scalar(let s) = p.key.content, s.text == name { return p.value }
    }
    return nil
  }

  private static func string(_ node: YAMLNode?) -> String? {
    guard let node, case .scalar(let s) = node.content else { return nil }
    if case .null = s.value { return nil }
    return s.text
  }
}
