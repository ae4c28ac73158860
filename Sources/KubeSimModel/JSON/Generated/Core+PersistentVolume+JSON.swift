import KubeSimKernel
import KubeSimYAML

extension PersistentVolume: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension PersistentVolumeSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("capacity", capacity)
    o.put("accessModes", accessModes)
    o.put("claimRef", claimRef)
    o.put("persistentVolumeReclaimPolicy", persistentVolumeReclaimPolicy)
    o.put("storageClassName", storageClassName)
    o.put("volumeMode", volumeMode)
    o.put("nodeAffinity", nodeAffinity)
    o.put("csi", csi)
    return o.value
  }
}

extension CSIPersistentVolumeSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("driver", driver)
    o.put("volumeHandle", volumeHandle)
    o.put("readOnly", readOnly)
    return o.value
  }
}

extension VolumeNodeAffinity: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("required", required)
    return o.value
  }
}

extension PersistentVolumeStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("phase", phase)
    return o.value
  }
}
