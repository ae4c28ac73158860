import KubeSimKernel
import KubeSimYAML

extension StatefulSet: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension StatefulSetSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("replicas", replicas)
    o.always("selector", selector)
    o.always("template", template)
    o.put("volumeClaimTemplates", volumeClaimTemplates)
    o.put("serviceName", serviceName)
    o.put("podManagementPolicy", podManagementPolicy)
    o.put("updateStrategy", updateStrategy)
    o.put("revisionHistoryLimit", revisionHistoryLimit)
    o.put("minReadySeconds", minReadySeconds)
    o.put("persistentVolumeClaimRetentionPolicy", persistentVolumeClaimRetentionPolicy)
    o.put("ordinals", ordinals)
    return o.value
  }
}

extension StatefulSetUpdateStrategy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("type", type)
    o.put("rollingUpdate", rollingUpdate)
    return o.value
  }
}

extension RollingUpdateStatefulSetStrategy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("partition", partition)
    o.put("maxUnavailable", maxUnavailable)
    return o.value
  }
}

extension StatefulSetPersistentVolumeClaimRetentionPolicy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("whenDeleted", whenDeleted)
    o.put("whenScaled", whenScaled)
    return o.value
  }
}

extension StatefulSetOrdinals: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("start", start)
    return o.value
  }
}

extension StatefulSetStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("observedGeneration", observedGeneration)
    o.always("replicas", replicas)
    o.put("readyReplicas", readyReplicas)
    o.put("currentReplicas", currentReplicas)
    o.put("updatedReplicas", updatedReplicas)
    o.put("currentRevision", currentRevision)
    o.put("updateRevision", updateRevision)
    o.put("availableReplicas", availableReplicas)
    return o.value
  }
}
