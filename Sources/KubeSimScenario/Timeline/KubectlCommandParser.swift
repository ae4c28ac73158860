import KubeSimKernel
/// Parses kubectl command lines (`scale deployment/web --replicas=5`) into `KubectlCommand`s.
///
/// Follows kubectl's own argument conventions (kubectl/pkg/cmd, v1.32): `KIND NAME…` or
/// `KIND/NAME…`, `-n/--namespace`, `-l/--selector`, `--flag=value` or `--flag value`. A leading
/// `kubectl` word is allowed. Verbs that later issues implement are errors that say which issue.
public enum KubectlCommandParser {
  /// kubectl verbs KubeSim knows but does not run yet, and the issue that brings each.
  public static let futureVerbs: [(verb: String, issue: Int)] = [
    ("autoscale", 6),
  ]
  /// The verbs that run now.
  public static let verbs = [
    "apply", "create", "delete", "scale", "cordon", "uncordon", "label", "annotate", "taint",
    "set", "rollout", "patch", "drain",
  ]

  /// Parses one command line.
  /// - Throws: `KubectlError` saying what is wrong and what was expected.
  public static func parse(_ line: String) throws -> KubectlCommand {
    try parse(words: try ShellWords.split(line))
  }

  /// Parses already-split words.
  public static func parse(words: [String]) throws -> KubectlCommand {
    var words = words
    if words.first == "kubectl" { words.removeFirst() }
    guard let verb = words.first else {
      throw KubectlError("empty kubectl command (expected a verb such as scale or apply)")
    }
    let rest = Array(words.dropFirst())
    if let future = futureVerbs.first(where: { $0.verb == verb }) {
      throw KubectlError("kubectl \(verb) is not implemented yet (issue \(future.issue))")
    }
    if let command = try parseWorkloadVerb(verb, rest) { return command }
    switch verb {
    case "scale":
      var a = try Arguments(
        verb, rest, values: ["replicas", "namespace", "selector"], flags: ["all"])
      guard let text = a.values["replicas"] else {
        throw KubectlError("kubectl scale needs --replicas=N")
      }
      guard let replicas = Int32(text), replicas >= 0 else {
        throw KubectlError("--replicas: expected a non-negative integer, found \"\(text)\"")
      }
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      return .scale(target: target, replicas: replicas)
    case "apply", "create":
      let a = try Arguments(verb, rest, values: ["filename", "namespace"], flags: [])
      guard let file = a.values["filename"], !file.isEmpty else {
        throw KubectlError("kubectl \(verb) needs -f FILE")
      }
      try a.expectNoMore()
      return verb == "apply" ? .apply(file: file) : .create(file: file)
    case "delete":
      // `--cascade` alone is `--cascade=background` (delete_flags.go NoOptDefVal).
      let words = rest.map { $0 == "--cascade" ? "--cascade=background" : $0 }
      var a = try Arguments(
        verb, words, values: ["namespace", "selector", "cascade", "grace-period"],
        flags: ["all", "now", "force"])
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      let options = try KubectlDeleteOptions.resolve(
        cascade: a.values["cascade"], gracePeriod: a.values["grace-period"],
        now: a.flags.contains("now"), force: a.flags.contains("force"))
      return .delete(target: target, options: options)
    case "drain":
      return try parseDrain(rest)
    case "cordon", "uncordon":
      let a = try Arguments(verb, rest, values: [], flags: [])
      guard a.positionals.count == 1, let node = a.positionals.first else {
        throw KubectlError(
          "kubectl \(verb) takes exactly one node name, found \(a.positionals.count) arguments")
      }
      return verb == "cordon" ? .cordon(node: node) : .uncordon(node: node)
    case "label", "annotate":
      var a = try Arguments(
        verb, rest, values: ["namespace", "selector"], flags: ["overwrite", "all"])
      let changes = try a.takeTrailing(where: { $0.contains("=") || $0.hasSuffix("-") })
        .map(parseKeyValueChange)
      if changes.isEmpty {
        throw KubectlError("kubectl \(verb) needs at least one key=value or key- argument")
      }
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      let overwrite = a.flags.contains("overwrite")
      return verb == "label"
        ? .label(target: target, changes: changes, overwrite: overwrite)
        : .annotate(target: target, changes: changes, overwrite: overwrite)
    case "taint":
      var a = try Arguments(verb, rest, values: ["selector"], flags: ["overwrite", "all"])
      let specs = a.takeTrailing(where: {
        $0.contains("=") || $0.contains(":") || $0.hasSuffix("-")
      })
      if specs.isEmpty {
        throw KubectlError(
          "kubectl taint needs at least one taint: key=value:Effect or key:Effect-")
      }
      let changes = try specs.map(parseTaintChange)
      let target = try a.target(allowSelector: true)
      try a.expectNoMore()
      let kinds = ["node", "nodes", "no"]
      guard kinds.contains(target.kind) else {
        throw KubectlError("kubectl taint applies to nodes, found kind \"\(target.kind)\"")
      }
      return .taint(target: target, changes: changes, overwrite: a.flags.contains("overwrite"))
    default:
      var message = "unknown kubectl verb \"\(verb)\" (expected one of: "
      message += verbs.joined(separator: ", ") + ")"
      throw KubectlError(message)
    }
  }

