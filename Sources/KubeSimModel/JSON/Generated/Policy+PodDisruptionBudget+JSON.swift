import KubeSimKernel
import KubeSimYAML

extension PodDisruptionBudget: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension PodDisruptionBudgetSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("minAvailable", minAvailable)
    o.put("selector", selector)
    o.put("maxUnavailable", maxUnavailable)
    o.put("unhealthyPodEvictionPolicy", unhealthyPodEvictionPolicy)
    return o.value
  }
}

extension PodDisruptionBudgetStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("observedGeneration", observedGeneration)
    o.always("disruptionsAllowed", disruptionsAllowed)
    o.always("currentHealthy", currentHealthy)
    o.always("desiredHealthy", desiredHealthy)
    o.always("expectedPods", expectedPods)
    return o.value
  }
}
