import KubeSimYAML

/// Turns YAML documents into typed objects, as `kubectl apply` with strict field validation
/// would read them.
///
/// Unknown kinds, unserved or removed apiVersions, unknown fields, wrong types and invalid
/// quantities are `ManifestError`s with `file:line:col: field.path: message`. Fields Kubernetes has
/// but KubeSim does not model are accepted and recorded in `warnings`. Values are not defaulted
/// or validated here: the API server does that (`Defaulting`, `Validation`).
///
/// ```swift
/// var decoder = ManifestDecoder()
/// let docs = try decoder.decodeStream(text, file: "web.yaml")
/// ```
public struct ManifestDecoder: Sendable {
  /// The wall-clock instant of simulated time zero, for timestamps in manifests.
  public var timeBase: TimeBase
  /// Warnings of every document decoded so far, in document order.
  public private(set) var warnings: [ManifestWarning] = []

  /// A decoder.
  public init(timeBase: TimeBase = .default) { self.timeBase = timeBase }

  /// Parses a YAML stream and decodes each non-empty document, in order.
  ///
  /// - Throws: `ManifestError` for YAML syntax errors (with the parser's location) and for the
  ///   first document that cannot be decoded.
  public mutating func decodeStream(_ text: String, file: String) throws(ManifestError)
    -> [DecodedDocument]
  {
    let nodes: [YAMLNode]
    do {
      nodes = try YAMLParser.parseStream(text, file: file)
    } catch {
      throw ManifestError(error)
    }
    var out: [DecodedDocument] = []
    for node in nodes {
      if case .scalar(let s) = node.content, s.value == .null { continue }
      out.append(try decode(node))
    }
    return out
  }

  /// Decodes one document.
  public mutating func decode(_ node: YAMLNode) throws(ManifestError) -> DecodedDocument {
    var d = DecodingContext(timeBase: timeBase)
    let doc = try decode(node, in: &d)
    warnings += d.warnings
    return doc
  }

  /// Decodes one document (or a `List` item) with a context whose path is the node's path.
  func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> DecodedDocument
  {
    let pairs: [YAMLPair]
    switch node.content {
    case .mapping(let p): pairs = p
    default: throw d.typeMismatch("a mapping with apiVersion and kind (a Kubernetes object)", node)
    }
    var apiVersionNode: YAMLNode?
    var kindNode: YAMLNode?
    for pair in pairs {
      switch try d.key(pair) {
      case "apiVersion": apiVersionNode = pair.value
      case "kind": kindNode = pair.value
      default: break
      }
    }
    guard let kindNode else {
      throw d.error("missing required field \"kind\"", at: node)
    }
    let kind = try d.decode(kindNode, field: "kind", as: String.self)
    guard let apiVersionNode else {
      throw d.error("missing required field \"apiVersion\" (kind \(kind))", at: node)
    }
    let apiVersion = try d.decode(apiVersionNode, field: "apiVersion", as: String.self)
    if let doc = try decodeServed(apiVersion, kind, node, &d) { return doc }
    // Not served: explain why.
    if let reason = APIVersionTable.removal(apiVersion: apiVersion, kind: kind) {
      d.push("apiVersion")
      throw d.error(
        "no matches for kind \"\(kind)\" in version \"\(apiVersion)\": \(reason)",
        at: apiVersionNode)
    }
    if let served = APIVersionTable.servedVersions(of: kind) {
      d.push("apiVersion")
      let list = served.joined(separator: " or ")
      throw d.error(
        "no matches for kind \"\(kind)\" in version \"\(apiVersion)\"; \(kind) is served as \(list)",
        at: apiVersionNode)
    }
    d.push("kind")
    var msg = "unknown kind \"\(kind)\" (apiVersion \(apiVersion))"
    if let s = Suggestion.closest(to: kind, in: APIVersionTable.allKindNames) {
      msg += "; did you mean \"\(s)\"?"
    }
    throw d.error(msg, at: kindNode)
  }

