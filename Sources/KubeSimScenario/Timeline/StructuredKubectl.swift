import KubeSimYAML

/// The structured form of a `kubectl:` timeline action, turned into kubectl words.
///
/// ```yaml
/// - at: 2m
///   kubectl: {verb: scale, resource: deployment/web, replicas: 5}
/// - at: 3m
///   kubectl: {verb: label, resource: node/worker-1, labels: {disk: ssd, zone: null}}  # null removes
/// - at: 4m
///   kubectl: {verb: taint, node: worker-1, taints: [{key: dedicated, value: gpu, effect: NoSchedule},
///                                                  {key: spot, effect: NoExecute, remove: true}]}
/// - at: 5m
///   kubectl: {verb: delete, resource: pods, selector: "app=web"}
/// ```
/// Fields: `verb` (required), `resource` (`KIND/NAME`, `KIND`, or a list of `KIND/NAME`),
/// `names`, `namespace`, `selector`, `all`, `file`, `replicas`, `node`, `labels`,
/// `annotations`, `taints`, `overwrite`, and for delete `cascade`, `gracePeriod`, `now`, `force`.
/// They mean what the kubectl flags of the same name mean;
/// the result is checked by the same parser as the string form.
enum StructuredKubectl {
  static let fields = [
    "verb", "resource", "names", "namespace", "selector", "all", "file", "replicas", "node",
    "labels", "annotations", "taints", "overwrite", "cascade", "gracePeriod", "now", "force",
  ]

  static func words(_ field: YAMLField) throws(ScenarioDiagnostic) -> [String] {
    let pairs = try field.mapping(allowed: fields)
    func get(_ key: String) -> YAMLField? { pairs.first(where: { $0.0 == key })?.1 }
    guard let verbField = get("verb") else {
      throw field.error("the structured kubectl form needs verb: (e.g. verb: scale)")
    }
    var words = [try verbField.string()]
    if let node = get("node") {
      if words[0] == "taint" { words.append("nodes") }
      words.append(try node.string())
    }
    if let resource = get("resource") {
      if case .sequence = resource.node.content {
        for item in try resource.sequence() { words.append(try item.string()) }
      } else {
        words.append(try resource.string())
      }
    }
    if let names = get("names") {
      for item in try names.sequence() { words.append(try item.string()) }
    }
    if let ns = get("namespace") { words += ["--namespace", try ns.string()] }
    if let selector = get("selector") { words += ["--selector", try selector.string()] }
    if let all = get("all"), try all.bool() { words.append("--all") }
    if let file = get("file") { words += ["--filename", try file.string()] }
    if let replicas = get("replicas") {
      words.append("--replicas=\(try replicas.unsignedInteger())")
    }
    for key in ["labels", "annotations"] {
      guard let map = get(key) else { continue }
      for (k, v) in try map.mapping() {
        words.append(v.isNull ? k + "-" : k + "=" + (try v.string()))
      }
    }
    if let taints = get("taints") {
      for item in try taints.sequence() {
        let t = try item.mapping(allowed: ["key", "value", "effect", "remove"])
        func tget(_ key: String) -> YAMLField? { t.first(where: { $0.0 == key })?.1 }
        guard let key = tget("key") else { throw item.error("a taint needs key:") }
        var spec = try key.string()
        if let value = tget("value") { spec += "=" + (try value.string()) }
        if let effect = tget("effect") { spec += ":" + (try effect.string()) }
        if let remove = tget("remove"), try remove.bool() { spec += "-" }
        words.append(spec)
      }
    }
    if let overwrite = get("overwrite"), try overwrite.bool() { words.append("--overwrite") }
    if let cascade = get("cascade") { words.append("--cascade=" + (try cascade.string())) }
    if let grace = get("gracePeriod") { words.append("--grace-period=" + (try grace.string())) }
    if let now = get("now"), try now.bool() { words.append("--now") }
    if let force = get("force"), try force.bool() { words.append("--force") }
    return words
  }

  /// A word as it would be typed in a shell (quoted when it holds spaces or quotes).
  static func quoteIfNeeded(_ word: String) -> String {
    if word.isEmpty || word.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) {
      return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    return word
  }
}
