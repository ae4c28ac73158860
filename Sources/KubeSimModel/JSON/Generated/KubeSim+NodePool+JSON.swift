import KubeSimKernel
import KubeSimYAML

extension NodePool: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    return o.value
  }
}

extension NodePoolSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("count", count)
    o.put("namePrefix", namePrefix)
    o.always("capacity", capacity)
    o.put("allocatable", allocatable)
    o.putValue("labels", Self.renderNodePoolLabels(labels, r))
    o.put("annotations", annotations)
    o.put("taints", taints)
    o.put("unschedulable", unschedulable)
    o.put("images", images)
    o.put("failureDomain", failureDomain)
    o.put("costPerHour", costPerHour)
    o.put("min", min)
    o.put("max", max)
    o.put("priority", priority)
    return o.value
  }
}

extension NodePoolLabel: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("key", key)
    o.always("values", values)
    return o.value
  }
}
