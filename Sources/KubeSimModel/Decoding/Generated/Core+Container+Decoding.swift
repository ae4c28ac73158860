import KubeSimKernel
import KubeSimYAML

extension Container: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Container
  {
    var v = Container()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "image":
        d.push(key)
        v.image = try String.decode(pair.value, in: &d)
        d.pop()
      case "command":
        d.push(key)
        v.command = try d.decodeArray(pair.value)
        d.pop()
      case "args":
        d.push(key)
        v.args = try d.decodeArray(pair.value)
        d.pop()
      case "ports":
        d.push(key)
        v.ports = try d.decodeArray(pair.value)
        d.pop()
      case "resources":
        d.push(key)
        v.resources = try ResourceRequirements.decode(pair.value, in: &d)
        d.pop()
      case "restartPolicy":
        d.push(key)
        v.restartPolicy = try RestartPolicy.decode(pair.value, in: &d)
        d.pop()
      case "livenessProbe":
        d.push(key)
        v.livenessProbe = try Probe.decode(pair.value, in: &d)
        d.pop()
      case "readinessProbe":
        d.push(key)
        v.readinessProbe = try Probe.decode(pair.value, in: &d)
        d.pop()
      case "startupProbe":
        d.push(key)
        v.startupProbe = try Probe.decode(pair.value, in: &d)
        d.pop()
      case "imagePullPolicy":
        d.push(key)
        v.imagePullPolicy = try PullPolicy.decode(pair.value, in: &d)
        d.pop()
      case "workingDir", "envFrom", "env", "resizePolicy", "restartPolicyRules", "volumeMounts",
        "volumeDevices", "lifecycle", "terminationMessagePath", "terminationMessagePolicy",
        "securityContext", "stdin", "stdinOnce", "tty":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: Container.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "image", "command", "args", "ports", "resources", "restartPolicy", "livenessProbe",
    "readinessProbe", "startupProbe", "imagePullPolicy", "workingDir", "envFrom", "env",
    "resizePolicy", "restartPolicyRules", "volumeMounts", "volumeDevices", "lifecycle",
    "terminationMessagePath", "terminationMessagePolicy", "securityContext", "stdin", "stdinOnce",
    "tty",
  ]
}

extension ContainerPort: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerPort
  {
    var v = ContainerPort()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "hostPort":
        d.push(key)
        v.hostPort = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "containerPort":
        d.push(key)
        v.containerPort = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "protocol":
        d.push(key)
        v.protocol = try PortProtocol.decode(pair.value, in: &d)
        d.pop()
      case "hostIP":
        d.push(key)
        v.hostIP = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerPort.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "hostPort", "containerPort", "protocol", "hostIP",
  ]
}

extension ResourceRequirements: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ResourceRequirements
  {
    var v = ResourceRequirements()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "limits":
        d.push(key)
        v.limits = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "requests":
        d.push(key)
        v.requests = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "claims":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: ResourceRequirements.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "limits", "requests", "claims",
  ]
}

extension Probe: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Probe
  {
    var v = Probe()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "initialDelaySeconds":
        d.push(key)
        v.initialDelaySeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "timeoutSeconds":
        d.push(key)
        v.timeoutSeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "periodSeconds":
        d.push(key)
        v.periodSeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "successThreshold":
        d.push(key)
        v.successThreshold = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "failureThreshold":
        d.push(key)
        v.failureThreshold = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "terminationGracePeriodSeconds":
        d.push(key)
        v.terminationGracePeriodSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "exec", "httpGet", "tcpSocket", "grpc":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: Probe.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
    "failureThreshold", "terminationGracePeriodSeconds", "exec", "httpGet", "tcpSocket", "grpc",
  ]
}

extension PullPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PullPolicy
  {
    try d.decodeEnum(node)
  }
}

extension PortProtocol: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PortProtocol
  {
    try d.decodeEnum(node)
  }
}
