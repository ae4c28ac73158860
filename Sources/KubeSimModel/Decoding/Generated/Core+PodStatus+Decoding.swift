import KubeSimKernel
import KubeSimYAML

extension PodStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodStatus
  {
    var v = PodStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "phase":
        d.push(key)
        v.phase = try PodPhase.decode(pair.value, in: &d)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      case "message":
        d.push(key)
        v.message = try String.decode(pair.value, in: &d)
        d.pop()
      case "reason":
        d.push(key)
        v.reason = try String.decode(pair.value, in: &d)
        d.pop()
      case "nominatedNodeName":
        d.push(key)
        v.nominatedNodeName = try String.decode(pair.value, in: &d)
        d.pop()
      case "hostIP":
        d.push(key)
        v.hostIP = try String.decode(pair.value, in: &d)
        d.pop()
      case "podIP":
        d.push(key)
        v.podIP = try String.decode(pair.value, in: &d)
        d.pop()
      case "startTime":
        d.push(key)
        v.startTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "initContainerStatuses":
        d.push(key)
        v.initContainerStatuses = try d.decodeArray(pair.value)
        d.pop()
      case "containerStatuses":
        d.push(key)
        v.containerStatuses = try d.decodeArray(pair.value)
        d.pop()
      case "qosClass":
        d.push(key)
        v.qosClass = try PodQOSClass.decode(pair.value, in: &d)
        d.pop()
      case "hostIPs", "podIPs", "ephemeralContainerStatuses", "resize", "resourceClaimStatuses":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PodStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "observedGeneration", "phase", "conditions", "message", "reason", "nominatedNodeName", "hostIP",
    "podIP", "startTime", "initContainerStatuses", "containerStatuses", "qosClass", "hostIPs",
    "podIPs", "ephemeralContainerStatuses", "resize", "resourceClaimStatuses",
  ]
}

extension PodCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodCondition
  {
    var v = PodCondition()
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
      case "observedGeneration":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PodCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastProbeTime", "lastTransitionTime", "reason", "message",
    "observedGeneration",
  ]
}

extension ContainerStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerStatus
  {
    var v = ContainerStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "state":
        d.push(key)
        v.state = try ContainerState.decode(pair.value, in: &d)
        d.pop()
      case "lastState":
        d.push(key)
        v.lastState = try ContainerState.decode(pair.value, in: &d)
        d.pop()
      case "ready":
        d.push(key)
        v.ready = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "restartCount":
        d.push(key)
        v.restartCount = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "image":
        d.push(key)
        v.image = try String.decode(pair.value, in: &d)
        d.pop()
      case "imageID":
        d.push(key)
        v.imageID = try String.decode(pair.value, in: &d)
        d.pop()
      case "containerID":
        d.push(key)
        v.containerID = try String.decode(pair.value, in: &d)
        d.pop()
      case "started":
        d.push(key)
        v.started = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "allocatedResources", "resources", "volumeMounts", "user", "allocatedResourcesStatus",
        "stopSignal":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: ContainerStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "state", "lastState", "ready", "restartCount", "image", "imageID", "containerID",
    "started", "allocatedResources", "resources", "volumeMounts", "user",
    "allocatedResourcesStatus", "stopSignal",
  ]
}

extension ContainerState: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerState
  {
    var v = ContainerState()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "waiting":
        d.push(key)
        v.waiting = try ContainerStateWaiting.decode(pair.value, in: &d)
        d.pop()
      case "running":
        d.push(key)
        v.running = try ContainerStateRunning.decode(pair.value, in: &d)
        d.pop()
      case "terminated":
        d.push(key)
        v.terminated = try ContainerStateTerminated.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerState.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "waiting", "running", "terminated",
  ]
}

extension ContainerStateWaiting: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerStateWaiting
  {
    var v = ContainerStateWaiting()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "reason":
        d.push(key)
        v.reason = try String.decode(pair.value, in: &d)
        d.pop()
      case "message":
        d.push(key)
        v.message = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerStateWaiting.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "reason", "message",
  ]
}

extension ContainerStateRunning: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerStateRunning
  {
    var v = ContainerStateRunning()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "startedAt":
        d.push(key)
        v.startedAt = try SimTime.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerStateRunning.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "startedAt"
  ]
}

extension ContainerStateTerminated: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerStateTerminated
  {
    var v = ContainerStateTerminated()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "exitCode":
        d.push(key)
        v.exitCode = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "signal":
        d.push(key)
        v.signal = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "reason":
        d.push(key)
        v.reason = try String.decode(pair.value, in: &d)
        d.pop()
      case "message":
        d.push(key)
        v.message = try String.decode(pair.value, in: &d)
        d.pop()
      case "startedAt":
        d.push(key)
        v.startedAt = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "finishedAt":
        d.push(key)
        v.finishedAt = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "containerID":
        d.push(key)
        v.containerID = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerStateTerminated.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "exitCode", "signal", "reason", "message", "startedAt", "finishedAt", "containerID",
  ]
}

extension PodPhase: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodPhase
  {
    try d.decodeEnum(node)
  }
}

extension ConditionStatus: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ConditionStatus
  {
    try d.decodeEnum(node)
  }
}

extension PodQOSClass: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodQOSClass
  {
    try d.decodeEnum(node)
  }
}
