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
    if !disruptedPods.isEmpty {
      o.putValue("disruptedPods", .object(disruptedPods.map { ($0.name, $0.time.renderJSON(r)) }))
    }
    if !conditions.isEmpty {
      o.putValue(
        "conditions",
        .array(
          conditions.map { c in
            var co = JSONObjectBuilder(r)
            co.put("type", c.type)
            co.put("status", c.status.rawValue)
            co.put("observedGeneration", c.observedGeneration)
            co.put("lastTransitionTime", c.lastTransitionTime)
            co.put("reason", c.reason)
            co.put("message", c.message)
            return co.value
          }))
    }
    return o.value
  }
}
