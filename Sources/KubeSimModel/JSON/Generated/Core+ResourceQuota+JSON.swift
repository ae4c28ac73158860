import KubeSimKernel
import KubeSimYAML

extension ResourceQuota: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension ResourceQuotaSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("hard", hard)
    o.put("scopes", scopes)
    o.put("scopeSelector", scopeSelector)
    return o.value
  }
}

extension ScopeSelector: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("matchExpressions", matchExpressions)
    return o.value
  }
}

extension ScopedResourceSelectorRequirement: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("scopeName", scopeName)
    o.always("operator", `operator`)
    o.put("values", values)
    return o.value
  }
}

extension ResourceQuotaStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("hard", hard)
    o.put("used", used)
    return o.value
  }
}
