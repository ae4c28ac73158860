import KubeSimKernel
import KubeSimYAML

extension LabelSelector: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("matchLabels", matchLabels)
    o.put("matchExpressions", matchExpressions)
    return o.value
  }
}

extension LabelSelectorRequirement: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("key", key)
    o.always("operator", `operator`)
    o.put("values", values)
    return o.value
  }
}

extension LabelSelectorOperator: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
