import KubeSimKernel
import KubeSimYAML

extension EndpointSlice: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> EndpointSlice
  {
    var v = EndpointSlice()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "addressType":
        d.push(key)
        v.addressType = try String.decode(pair.value, in: &d)
        d.pop()
      case "endpoints":
        d.push(key)
        v.endpoints = try d.decodeArray(pair.value)
        d.pop()
      case "ports":
        d.push(key)
        v.ports = try d.decodeArray(pair.value)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: EndpointSlice.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "addressType", "endpoints", "ports",
  ]
}

extension Endpoint: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Endpoint
  {
    var v = Endpoint()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "addresses":
        d.push(key)
        v.addresses = try d.decodeArray(pair.value)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try EndpointConditions.decode(pair.value, in: &d)
        d.pop()
      case "hostname":
        d.push(key)
        v.hostname = try String.decode(pair.value, in: &d)
        d.pop()
      case "targetRef":
        d.push(key)
        v.targetRef = try ObjectReference.decode(pair.value, in: &d)
        d.pop()
      case "nodeName":
        d.push(key)
        v.nodeName = try String.decode(pair.value, in: &d)
        d.pop()
      case "zone":
        d.push(key)
        v.zone = try String.decode(pair.value, in: &d)
        d.pop()
      case "deprecatedTopology", "hints":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: Endpoint.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "addresses", "conditions", "hostname", "targetRef", "nodeName", "zone", "deprecatedTopology",
    "hints",
  ]
}

extension EndpointConditions: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> EndpointConditions
  {
    var v = EndpointConditions()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "ready":
        d.push(key)
        v.ready = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "serving":
        d.push(key)
        v.serving = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "terminating":
        d.push(key)
        v.terminating = try Bool.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: EndpointConditions.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "ready", "serving", "terminating",
  ]
}

extension EndpointPort: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> EndpointPort
  {
    var v = EndpointPort()
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
      case "port":
        d.push(key)
        v.port = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "appProtocol":
        d.push(key)
        v.appProtocol = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: EndpointPort.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "protocol", "port", "appProtocol",
  ]
}
