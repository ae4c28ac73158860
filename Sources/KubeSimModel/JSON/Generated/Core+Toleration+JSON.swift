import KubeSimKernel
import KubeSimYAML

extension Toleration: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("key", key)
    o.put("operator", `operator`)
    o.put("value", value)
    o.put("effect", effect)
    o.put("tolerationSeconds", tolerationSeconds)
    return o.value
  }
}

extension TolerationOperator: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
