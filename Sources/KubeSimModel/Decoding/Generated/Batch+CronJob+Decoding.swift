import KubeSimKernel
import KubeSimYAML

extension CronJob: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CronJob
  {
    var v = CronJob()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "spec":
        d.push(key)
        v.spec = try CronJobSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try CronJobStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: CronJob.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension CronJobSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CronJobSpec
  {
    var v = CronJobSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "schedule":
        d.push(key)
        v.schedule = try String.decode(pair.value, in: &d)
        d.pop()
      case "timeZone":
        d.push(key)
        v.timeZone = try String.decode(pair.value, in: &d)
        d.pop()
      case "startingDeadlineSeconds":
        d.push(key)
        v.startingDeadlineSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "concurrencyPolicy":
        d.push(key)
        v.concurrencyPolicy = try ConcurrencyPolicy.decode(pair.value, in: &d)
        d.pop()
      case "suspend":
        d.push(key)
        v.suspend = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "jobTemplate":
        d.push(key)
        v.jobTemplate = try JobTemplateSpec.decode(pair.value, in: &d)
        d.pop()
      case "successfulJobsHistoryLimit":
        d.push(key)
        v.successfulJobsHistoryLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "failedJobsHistoryLimit":
        d.push(key)
        v.failedJobsHistoryLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: CronJobSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "suspend",
    "jobTemplate", "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
  ]
}

extension ConcurrencyPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ConcurrencyPolicy
  {
    try d.decodeEnum(node)
  }
}

extension JobTemplateSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> JobTemplateSpec
  {
    var v = JobTemplateSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "spec":
        d.push(key)
        v.spec = try JobSpec.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: JobTemplateSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec",
  ]
}

extension CronJobStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CronJobStatus
  {
    var v = CronJobStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "active":
        d.push(key)
        v.active = try d.decodeArray(pair.value)
        d.pop()
      case "lastScheduleTime":
        d.push(key)
        v.lastScheduleTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "lastSuccessfulTime":
        d.push(key)
        v.lastSuccessfulTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: CronJobStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "active", "lastScheduleTime", "lastSuccessfulTime",
  ]
}
