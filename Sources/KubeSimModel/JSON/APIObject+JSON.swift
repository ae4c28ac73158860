import KubeSimYAML

extension APIObject {
  /// The object as Kubernetes JSON: `apiVersion`, `kind`, then the object's fields in
  /// Kubernetes order (`metadata`, `spec`, `status`, …), empty optional fields omitted.
  ///
  /// Used by `kubesim get -o json`; times are RFC 3339 from `timeBase`.
  public func toJSON(timeBase: TimeBase = .default) -> JSONValue {
    toJSON(JSONRenderer(timeBase: timeBase))
  }

  /// The object as JSON with explicit rendering options (see `JSONRenderer.omitEmpty`).
  public func toJSON(_ r: JSONRenderer) -> JSONValue {
    let body: JSONValue
    switch self {
    case .pod(let o): body = o.renderJSON(r)
    case .node(let o): body = o.renderJSON(r)
    case .namespace(let o): body = o.renderJSON(r)
    case .service(let o): body = o.renderJSON(r)
    case .configMap(let o): body = o.renderJSON(r)
    case .secret(let o): body = o.renderJSON(r)
    case .persistentVolume(let o): body = o.renderJSON(r)
    case .persistentVolumeClaim(let o): body = o.renderJSON(r)
    case .resourceQuota(let o): body = o.renderJSON(r)
    case .limitRange(let o): body = o.renderJSON(r)
    case .deployment(let o): body = o.renderJSON(r)
    case .replicaSet(let o): body = o.renderJSON(r)
    case .daemonSet(let o): body = o.renderJSON(r)
    case .statefulSet(let o): body = o.renderJSON(r)
    case .job(let o): body = o.renderJSON(r)
    case .cronJob(let o): body = o.renderJSON(r)
    case .horizontalPodAutoscaler(let o): body = o.renderJSON(r)
    case .podDisruptionBudget(let o): body = o.renderJSON(r)
    case .priorityClass(let o): body = o.renderJSON(r)
    case .storageClass(let o): body = o.renderJSON(r)
    case .endpointSlice(let o): body = o.renderJSON(r)
    }
    var fields: [(String, JSONValue)] = [
      ("apiVersion", .string(kind.apiVersion)), ("kind", .string(kind.name)),
    ]
    if case .object(let rest) = body { fields += rest }
    return .object(fields)
  }
}
