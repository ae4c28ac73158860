import KubeSimKernel
import KubeSimYAML

extension ObjectMeta: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("name", name)
    o.put("generateName", generateName)
    o.put("namespace", namespace)
    o.put("uid", uid)
    o.put("resourceVersion", resourceVersion)
    o.put("generation", generation)
    o.put("creationTimestamp", creationTimestamp)
    o.put("deletionTimestamp", deletionTimestamp)
    o.put("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
    o.put("labels", labels)
    o.put("annotations", annotations)
    o.put("ownerReferences", ownerReferences)
    o.put("finalizers", finalizers)
    return o.value
  }
}
