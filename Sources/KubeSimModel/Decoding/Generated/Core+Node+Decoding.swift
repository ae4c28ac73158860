import KubeSimKernel
import KubeSimYAML

extension Node: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Node
  {
    var v = Node()
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
        v.spec = try NodeSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try NodeStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: Node.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension NodeSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSpec
  {
    var v = NodeSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "podCIDR":
        d.push(key)
        v.podCIDR = try String.decode(pair.value, in: &d)
        d.pop()
      case "providerID":
        d.push(key)
        v.providerID = try String.decode(pair.value, in: &d)
        d.pop()
      case "unschedulable":
        d.push(key)
        v.unschedulable = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "taints":
        d.push(key)
        v.taints = try d.decodeArray(pair.value)
        d.pop()
      case "podCIDRs", "configSource", "externalID":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: NodeSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "podCIDR", "providerID", "unschedulable", "taints", "podCIDRs", "configSource", "externalID",
  ]
}

extension NodeStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeStatus
  {
    var v = NodeStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "capacity":
        d.push(key)
        v.capacity = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "allocatable":
        d.push(key)
        v.allocatable = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "phase":
        d.push(key)
        v.phase = try String.decode(pair.value, in: &d)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      case "addresses":
        d.push(key)
        v.addresses = try d.decodeArray(pair.value)
        d.pop()
      case "nodeInfo":
        d.push(key)
        v.nodeInfo = try NodeSystemInfo.decode(pair.value, in: &d)
        d.pop()
      case "images":
        d.push(key)
        v.images = try d.decodeArray(pair.value)
        d.pop()
      case "daemonEndpoints", "volumesInUse", "volumesAttached", "config", "runtimeHandlers",
        "features", "declaredFeatures":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: NodeStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "capacity", "allocatable", "phase", "conditions", "addresses", "nodeInfo", "images",
    "daemonEndpoints", "volumesInUse", "volumesAttached", "config", "runtimeHandlers", "features",
    "declaredFeatures",
  ]
}

extension NodeCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeCondition
  {
    var v = NodeCondition()
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
      case "lastHeartbeatTime":
        d.push(key)
        v.lastHeartbeatTime = try SimTime.decode(pair.value, in: &d)
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
        throw d.unknownField(pair, known: NodeCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastHeartbeatTime", "lastTransitionTime", "reason", "message",
  ]
}

extension NodeAddress: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeAddress
  {
    var v = NodeAddress()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "address":
        d.push(key)
        v.address = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodeAddress.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "address",
  ]
}

extension NodeSystemInfo: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSystemInfo
  {
    var v = NodeSystemInfo()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "kubeletVersion":
        d.push(key)
        v.kubeletVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "containerRuntimeVersion":
        d.push(key)
        v.containerRuntimeVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "operatingSystem":
        d.push(key)
        v.operatingSystem = try String.decode(pair.value, in: &d)
        d.pop()
      case "architecture":
        d.push(key)
        v.architecture = try String.decode(pair.value, in: &d)
        d.pop()
      case "machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "kubeProxyVersion",
        "swap":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: NodeSystemInfo.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "kubeletVersion", "containerRuntimeVersion", "operatingSystem", "architecture", "machineID",
    "systemUUID", "bootID", "kernelVersion", "osImage", "kubeProxyVersion", "swap",
  ]
}

extension ContainerImage: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerImage
  {
    var v = ContainerImage()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "names":
        d.push(key)
        v.names = try d.decodeArray(pair.value)
        d.pop()
      case "sizeBytes":
        d.push(key)
        v.sizeBytes = try Int64.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerImage.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "names", "sizeBytes",
  ]
}
