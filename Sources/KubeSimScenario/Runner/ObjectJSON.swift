import KubeSimModel
import KubeSimYAML

/// The JSON form of an object for expectations and `get -o json`.
///
/// Stopgap until the model's `APIObject.toJSON(timeBase:)` lands (contract of lane model): it
/// renders metadata and the fields the first slice's expectations read (Deployment/ReplicaSet
/// replicas and status counts; Pod nodeName, phase, conditions; Node unschedulable). Replace the
/// body with `object.toJSON(timeBase: timeBase)` then.
enum ObjectJSON {
  static func render(_ object: APIObject, timeBase: TimeBase) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("apiVersion", .string(object.kind.apiVersion)), ("kind", .string(object.kind.name)),
      ("metadata", metadata(object.metadata, timeBase)),
    ]
    switch object {
    case .deployment(let d):
      pairs.append(("spec", .object(optional([("replicas", d.spec.replicas.map { .int(Int64($0)) })]))))
      pairs.append(("status", .object([
        ("replicas", .int(Int64(d.status.replicas))),
        ("updatedReplicas", .int(Int64(d.status.updatedReplicas))),
        ("readyReplicas", .int(Int64(d.status.readyReplicas))),
        ("availableReplicas", .int(Int64(d.status.availableReplicas))),
        ("unavailableReplicas", .int(Int64(d.status.unavailableReplicas))),
      ])))
    case .replicaSet(let r):
      pairs.append(("spec", .object(optional([("replicas", r.spec.replicas.map { .int(Int64($0)) })]))))
      pairs.append(("status", .object([
        ("replicas", .int(Int64(r.status.replicas))),
        ("readyReplicas", .int(Int64(r.status.readyReplicas))),
      ])))
    case .pod(let p):
      pairs.append(("spec", .object(optional([("nodeName", p.spec.nodeName.map { .string($0) })]))))
      pairs.append(("status", .object(optional([
        ("phase", p.status.phase.map { .string($0.rawValue) }),
        ("conditions", .array(p.status.conditions.map { .object([("type", .string($0.type)), ("status", .string($0.status.rawValue))]) })),
      ]))))
    case .node(let n):
      pairs.append(("spec", .object(optional([("unschedulable", n.spec.unschedulable.map { .bool($0) })]))))
    default:
      break
    }
    return .object(pairs)
  }

  private static func metadata(_ m: ObjectMeta, _ timeBase: TimeBase) -> JSONValue {
    .object(optional([
      ("name", .string(m.name)),
      ("namespace", m.namespace.map { .string($0) }),
      ("uid", .string(m.uid)),
      ("creationTimestamp", m.creationTimestamp.map { .string(timeBase.format($0)) }),
      ("labels", m.labels.isEmpty ? nil : .object(m.labels.map { ($0.key, .string($0.value)) })),
      ("annotations", m.annotations.isEmpty ? nil : .object(m.annotations.map { ($0.key, .string($0.value)) })),
    ]))
  }

  private static func optional(_ pairs: [(String, JSONValue?)]) -> [(String, JSONValue)] {
    pairs.compactMap { pair in pair.1.map { (pair.0, $0) } }
  }
}
