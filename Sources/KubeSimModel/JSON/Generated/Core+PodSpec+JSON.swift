import KubeSimKernel
import KubeSimYAML

extension PodSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("volumes", volumes)
    o.put("initContainers", initContainers)
    o.put("containers", containers)
    o.put("restartPolicy", restartPolicy)
    o.put("terminationGracePeriodSeconds", terminationGracePeriodSeconds)
    o.put("activeDeadlineSeconds", activeDeadlineSeconds)
    o.put("dnsPolicy", dnsPolicy)
    o.put("nodeSelector", nodeSelector)
    o.put("serviceAccountName", serviceAccountName)
    o.put("nodeName", nodeName)
    o.put("hostNetwork", hostNetwork)
    o.put("affinity", affinity)
    o.put("schedulerName", schedulerName)
    o.put("tolerations", tolerations)
    o.put("priorityClassName", priorityClassName)
    o.put("priority", priority)
    o.put("enableServiceLinks", enableServiceLinks)
    o.put("preemptionPolicy", preemptionPolicy)
    o.put("overhead", overhead)
    o.put("topologySpreadConstraints", topologySpreadConstraints)
    o.put("schedulingGates", schedulingGates)
    o.put("resources", resources)
    o.put("hostname", hostname)
    o.put("subdomain", subdomain)
    return o.value
  }
}

extension PodSchedulingGate: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    return o.value
  }
}

extension Volume: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.put("persistentVolumeClaim", persistentVolumeClaim)
    o.always("emptyDir", emptyDir)
    o.put("hostPath", hostPath)
    return o.value
  }
}

extension EmptyDirVolumeSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted (`emptyDir: {}` stays).
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("medium", medium)
    o.put("sizeLimit", sizeLimit)
    return o.value
  }
}

extension HostPathVolumeSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("path", path)
    o.put("type", type)
    return o.value
  }
}

extension PersistentVolumeClaimVolumeSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("claimName", claimName)
    o.put("readOnly", readOnly)
    return o.value
  }
}

extension RestartPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension DNSPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension PreemptionPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