  /// `key=value` or `key-` (kubectl/pkg/cmd/label/label.go `parseLabels`).
  static func parseKeyValueChange(_ text: String) throws -> KeyValueChange {
    if text.hasSuffix("-"), !text.contains("=") {
      let key = String(text.dropLast())
      try checkKey(key, in: text)
      return .remove(key: key)
    }
    guard let eq = text.firstIndex(of: "=") else {
      throw KubectlError("invalid change \"\(text)\" (expected key=value or key-)")
    }
    let key = String(text[..<eq])
    try checkKey(key, in: text)
    return .set(key: key, value: String(text[text.index(after: eq)...]))
  }

  /// `key[=value]:Effect` to add, `key[:Effect]-` to remove
  /// (kubectl/pkg/cmd/taint/utils.go `parseTaints`, v1.32).
  /// `drain NODE` with kubectl's drain flags.
  static func parseDrain(_ rest: [String]) throws -> KubectlCommand {
    let a = try Arguments(
      "drain", rest, values: ["grace-period", "timeout"],
      flags: ["ignore-daemonsets", "delete-emptydir-data", "force"])
    guard a.positionals.count == 1, let node = a.positionals.first else {
      throw KubectlError(
        "kubectl drain takes exactly one node name, found \(a.positionals.count) arguments")
    }
    var o = DrainOptions()
    o.ignoreDaemonSets = a.flags.contains("ignore-daemonsets")
    o.deleteEmptyDirData = a.flags.contains("delete-emptydir-data")
    o.force = a.flags.contains("force")
    if let g = a.values["grace-period"] {
      guard let n = Int64(g), n >= -1 else {
        throw KubectlError("--grace-period: expected an integer >= -1, found \"\(g)\"")
      }
      o.gracePeriodSeconds = n < 0 ? nil : n
    }
    if let t = a.values["timeout"] {
      guard let d = try? SimDuration(parsing: t), d >= .zero else {
        throw KubectlError("--timeout: expected a duration such as 5m, found \"\(t)\"")
      }
      o.timeout = d == .zero ? nil : d
    }
    return .drain(node: node, options: o)
  }

  static func parseTaintChange(_ text: String) throws -> TaintChange {
    if text.hasSuffix("-") {
      let body = text.dropLast()
      let parts = body.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count <= 2 else { throw KubectlError("invalid taint spec: \(text)") }
      let key = String(parts[0])
      try checkKey(key, in: text)
      var effect: TaintEffectName?
      if parts.count == 2 {
        guard let e = TaintEffectName(rawValue: String(parts[1])) else {
          throw invalidEffect(String(parts[1]), in: text)
        }
        effect = e
      }
      return .remove(key: key, effect: effect)
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw KubectlError("invalid taint spec: \(text) (expected key=value:Effect or key:Effect-)")
    }
    guard let effect = TaintEffectName(rawValue: String(parts[1])) else {
      throw invalidEffect(String(parts[1]), in: text)
    }
    let keyValue = parts[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let key = String(keyValue[0])
    try checkKey(key, in: text)
    let value = keyValue.count == 2 ? String(keyValue[1]) : ""
    return .add(key: key, value: value, effect: effect)
  }

  private static func invalidEffect(_ effect: String, in text: String) -> KubectlError {
    // Message after kubectl/pkg/cmd/taint/utils.go validateTaintEffect (v1.32).
    KubectlError(
      "invalid taint spec: \(text), invalid taint effect: \(effect), unsupported taint effect"
        + " (expected NoSchedule, PreferNoSchedule or NoExecute)")
  }

  private static func checkKey(_ key: String, in text: String) throws {
    if key.isEmpty { throw KubectlError("invalid change \"\(text)\": the key is empty") }
    let allowed = key.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
        || $0 == "-" || $0 == "_" || $0 == "." || $0 == "/"
    }
    if !allowed {
      throw KubectlError(
        "invalid key \"\(key)\" in \"\(text)\" (expected letters, digits, '-', '_', '.', one '/')")
    }
  }
}

