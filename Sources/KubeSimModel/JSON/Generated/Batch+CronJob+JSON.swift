import KubeSimKernel
import KubeSimYAML

extension CronJob: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension CronJobSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("schedule", schedule)
    o.put("timeZone", timeZone)
    o.put("startingDeadlineSeconds", startingDeadlineSeconds)
    o.put("concurrencyPolicy", concurrencyPolicy)
    o.put("suspend", suspend)
    o.always("jobTemplate", jobTemplate)
    o.put("successfulJobsHistoryLimit", successfulJobsHistoryLimit)
    o.put("failedJobsHistoryLimit", failedJobsHistoryLimit)
    return o.value
  }
}

extension ConcurrencyPolicy: JSONRenderable {
  /// The upstream string value.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(rawValue) }
}

extension JobTemplateSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    return o.value
  }
}

extension CronJobStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("active", active)
    o.put("lastScheduleTime", lastScheduleTime)
    o.put("lastSuccessfulTime", lastSuccessfulTime)
    return o.value
  }
}
