import KubeSimKernel
import KubeSimYAML

extension Job: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Job
  {
    var v = Job()
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
      case "status":
        d.push(key)
        v.status = try JobStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: Job.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension JobSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> JobSpec
  {
    var v = JobSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "parallelism":
        d.push(key)
        v.parallelism = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "completions":
        d.push(key)
        v.completions = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "activeDeadlineSeconds":
        d.push(key)
        v.activeDeadlineSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "podFailurePolicy":
        d.push(key)
        v.podFailurePolicy = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      case "successPolicy":
        d.push(key)
        v.successPolicy = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      case "backoffLimit":
        d.push(key)
        v.backoffLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "backoffLimitPerIndex":
        d.push(key)
        v.backoffLimitPerIndex = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "maxFailedIndexes":
        d.push(key)
        v.maxFailedIndexes = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "manualSelector":
        d.push(key)
        v.manualSelector = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "template":
        d.push(key)
        v.template = try PodTemplateSpec.decode(pair.value, in: &d)
        d.pop()
      case "ttlSecondsAfterFinished":
        d.push(key)
        v.ttlSecondsAfterFinished = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "completionMode":
        d.push(key)
        v.completionMode = try CompletionMode.decode(pair.value, in: &d)
        d.pop()
      case "suspend":
        d.push(key)
        v.suspend = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "podReplacementPolicy":
        d.push(key)
        v.podReplacementPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "managedBy":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: JobSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "successPolicy",
    "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes", "selector", "manualSelector",
    "template", "ttlSecondsAfterFinished", "completionMode", "suspend", "podReplacementPolicy",
    "managedBy",
  ]
}

extension CompletionMode: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CompletionMode
  {
    try d.decodeEnum(node)
  }
}

extension JobStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> JobStatus
  {
    var v = JobStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      case "startTime":
        d.push(key)
        v.startTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "completionTime":
        d.push(key)
        v.completionTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "active":
        d.push(key)
        v.active = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "succeeded":
        d.push(key)
        v.succeeded = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "failed":
        d.push(key)
        v.failed = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "terminating":
        d.push(key)
        v.terminating = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "completedIndexes":
        d.push(key)
        v.completedIndexes = try String.decode(pair.value, in: &d)
        d.pop()
      case "ready":
        d.push(key)
        v.ready = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "failedIndexes", "uncountedTerminatedPods":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: JobStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "conditions", "startTime", "completionTime", "active", "succeeded", "failed", "terminating",
    "completedIndexes", "ready", "failedIndexes", "uncountedTerminatedPods",
  ]
}

extension JobCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> JobCondition
  {
    var v = JobCondition()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try ConditionStatus.decode(pair.value, in: &d)
        d.pop()
      case "lastProbeTime":
        d.push(key)
        v.lastProbeTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "lastTransitionTime":
        d.push(key)
        v.lastTransitionTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "reason":
        d.push(key)
        v.reason = try String.decode(pair.value, in: &d)
        d.pop()
      case "message":
        d.push(key)
        v.message = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: JobCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastProbeTime", "lastTransitionTime", "reason", "message",
  ]
}
