/// Endpoints of a service (`discovery.k8s.io/v1.EndpointSlice`).
public struct EndpointSlice: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// IPv4, IPv6 or FQDN.
  public var addressType: String
  /// The endpoints.
  public var endpoints: [Endpoint]
  /// The ports.
  public var ports: [EndpointPort]

  /// Creates a `EndpointSlice`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    addressType: String = "IPv4",
    endpoints: [Endpoint] = [],
    ports: [EndpointPort] = []
  ) {
    self.metadata = metadata
    self.addressType = addressType
    self.endpoints = endpoints
    self.ports = ports
  }
}

/// One endpoint.
public struct Endpoint: Sendable, Equatable {
  /// Addresses.
  public var addresses: [String]
  /// Readiness.
  public var conditions: EndpointConditions
  /// Hostname.
  public var hostname: String?
  /// The pod.
  public var targetRef: ObjectReference?
  /// The node.
  public var nodeName: String?
  /// The zone.
  public var zone: String?

  /// Creates a `Endpoint`; every parameter defaults to its unset value.
  public init(
    addresses: [String] = [],
    conditions: EndpointConditions = EndpointConditions(),
    hostname: String? = nil,
    targetRef: ObjectReference? = nil,
    nodeName: String? = nil,
    zone: String? = nil
  ) {
    self.addresses = addresses
    self.conditions = conditions
    self.hostname = hostname
    self.targetRef = targetRef
    self.nodeName = nodeName
    self.zone = zone
  }
}

/// Endpoint conditions.
public struct EndpointConditions: Sendable, Equatable {
  /// Ready.
  public var ready: Bool?
  /// Serving.
  public var serving: Bool?
  /// Terminating.
  public var terminating: Bool?

  /// Creates a `EndpointConditions`; every parameter defaults to its unset value.
  public init(
    ready: Bool? = nil,
    serving: Bool? = nil,
    terminating: Bool? = nil
  ) {
    self.ready = ready
    self.serving = serving
    self.terminating = terminating
  }
}

/// An endpoint port.
public struct EndpointPort: Sendable, Equatable {
  /// The name.
  public var name: String?
  /// The protocol.
  public var `protocol`: PortProtocol?
  /// The port.
  public var port: Int32?
  /// The application protocol.
  public var appProtocol: String?

  /// Creates a `EndpointPort`; every parameter defaults to its unset value.
  public init(
    name: String? = nil,
    `protocol`: PortProtocol? = nil,
    port: Int32? = nil,
    appProtocol: String? = nil
  ) {
    self.name = name
    self.protocol = `protocol`
    self.port = port
    self.appProtocol = appProtocol
  }
}
