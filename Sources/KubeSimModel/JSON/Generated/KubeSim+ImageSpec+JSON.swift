import KubeSimKernel
import KubeSimYAML

extension ImageSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    return o.value
  }
}

extension ImageSpecSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("reference", reference)
    o.put("aliases", aliases)
    o.always("layers", layers)
    if unpullable { o.always("unpullable", unpullable) }
    return o.value
  }
}

extension ImageLayer: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("digest", digest)
    o.always("size", size)
    return o.value
  }
}
