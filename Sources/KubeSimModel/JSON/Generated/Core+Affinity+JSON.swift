import KubeSimKernel
import KubeSimYAML

extension Affinity: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("nodeAffinity", nodeAffinity)
    o.put("podAffinity", podAffinity)
    o.put("podAntiAffinity", podAntiAffinity)
    return o.value
  }
}

extension NodeAffinity: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put(
      "requiredDuringSchedulingIgnoredDuringExecution",
      requiredDuringSchedulingIgnoredDuringExecution)
    o.put(
      "preferredDuringSchedulingIgnoredDuringExecution",
      preferredDuringSchedulingIgnoredDuringExecution)
    return o.value
  }
}

extension NodeSelector: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("nodeSelectorTerms", nodeSelectorTerms)
    return o.value
  }
}

extension NodeSelectorTerm: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("matchExpressions", matchExpressions)
    o.put("matchFields", matchFields)
    return o.value
  }
}

extension NodeSelectorRequirement: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("key", key)
    o.always("operator", `operator`)
    o.put("values", values)
    return o.value
  }
}

extension NodeSelectorOperator: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension PreferredSchedulingTerm: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("weight", weight)
    o.always("preference", preference)
    return o.value
  }
}

extension PodAffinity: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put(
      "requiredDuringSchedulingIgnoredDuringExecution",
      requiredDuringSchedulingIgnoredDuringExecution)
    o.put(
      "preferredDuringSchedulingIgnoredDuringExecution",
      preferredDuringSchedulingIgnoredDuringExecution)
    return o.value
  }
}

extension PodAntiAffinity: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put(
      "requiredDuringSchedulingIgnoredDuringExecution",
      requiredDuringSchedulingIgnoredDuringExecution)
    o.put(
      "preferredDuringSchedulingIgnoredDuringExecution",
      preferredDuringSchedulingIgnoredDuringExecution)
    return o.value
  }
}

extension PodAffinityTerm: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("labelSelector", labelSelector)
    o.put("namespaces", namespaces)
    o.always("topologyKey", topologyKey)
    o.put("namespaceSelector", namespaceSelector)
    o.put("matchLabelKeys", matchLabelKeys)
    o.put("mismatchLabelKeys", mismatchLabelKeys)
    return o.value
  }
}

extension WeightedPodAffinityTerm: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("weight", weight)
    o.always("podAffinityTerm", podAffinityTerm)
    return o.value
  }
}
