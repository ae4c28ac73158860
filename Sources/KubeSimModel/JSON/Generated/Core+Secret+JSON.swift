import KubeSimKernel
import KubeSimYAML

extension Secret: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.put("immutable", immutable)
    o.put("data", data)
    o.put("stringData", stringData)
    o.put("type", type)
    return o.value
  }
}
