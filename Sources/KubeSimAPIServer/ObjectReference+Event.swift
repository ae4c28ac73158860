import KubeSimModel

extension ObjectReference {
  /// The reference an Event uses for `object`: its kind, namespace (nil for cluster-scoped
  /// kinds), name and uid.
  public static func to(_ object: APIObject) -> ObjectReference {
    let meta = object.metadata
    return ObjectReference(
      kind: object.kind.name, namespace: object.kind.isNamespaced ? meta.namespace : nil,
      name: meta.name, uid: meta.uid.isEmpty ? nil : meta.uid)
  }

  /// `Kind/namespace/name`, or `Kind/name` without a namespace, as `events.jsonl` writes it.
  public var eventPath: String {
    let kind = self.kind ?? ""
    let name = self.name ?? ""
    if let namespace, !namespace.isEmpty { return "\(kind)/\(namespace)/\(name)" }
    return "\(kind)/\(name)"
  }
}
