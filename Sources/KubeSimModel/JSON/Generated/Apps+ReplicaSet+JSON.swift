import KubeSimKernel
import KubeSimYAML

extension ReplicaSet: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension ReplicaSetSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("replicas", replicas)
    o.put("minReadySeconds", minReadySeconds)
    o.always("selector", selector)
    o.always("template", template)
    return o.value
  }
}

extension ReplicaSetStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("replicas", replicas)
    o.put("fullyLabeledReplicas", fullyLabeledReplicas)
    o.put("readyReplicas", readyReplicas)
    o.put("availableReplicas", availableReplicas)
    o.put("terminatingReplicas", terminatingReplicas)
    o.put("observedGeneration", observedGeneration)
    o.put("conditions", conditions)
    return o.value
  }
}

extension ReplicaSetCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}
