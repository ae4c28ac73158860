import KubeSimKernel
import KubeSimYAML

extension Node: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension NodeSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("podCIDR", podCIDR)
    o.put("providerID", providerID)
    o.put("unschedulable", unschedulable)
    o.put("taints", taints)
    return o.value
  }
}

extension NodeStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("capacity", capacity)
    o.put("allocatable", allocatable)
    o.put("phase", phase)
    o.put("conditions", conditions)
    o.put("addresses", addresses)
    o.put("nodeInfo", nodeInfo)
    o.put("images", images)
    return o.value
  }
}

extension NodeCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastHeartbeatTime", lastHeartbeatTime)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}

extension NodeAddress: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("address", address)
    return o.value
  }
}

extension NodeSystemInfo: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("kubeletVersion", kubeletVersion)
    o.always("containerRuntimeVersion", containerRuntimeVersion)
    o.always("operatingSystem", operatingSystem)
    o.always("architecture", architecture)
    return o.value
  }
}

extension ContainerImage: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("names", names)
    o.put("sizeBytes", sizeBytes)
    return o.value
  }
}