  // swiftlint:disable:next cyclomatic_complexity
  private func decodeServed(
    _ apiVersion: String, _ kind: String, _ node: YAMLNode, _ d: inout DecodingContext
  ) throws(ManifestError) -> DecodedDocument? {
    switch (apiVersion, kind) {
    case ("v1", "Pod"): return .object(.pod(try Pod.decode(node, in: &d)))
    case ("v1", "Node"): return .object(.node(try Node.decode(node, in: &d)))
    case ("v1", "Namespace"): return .object(.namespace(try Namespace.decode(node, in: &d)))
    case ("v1", "Service"): return .object(.service(try Service.decode(node, in: &d)))
    case ("v1", "ConfigMap"): return .object(.configMap(try ConfigMap.decode(node, in: &d)))
    case ("v1", "Secret"): return .object(.secret(try Secret.decode(node, in: &d)))
    case ("v1", "PersistentVolume"):
      return .object(.persistentVolume(try PersistentVolume.decode(node, in: &d)))
    case ("v1", "PersistentVolumeClaim"):
      return .object(.persistentVolumeClaim(try PersistentVolumeClaim.decode(node, in: &d)))
    case ("v1", "ResourceQuota"):
      return .object(.resourceQuota(try ResourceQuota.decode(node, in: &d)))
    case ("v1", "LimitRange"): return .object(.limitRange(try LimitRange.decode(node, in: &d)))
    case ("apps/v1", "Deployment"): return .object(.deployment(try Deployment.decode(node, in: &d)))
    case ("apps/v1", "ReplicaSet"): return .object(.replicaSet(try ReplicaSet.decode(node, in: &d)))
    case ("apps/v1", "DaemonSet"): return .object(.daemonSet(try DaemonSet.decode(node, in: &d)))
    case ("apps/v1", "StatefulSet"):
      return .object(.statefulSet(try StatefulSet.decode(node, in: &d)))
    case ("batch/v1", "Job"): return .object(.job(try Job.decode(node, in: &d)))
    case ("batch/v1", "CronJob"): return .object(.cronJob(try CronJob.decode(node, in: &d)))
    case ("autoscaling/v2", "HorizontalPodAutoscaler"):
      return .object(.horizontalPodAutoscaler(try HorizontalPodAutoscaler.decode(node, in: &d)))
    case ("autoscaling/v1", "HorizontalPodAutoscaler"):
      return .object(.horizontalPodAutoscaler(try HorizontalPodAutoscaler.decodeV1(node, in: &d)))
    case ("policy/v1", "PodDisruptionBudget"):
      return .object(.podDisruptionBudget(try PodDisruptionBudget.decode(node, in: &d)))
    case ("scheduling.k8s.io/v1", "PriorityClass"):
      return .object(.priorityClass(try PriorityClass.decode(node, in: &d)))
    case ("storage.k8s.io/v1", "StorageClass"):
      return .object(.storageClass(try StorageClass.decode(node, in: &d)))
    case ("discovery.k8s.io/v1", "EndpointSlice"):
      return .object(.endpointSlice(try EndpointSlice.decode(node, in: &d)))
    case ("kubesim.io/v1alpha1", "NodePool"): return .nodePool(try NodePool.decode(node, in: &d))
    case ("kubesim.io/v1alpha1", "Image"): return .image(try ImageSpec.decode(node, in: &d))
    case ("kubesim.io/v1alpha1", "Scenario"): return .scenario(node)
    case ("kubescheduler.config.k8s.io/v1", "KubeSchedulerConfiguration"):
      return .schedulerConfiguration(try KubeSchedulerConfiguration.decode(node, in: &d))
    case ("v1", "List"): return .list(try decodeList(node, in: &d))
    default: return nil
    }
  }

  private func decodeList(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> [DecodedDocument]
  {
    var items: [DecodedDocument] = []
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      switch key {
      case "apiVersion", "kind": continue
      case "metadata": d.ignored(pair, key: key)
      case "items":
        d.push("items")
        for (i, item) in try d.sequence(pair.value).enumerated() {
          d.push(index: i)
          items.append(try decode(item, in: &d))
          d.pop()
        }
        d.pop()
      default: throw d.unknownField(pair, known: ["apiVersion", "kind", "metadata", "items"])
      }
    }
    return items
  }
}
