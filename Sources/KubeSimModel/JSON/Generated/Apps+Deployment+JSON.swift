import KubeSimKernel
import KubeSimYAML

extension Deployment: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension DeploymentSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("replicas", replicas)
    o.always("selector", selector)
    o.always("template", template)
    o.put("strategy", strategy)
    o.put("minReadySeconds", minReadySeconds)
    o.put("revisionHistoryLimit", revisionHistoryLimit)
    o.put("paused", paused)
    o.put("progressDeadlineSeconds", progressDeadlineSeconds)
    return o.value
  }
}

extension DeploymentStrategy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("type", type)
    o.put("rollingUpdate", rollingUpdate)
    return o.value
  }
}

extension RollingUpdateDeployment: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("maxUnavailable", maxUnavailable)
    o.put("maxSurge", maxSurge)
    return o.value
  }
}

extension DeploymentStrategyType: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension DeploymentStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("observedGeneration", observedGeneration)
    o.put("replicas", replicas)
    o.put("updatedReplicas", updatedReplicas)
    o.put("readyReplicas", readyReplicas)
    o.put("availableReplicas", availableReplicas)
    o.put("unavailableReplicas", unavailableReplicas)
    o.put("terminatingReplicas", terminatingReplicas)
    o.put("conditions", conditions)
    o.put("collisionCount", collisionCount)
    return o.value
  }
}

extension DeploymentCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastUpdateTime", lastUpdateTime)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}
