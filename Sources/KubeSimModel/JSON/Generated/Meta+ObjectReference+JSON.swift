import KubeSimKernel
import KubeSimYAML

extension ObjectReference: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("kind", kind)
    o.put("namespace", namespace)
    o.put("name", name)
    o.put("uid", uid)
    o.put("apiVersion", apiVersion)
    o.put("resourceVersion", resourceVersion)
    o.put("fieldPath", fieldPath)
    return o.value
  }
}
