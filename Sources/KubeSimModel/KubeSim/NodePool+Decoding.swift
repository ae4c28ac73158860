import KubeSimYAML

extension DecodingContext {
  /// Decodes NodePool `labels`: a mapping whose values are a string or a list of strings
  /// (`{tier: web, topology.kubernetes.io/zone: [a, b, c]}`).
  public mutating func decodeNodePoolLabels(_ node: YAMLNode) throws(ManifestError)
    -> [NodePoolLabel]
  {
    var out: [NodePoolLabel] = []
    for pair in try mapping(node) {
      let k = try key(pair)
      push(k)
      if case .sequence = pair.value.content {
        let values: [String] = try decodeArray(pair.value)
        if values.isEmpty { throw error("expected at least one value", at: pair.value) }
        out.append(NodePoolLabel(key: k, values: values))
      } else {
        out.append(NodePoolLabel(key: k, values: [try String.decode(pair.value, in: &self)]))
      }
      pop()
    }
    return out
  }
}

extension NodePoolSpec {
  /// Renders NodePool `labels` as written: a string, or a list for spread values.
  static func renderNodePoolLabels(_ labels: [NodePoolLabel], _ r: JSONRenderer) -> JSONValue? {
    if labels.isEmpty && r.omitEmpty { return nil }
    return .object(
      labels.map { l in
        (l.key, l.values.count == 1 ? .string(l.values[0]) : .array(l.values.map { .string($0) }))
      })
  }
}
