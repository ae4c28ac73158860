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
