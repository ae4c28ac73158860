import KubeSimKernel
import KubeSimYAML

extension Service: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension ServiceSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("ports", ports)
    o.put("selector", selector)
    o.put("clusterIP", clusterIP)
    o.put("clusterIPs", clusterIPs)
    o.put("type", type)
    o.put("externalName", externalName)
    o.put("sessionAffinity", sessionAffinity)
    o.put("externalTrafficPolicy", externalTrafficPolicy)
    o.put("internalTrafficPolicy", internalTrafficPolicy)
    o.put("ipFamilies", ipFamilies)
    o.put("ipFamilyPolicy", ipFamilyPolicy)
    o.put("publishNotReadyAddresses", publishNotReadyAddresses)
    return o.value
  }
}

extension ServicePort: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("name", name)
    o.put("protocol", `protocol`)
    o.put("appProtocol", appProtocol)
    o.always("port", port)
    o.put("targetPort", targetPort)
    o.put("nodePort", nodePort)
    return o.value
  }
}

extension ServiceStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    .object([])
  }
}

extension ServiceType: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
