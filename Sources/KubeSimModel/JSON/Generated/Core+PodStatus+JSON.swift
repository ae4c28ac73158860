import KubeSimKernel
import KubeSimYAML

extension PodStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("observedGeneration", observedGeneration)
    o.put("phase", phase)
    o.put("conditions", conditions)
    o.put("message", message)
    o.put("reason", reason)
    o.put("nominatedNodeName", nominatedNodeName)
    o.put("hostIP", hostIP)
    o.put("podIP", podIP)
    o.put("startTime", startTime)
    o.put("initContainerStatuses", initContainerStatuses)
    o.put("containerStatuses", containerStatuses)
    o.put("qosClass", qosClass)
    return o.value
  }
}

extension PodCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastProbeTime", lastProbeTime)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}

extension ContainerStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.put("state", state)
    o.put("lastState", lastState)
    o.always("ready", ready)
    o.always("restartCount", restartCount)
    o.always("image", image)
    o.always("imageID", imageID)
    o.put("containerID", containerID)
    o.put("started", started)
    return o.value
  }
}

extension ContainerState: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("waiting", waiting)
    o.put("running", running)
    o.put("terminated", terminated)
    return o.value
  }
}

extension ContainerStateWaiting: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}

extension ContainerStateRunning: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("startedAt", startedAt)
    return o.value
  }
}

extension ContainerStateTerminated: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("exitCode", exitCode)
    o.put("signal", signal)
    o.put("reason", reason)
    o.put("message", message)
    o.put("startedAt", startedAt)
    o.put("finishedAt", finishedAt)
    o.put("containerID", containerID)
    return o.value
  }
}

extension PodPhase: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension ConditionStatus: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension PodQOSClass: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
