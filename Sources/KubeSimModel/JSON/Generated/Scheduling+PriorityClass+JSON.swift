import KubeSimKernel
import KubeSimYAML

extension PriorityClass: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("value", value)
    o.put("globalDefault", globalDefault)
    o.put("description", description)
    o.put("preemptionPolicy", preemptionPolicy)
    return o.value
  }
}
