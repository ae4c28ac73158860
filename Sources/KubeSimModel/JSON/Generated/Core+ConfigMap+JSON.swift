import KubeSimKernel
import KubeSimYAML

extension ConfigMap: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.put("immutable", immutable)
    o.put("data", data)
    o.put("binaryData", binaryData)
    return o.value
  }
}
