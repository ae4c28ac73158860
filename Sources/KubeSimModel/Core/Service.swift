/// A service (`v1.Service`).
public struct Service: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: ServiceSpec
  /// The observed state.
  public var status: ServiceStatus

  /// Creates a `Service`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: ServiceSpec = ServiceSpec(),
    status: ServiceStatus = ServiceStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A service's spec (`v1.ServiceSpec`).
public struct ServiceSpec: Sendable, Equatable {
  /// The ports.
  public var ports: [ServicePort]
  /// The pods behind it (nil: endpoints are managed by hand).
  public var selector: StringMap?
  /// The cluster IP, or `None` for a headless service.
  public var clusterIP: String?
  /// The cluster IPs.
  public var clusterIPs: [String]
  /// ClusterIP (default), NodePort, LoadBalancer or ExternalName.
  public var type: ServiceType?
  /// For ExternalName services.
  public var externalName: String?
  /// `None` (default) or `ClientIP`.
  public var sessionAffinity: String?
  /// `Cluster` or `Local`.
  public var externalTrafficPolicy: String?
  /// `Cluster` or `Local`.
  public var internalTrafficPolicy: String?
  /// IPv4/IPv6.
  public var ipFamilies: [String]
  /// SingleStack, PreferDualStack, RequireDualStack.
  public var ipFamilyPolicy: String?
  /// Endpoints include not-ready pods.
  public var publishNotReadyAddresses: Bool?

  /// Creates a `ServiceSpec`; every parameter defaults to its unset value.
  public init(
    ports: [ServicePort] = [],
    selector: StringMap? = nil,
    clusterIP: String? = nil,
    clusterIPs: [String] = [],
    type: ServiceType? = nil,
    externalName: String? = nil,
    sessionAffinity: String? = nil,
    externalTrafficPolicy: String? = nil,
    internalTrafficPolicy: String? = nil,
    ipFamilies: [String] = [],
    ipFamilyPolicy: String? = nil,
    publishNotReadyAddresses: Bool? = nil
  ) {
    self.ports = ports
    self.selector = selector
    self.clusterIP = clusterIP
    self.clusterIPs = clusterIPs
    self.type = type
    self.externalName = externalName
    self.sessionAffinity = sessionAffinity
    self.externalTrafficPolicy = externalTrafficPolicy
    self.internalTrafficPolicy = internalTrafficPolicy
    self.ipFamilies = ipFamilies
    self.ipFamilyPolicy = ipFamilyPolicy
    self.publishNotReadyAddresses = publishNotReadyAddresses
  }
}

/// A service port (`v1.ServicePort`).
public struct ServicePort: Sendable, Equatable {
  /// The name.
  public var name: String?
  /// The protocol; defaults to TCP.
  public var `protocol`: PortProtocol?
  /// The application protocol.
  public var appProtocol: String?
  /// The service port.
  public var port: Int32
  /// The pod port (number or name); defaults to `port`.
  public var targetPort: IntOrString?
  /// The node port.
  public var nodePort: Int32?

  /// Creates a `ServicePort`; every parameter defaults to its unset value.
  public init(
    name: String? = nil,
    `protocol`: PortProtocol? = nil,
    appProtocol: String? = nil,
    port: Int32 = 0,
    targetPort: IntOrString? = nil,
    nodePort: Int32? = nil
  ) {
    self.name = name
    self.protocol = `protocol`
    self.appProtocol = appProtocol
    self.port = port
    self.targetPort = targetPort
    self.nodePort = nodePort
  }
}

/// A service's status (`v1.ServiceStatus`; load balancer details ignored).
public struct ServiceStatus: Sendable, Equatable {

  /// Creates a `ServiceStatus`; every parameter defaults to its unset value.
  public init() {}
}

/// `v1.ServiceType`.
public enum ServiceType: String, Sendable, Hashable, CaseIterable {
  /// `ClusterIP`.
  case clusterIP = "ClusterIP"
  /// `NodePort`.
  case nodePort = "NodePort"
  /// `LoadBalancer`.
  case loadBalancer = "LoadBalancer"
  /// `ExternalName`.
  case externalName = "ExternalName"
}
