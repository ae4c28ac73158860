import KubeSimKernel
import KubeSimYAML

extension Service: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Service
  {
    var v = Service()
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
        v.spec = try ServiceSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try ServiceStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: Service.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension ServiceSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ServiceSpec
  {
    var v = ServiceSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "ports":
        d.push(key)
        v.ports = try d.decodeArray(pair.value)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "clusterIP":
        d.push(key)
        v.clusterIP = try String.decode(pair.value, in: &d)
        d.pop()
      case "clusterIPs":
        d.push(key)
        v.clusterIPs = try d.decodeArray(pair.value)
        d.pop()
      case "type":
        d.push(key)
        v.type = try ServiceType.decode(pair.value, in: &d)
        d.pop()
      case "externalName":
        d.push(key)
        v.externalName = try String.decode(pair.value, in: &d)
        d.pop()
      case "sessionAffinity":
        d.push(key)
        v.sessionAffinity = try String.decode(pair.value, in: &d)
        d.pop()
      case "externalTrafficPolicy":
        d.push(key)
        v.externalTrafficPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "internalTrafficPolicy":
        d.push(key)
        v.internalTrafficPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "ipFamilies":
        d.push(key)
        v.ipFamilies = try d.decodeArray(pair.value)
        d.pop()
      case "ipFamilyPolicy":
        d.push(key)
        v.ipFamilyPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "publishNotReadyAddresses":
        d.push(key)
        v.publishNotReadyAddresses = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "externalIPs", "loadBalancerIP", "loadBalancerSourceRanges", "healthCheckNodePort",
        "sessionAffinityConfig", "allocateLoadBalancerNodePorts", "loadBalancerClass",
        "trafficDistribution":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: ServiceSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "ports", "selector", "clusterIP", "clusterIPs", "type", "externalName", "sessionAffinity",
    "externalTrafficPolicy", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy",
    "publishNotReadyAddresses", "externalIPs", "loadBalancerIP", "loadBalancerSourceRanges",
    "healthCheckNodePort", "sessionAffinityConfig", "allocateLoadBalancerNodePorts",
    "loadBalancerClass", "trafficDistribution",
  ]
}

extension ServicePort: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ServicePort
  {
    var v = ServicePort()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "protocol":
        d.push(key)
        v.protocol = try PortProtocol.decode(pair.value, in: &d)
        d.pop()
      case "appProtocol":
        d.push(key)
        v.appProtocol = try String.decode(pair.value, in: &d)
        d.pop()
      case "port":
        d.push(key)
        v.port = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "targetPort":
        d.push(key)
        v.targetPort = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      case "nodePort":
        d.push(key)
        v.nodePort = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ServicePort.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "protocol", "appProtocol", "port", "targetPort", "nodePort",
  ]
}

extension ServiceStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ServiceStatus
  {
    let v = ServiceStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "loadBalancer", "conditions":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: ServiceStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "loadBalancer", "conditions",
  ]
}

extension ServiceType: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ServiceType
  {
    try d.decodeEnum(node)
  }
}
