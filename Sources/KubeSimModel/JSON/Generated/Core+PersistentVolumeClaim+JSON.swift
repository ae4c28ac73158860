import KubeSimKernel
import KubeSimYAML

extension PersistentVolumeClaim: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension PersistentVolumeClaimSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("accessModes", accessModes)
    o.put("selector", selector)
    o.put("resources", resources)
    o.put("volumeName", volumeName)
    o.put("storageClassName", storageClassName)
    o.put("volumeMode", volumeMode)
    return o.value
  }
}

extension VolumeResourceRequirements: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("limits", limits)
    o.put("requests", requests)
    return o.value
  }
}

extension PersistentVolumeClaimStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("phase", phase)
    o.put("accessModes", accessModes)
    o.put("capacity", capacity)
    return o.value
  }
}
