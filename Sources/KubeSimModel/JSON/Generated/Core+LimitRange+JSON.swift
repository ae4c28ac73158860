import KubeSimKernel
import KubeSimYAML

extension LimitRange: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    return o.value
  }
}

extension LimitRangeSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("limits", limits)
    return o.value
  }
}

extension LimitRangeItem: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.put("max", max)
    o.put("min", min)
    o.put("default", `default`)
    o.put("defaultRequest", defaultRequest)
    o.put("maxLimitRequestRatio", maxLimitRequestRatio)
    return o.value
  }
}