/// kubectl-style options and positionals of one verb.
struct Arguments {
  var verb: String
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []

  static let shortNames: [Character: String] = [
    "n": "namespace", "l": "selector", "f": "filename", "p": "patch", "c": "containers",
  ]

  init(
    _ verb: String, _ words: [String], values allowedValues: Set<String>,
    flags allowedFlags: Set<String>
  ) throws {
    self.verb = verb
    var i = 0
    while i < words.count {
      let word = words[i]
      i += 1
      guard word.hasPrefix("-"), word.count > 1 else {
        positionals.append(word)
        continue
      }
      var name: String
      var inline: String?
      if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        if let eq = body.firstIndex(of: "=") {
          name = String(body[..<eq])
          inline = String(body[body.index(after: eq)...])
        } else {
          name = String(body)
        }
      } else {
        let body = word.dropFirst()
        guard let letter = body.first, let long = Self.shortNames[letter] else {
          throw KubectlError("unknown flag \(word) for kubectl \(verb)")
        }
        name = long
        let tail = body.dropFirst()
        if !tail.isEmpty { inline = tail.hasPrefix("=") ? String(tail.dropFirst()) : String(tail) }
      }
      if allowedFlags.contains(name) {
        if let inline, inline != "true" {
          if inline == "false" { continue }
          throw KubectlError("--\(name) takes no value, found \"\(inline)\"")
        }
        flags.insert(name)
      } else if allowedValues.contains(name) {
        if let inline {
          values[name] = inline
        } else {
          guard i < words.count else { throw KubectlError("flag --\(name) needs a value") }
          values[name] = words[i]
          i += 1
        }
      } else {
        let known = (allowedValues.union(allowedFlags)).sorted().map { "--" + $0 }
        let list = known.isEmpty ? "none" : known.joined(separator: ", ")
        throw KubectlError("unknown flag --\(name) for kubectl \(verb) (supported: \(list))")
      }
    }
  }

  /// Removes and returns the trailing positionals that satisfy `predicate`.
  mutating func takeTrailing(where predicate: (String) -> Bool) -> [String] {
    var taken: [String] = []
    while let last = positionals.last, predicate(last) {
      taken.insert(last, at: 0)
      positionals.removeLast()
    }
    return taken
  }

  /// `KIND NAME…`, `KIND/NAME…`, or `KIND` with `-l`/`--all`; consumes the positionals.
  mutating func target(allowSelector: Bool) throws -> ResourceTarget {
    let selector = values["selector"]
    let all = flags.contains("all")
    guard let first = positionals.first else {
      throw KubectlError("kubectl \(verb) needs a resource (e.g. deployment/web or pods NAME)")
    }
    var target = ResourceTarget(kind: "", namespace: values["namespace"])
    if first.contains("/") {
      for word in positionals {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw KubectlError("invalid resource \"\(word)\" (expected KIND/NAME)")
        }
        if !target.kind.isEmpty, target.kind != parts[0] {
          throw KubectlError(
            "all resources must be of one kind, found \(target.kind) and \(parts[0])")
        }
        target.kind = String(parts[0])
        target.names.append(String(parts[1]))
      }
    } else {
      target.kind = first
      target.names = Array(positionals.dropFirst())
    }
    positionals = []
    if selector != nil || all {
      guard allowSelector else { throw KubectlError("kubectl \(verb) does not take -l or --all") }
      if !target.names.isEmpty {
        throw KubectlError("give names or a selector (-l/--all), not both")
      }
      target.selector = selector
      target.all = all
    } else if target.names.isEmpty {
      throw KubectlError(
        "kubectl \(verb) \(target.kind) needs a name, -l SELECTOR or --all")
    }
    return target
  }

  func expectNoMore() throws {
    if let extra = positionals.first {
      throw KubectlError("unexpected argument \"\(extra)\" for kubectl \(verb)")
    }
  }
}
