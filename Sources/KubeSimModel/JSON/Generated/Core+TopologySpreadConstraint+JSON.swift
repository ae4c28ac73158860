import KubeSimKernel
import KubeSimYAML

extension TopologySpreadConstraint: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("maxSkew", maxSkew)
    o.always("topologyKey", topologyKey)
    o.always("whenUnsatisfiable", whenUnsatisfiable)
    o.put("labelSelector", labelSelector)
    o.put("minDomains", minDomains)
    o.put("nodeAffinityPolicy", nodeAffinityPolicy)
    o.put("nodeTaintsPolicy", nodeTaintsPolicy)
    o.put("matchLabelKeys", matchLabelKeys)
    return o.value
  }
}

extension UnsatisfiableConstraintAction: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension NodeInclusionPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
