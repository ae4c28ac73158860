import KubeSimKernel
import KubeSimYAML

extension OwnerReference: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("apiVersion", apiVersion)
    o.always("kind", kind)
    o.always("name", name)
    o.always("uid", uid)
    o.put("controller", controller)
    o.put("blockOwnerDeletion", blockOwnerDeletion)
    return o.value
  }
}
