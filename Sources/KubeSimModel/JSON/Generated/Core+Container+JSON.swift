import KubeSimKernel
import KubeSimYAML

extension Container: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.put("image", image)
    o.put("command", command)
    o.put("args", args)
    o.put("ports", ports)
    o.put("resources", resources)
    o.put("restartPolicy", restartPolicy)
    o.put("livenessProbe", livenessProbe)
    o.put("readinessProbe", readinessProbe)
    o.put("startupProbe", startupProbe)
    o.put("imagePullPolicy", imagePullPolicy)
    return o.value
  }
}

extension ContainerPort: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("name", name)
    o.put("hostPort", hostPort)
    o.always("containerPort", containerPort)
    o.put("protocol", `protocol`)
    o.put("hostIP", hostIP)
    return o.value
  }
}

extension ResourceRequirements: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("limits", limits)
    o.put("requests", requests)
    return o.value
  }
}

extension Probe: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("initialDelaySeconds", initialDelaySeconds)
    o.put("timeoutSeconds", timeoutSeconds)
    o.put("periodSeconds", periodSeconds)
    o.put("successThreshold", successThreshold)
    o.put("failureThreshold", failureThreshold)
    o.put("terminationGracePeriodSeconds", terminationGracePeriodSeconds)
    return o.value
  }
}

extension PullPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension PortProtocol: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}
