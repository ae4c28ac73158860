import KubeSimKernel
import KubeSimYAML

extension Taint: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("key", key)
    o.put("value", value)
    o.always("effect", effect)
    o.put("timeAdded", timeAdded)
    return o.value
  }
}

extension TaintEffect: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
