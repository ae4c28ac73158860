import KubeSimYAML

/// The workload verbs of issue 4: `set image`, `set resources`, `rollout …`, `patch`
/// (kubectl/pkg/cmd/set, kubectl/pkg/cmd/rollout, kubectl/pkg/cmd/patch, v1.32).
extension KubectlCommandParser {
  /// The kinds `set image` and `set resources` change (kubectl's `UpdatePodSpecForObject`).
  static let podTemplateKinds = [
    "pod", "pods", "po", "deployment", "deployments", "deploy", "replicaset", "replicasets", "rs",
    "daemonset", "daemonsets", "ds", "statefulset", "statefulsets", "sts", "job", "jobs",
    "cronjob", "cronjobs", "cj",
  ]

  /// Parses `set`, `rollout` and `patch`; nil for any other verb.
  static func parseWorkloadVerb(_ verb: String, _ rest: [String]) throws -> KubectlCommand? {
    switch verb {
    case "set": return try parseSet(rest)
    case "rollout": return try parseRollout(rest)
    case "patch": return try parsePatch(rest)
    default: return nil
    }
  }

  private static func parseSet(_ rest: [String]) throws -> KubectlCommand {
    guard let sub = rest.first else {
      throw KubectlError("kubectl set needs a subcommand: image or resources")
    }
    let words = Array(rest.dropFirst())
    switch sub {
    case "image":
      var a = try Arguments(
        "set image", words, values: ["namespace", "selector"], flags: ["all"])
      let pairs = a.takeTrailing(where: { $0.contains("=") })
      if pairs.isEmpty {
        throw KubectlError("kubectl set image needs at least one CONTAINER=IMAGE argument")
      }
      let images = try pairs.map { (text) throws -> KeyValuePair in
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw KubectlError("invalid image update \"\(text)\" (expected CONTAINER=IMAGE)")
        }
        return KeyValuePair(key: String(parts[0]), value: String(parts[1]))
      }
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      try checkPodTemplateKind(target, "set image")
      return .setImage(target: target, images: images)
    case "resources":
      var a = try Arguments(
        "set resources", words,
        values: ["namespace", "selector", "containers", "limits", "requests"], flags: ["all"])
      let limits = try resourceList(a.values["limits"], flag: "limits")
      let requests = try resourceList(a.values["requests"], flag: "requests")
      if limits.isEmpty && requests.isEmpty {
        throw KubectlError("kubectl set resources needs --limits or --requests (e.g. --limits=cpu=200m)")
      }
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      try checkPodTemplateKind(target, "set resources")
      let container = a.values["containers"].flatMap { $0 == "*" ? nil : $0 }
      return .setResources(
        target: target, container: container, limits: limits, requests: requests)
    default:
      throw KubectlError(
        "unknown kubectl set subcommand \"\(sub)\" (expected image or resources)")
    }
  }

  /// `cpu=200m,memory=512Mi` (kubectl/pkg/cmd/set/set_resources.go via
  /// `util.HandleResourceRequirementsV1`).
  private static func resourceList(_ text: String?, flag: String) throws -> [KeyValuePair] {
    guard let text, !text.isEmpty else { return [] }
    return try text.split(separator: ",").map { (item) throws -> KeyValuePair in
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw KubectlError("--\(flag): invalid resource \"\(item)\" (expected NAME=QUANTITY)")
      }
      return KeyValuePair(key: String(parts[0]), value: String(parts[1]))
    }
  }

  private static func checkPodTemplateKind(_ target: ResourceTarget, _ verb: String) throws {
    let kind = target.kind.lowercased().split(separator: ".").first.map(String.init) ?? ""
    guard podTemplateKinds.contains(kind) else {
      throw KubectlError(
        "kubectl \(verb) applies to pods, deployments, replicasets, daemonsets, statefulsets, jobs"
          + " and cronjobs, found \"\(target.kind)\"")
    }
  }

  private static func parseRollout(_ rest: [String]) throws -> KubectlCommand {
    let supported = RolloutAction.allCases.map(\.rawValue).joined(separator: ", ")
    guard let sub = rest.first else {
      throw KubectlError("kubectl rollout needs a subcommand (\(supported))")
    }
    guard let action = RolloutAction(rawValue: sub) else {
      throw KubectlError("unknown kubectl rollout subcommand \"\(sub)\" (expected \(supported))")
    }
    var a = try Arguments(
      "rollout \(sub)", Array(rest.dropFirst()),
      values: action == .undo ? ["namespace", "to-revision"] : ["namespace"], flags: [])
    let target = try a.target(allowSelector: false)
    try a.expectNoMore()
    let kind = target.kind.lowercased().split(separator: ".").first.map(String.init) ?? ""
    // kubectl/pkg/polymorphichelpers: rollout works on deployments, daemonsets and statefulsets
    // (pause/resume on deployments only).
    let rolloutKinds = [
      "deployment", "deployments", "deploy", "daemonset", "daemonsets", "ds", "statefulset",
      "statefulsets", "sts",
    ]
    let deploymentOnly = action == .pause || action == .resume
    guard (deploymentOnly ? Array(rolloutKinds.prefix(3)) : rolloutKinds).contains(kind) else {
      throw KubectlError(
        "kubectl rollout \(sub) applies to "
          + (deploymentOnly ? "deployments" : "deployments, daemonsets and statefulsets")
          + ", found \"\(target.kind)\"")
    }
    var toRevision: Int64?
    if let text = a.values["to-revision"] {
      guard let n = Int64(text), n >= 0 else {
        throw KubectlError("--to-revision: expected a non-negative integer, found \"\(text)\"")
      }
      toRevision = n == 0 ? nil : n
    }
    return .rollout(action: action, target: target, toRevision: toRevision)
  }

  private static func parsePatch(_ rest: [String]) throws -> KubectlCommand {
    var a = try Arguments("patch", rest, values: ["namespace", "type", "patch"], flags: [])
    guard let patch = a.values["patch"], !patch.isEmpty else {
      throw KubectlError("kubectl patch needs -p PATCH (a JSON merge patch)")
    }
    guard a.values["type"] == "merge" else {
      let given = a.values["type"].map { "--type \($0)" } ?? "no --type (kubectl's default strategic)"
      throw KubectlError(
        "KubeSim's kubectl patch supports --type merge (JSON merge patch) only, found \(given)")
    }
    _ = try patchObject(patch)
    let target = try a.target(allowSelector: false)
    try a.expectNoMore()
    return .patch(target: target, patch: patch)
  }

  /// The patch text as a JSON object.
  static func patchObject(_ text: String) throws -> JSONValue {
    let nodes: [YAMLNode]
    do {
      nodes = try YAMLParser.parseStream(text, file: "patch")
    } catch {
      throw KubectlError("invalid patch \(text): \(error)")
    }
    guard nodes.count == 1, case .object = nodes[0].toJSON() else {
      throw KubectlError("invalid patch \(text): expected one JSON object")
    }
    return nodes[0].toJSON()
  }
}
