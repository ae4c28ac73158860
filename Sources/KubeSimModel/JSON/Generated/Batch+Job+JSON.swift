import KubeSimKernel
import KubeSimYAML

extension Job: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension JobSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("parallelism", parallelism)
    o.put("completions", completions)
    o.put("activeDeadlineSeconds", activeDeadlineSeconds)
    o.put("podFailurePolicy", podFailurePolicy)
    o.put("successPolicy", successPolicy)
    o.put("backoffLimit", backoffLimit)
    o.put("backoffLimitPerIndex", backoffLimitPerIndex)
    o.put("maxFailedIndexes", maxFailedIndexes)
    o.put("selector", selector)
    o.put("manualSelector", manualSelector)
    o.always("template", template)
    o.put("ttlSecondsAfterFinished", ttlSecondsAfterFinished)
    o.put("completionMode", completionMode)
    o.put("suspend", suspend)
    o.put("podReplacementPolicy", podReplacementPolicy)
    return o.value
  }
}

extension CompletionMode: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension JobStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("conditions", conditions)
    o.put("startTime", startTime)
    o.put("completionTime", completionTime)
    o.put("active", active)
    o.put("succeeded", succeeded)
    o.put("failed", failed)
    o.put("terminating", terminating)
    o.put("completedIndexes", completedIndexes)
    o.put("ready", ready)
    return o.value
  }
}

extension JobCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastProbeTime", lastProbeTime)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}
