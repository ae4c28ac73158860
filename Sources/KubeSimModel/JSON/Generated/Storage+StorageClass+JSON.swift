import KubeSimKernel
import KubeSimYAML

extension StorageClass: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("provisioner", provisioner)
    o.put("parameters", parameters)
    o.put("reclaimPolicy", reclaimPolicy)
    o.put("mountOptions", mountOptions)
    o.put("allowVolumeExpansion", allowVolumeExpansion)
    o.put("volumeBindingMode", volumeBindingMode)
    return o.value
  }
}
