import KubeSimKernel
import KubeSimYAML

extension EndpointSlice: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("addressType", addressType)
    o.always("endpoints", endpoints)
    o.put("ports", ports)
    return o.value
  }
}

extension Endpoint: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("addresses", addresses)
    o.always("conditions", conditions)
    o.put("hostname", hostname)
    o.put("targetRef", targetRef)
    o.put("nodeName", nodeName)
    o.put("zone", zone)
    return o.value
  }
}

extension EndpointConditions: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("ready", ready)
    o.put("serving", serving)
    o.put("terminating", terminating)
    return o.value
  }
}

extension EndpointPort: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("name", name)
    o.put("protocol", `protocol`)
    o.put("port", port)
    o.put("appProtocol", appProtocol)
    return o.value
  }
}
