import KubeSimKernel
import KubeSimYAML

extension DaemonSet: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension DaemonSetSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("selector", selector)
    o.always("template", template)
    o.put("updateStrategy", updateStrategy)
    o.put("minReadySeconds", minReadySeconds)
    o.put("revisionHistoryLimit", revisionHistoryLimit)
    return o.value
  }
}

extension DaemonSetUpdateStrategy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("type", type)
    o.put("rollingUpdate", rollingUpdate)
    return o.value
  }
}

extension RollingUpdateDaemonSet: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("maxUnavailable", maxUnavailable)
    o.put("maxSurge", maxSurge)
    return o.value
  }
}

extension DaemonSetStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("currentNumberScheduled", currentNumberScheduled)
    o.always("numberMisscheduled", numberMisscheduled)
    o.always("desiredNumberScheduled", desiredNumberScheduled)
    o.always("numberReady", numberReady)
    o.put("observedGeneration", observedGeneration)
    o.put("updatedNumberScheduled", updatedNumberScheduled)
    o.put("numberAvailable", numberAvailable)
    o.put("numberUnavailable", numberUnavailable)
    return o.value
  }
}
