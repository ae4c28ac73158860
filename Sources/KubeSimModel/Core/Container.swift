/// A container of a pod (`v1.Container`).
public struct Container: Sendable, Equatable {
  /// The container's name, unique in the pod.
  public var name: String
  /// The image reference, e.g. `nginx:1.27`.
  public var image: String?
  /// Entrypoint (carried).
  public var command: [String]
  /// Arguments (carried).
  public var args: [String]
  /// Exposed ports (host ports matter to scheduling).
  public var ports: [ContainerPort]
  /// Requests and limits.
  public var resources: ResourceRequirements
  /// `Always` on an init container makes it a sidecar.
  public var restartPolicy: RestartPolicy?
  /// Liveness probe (timing modelled, handler ignored).
  public var livenessProbe: Probe?
  /// Readiness probe (timing modelled, handler ignored).
  public var readinessProbe: Probe?
  /// Startup probe (timing modelled, handler ignored).
  public var startupProbe: Probe?
  /// When to pull; defaulted from the image tag.
  public var imagePullPolicy: PullPolicy?

  /// Creates a `Container`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    image: String? = nil,
    command: [String] = [],
    args: [String] = [],
    ports: [ContainerPort] = [],
    resources: ResourceRequirements = ResourceRequirements(),
    restartPolicy: RestartPolicy? = nil,
    livenessProbe: Probe? = nil,
    readinessProbe: Probe? = nil,
    startupProbe: Probe? = nil,
    imagePullPolicy: PullPolicy? = nil
  ) {
    self.name = name
    self.image = image
    self.command = command
    self.args = args
    self.ports = ports
    self.resources = resources
    self.restartPolicy = restartPolicy
    self.livenessProbe = livenessProbe
    self.readinessProbe = readinessProbe
    self.startupProbe = startupProbe
    self.imagePullPolicy = imagePullPolicy
  }
}

/// A container port (`v1.ContainerPort`).
public struct ContainerPort: Sendable, Equatable {
  /// An optional port name.
  public var name: String?
  /// The node port to bind, if any.
  public var hostPort: Int32?
  /// The port inside the container.
  public var containerPort: Int32
  /// The protocol; defaults to TCP.
  public var `protocol`: PortProtocol?
  /// The host IP to bind.
  public var hostIP: String?

  /// Creates a `ContainerPort`; every parameter defaults to its unset value.
  public init(
    name: String? = nil,
    hostPort: Int32? = nil,
    containerPort: Int32 = 0,
    `protocol`: PortProtocol? = nil,
    hostIP: String? = nil
  ) {
    self.name = name
    self.hostPort = hostPort
    self.containerPort = containerPort
    self.protocol = `protocol`
    self.hostIP = hostIP
  }
}

/// Requests and limits (`v1.ResourceRequirements`).
public struct ResourceRequirements: Sendable, Equatable {
  /// Upper bounds.
  public var limits: ResourceList
  /// What the scheduler reserves.
  public var requests: ResourceList

  /// Creates a `ResourceRequirements`; every parameter defaults to its unset value.
  public init(
    limits: ResourceList = ResourceList(),
    requests: ResourceList = ResourceList()
  ) {
    self.limits = limits
    self.requests = requests
  }
}

/// A probe's timing; the handler (exec/httpGet/tcpSocket/grpc) is accepted but not modelled (`v1.Probe`).
public struct Probe: Sendable, Equatable {
  /// Delay after start before the first probe; defaults to 0.
  public var initialDelaySeconds: Int32?
  /// Probe timeout; defaults to 1.
  public var timeoutSeconds: Int32?
  /// Probe period; defaults to 10.
  public var periodSeconds: Int32?
  /// Consecutive successes to pass; defaults to 1.
  public var successThreshold: Int32?
  /// Consecutive failures to fail; defaults to 3.
  public var failureThreshold: Int32?
  /// Grace period when this probe kills the container.
  public var terminationGracePeriodSeconds: Int64?

  /// Creates a `Probe`; every parameter defaults to its unset value.
  public init(
    initialDelaySeconds: Int32? = nil,
    timeoutSeconds: Int32? = nil,
    periodSeconds: Int32? = nil,
    successThreshold: Int32? = nil,
    failureThreshold: Int32? = nil,
    terminationGracePeriodSeconds: Int64? = nil
  ) {
    self.initialDelaySeconds = initialDelaySeconds
    self.timeoutSeconds = timeoutSeconds
    self.periodSeconds = periodSeconds
    self.successThreshold = successThreshold
    self.failureThreshold = failureThreshold
    self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
  }
}

/// Image pull policy (`v1.PullPolicy`).
public enum PullPolicy: String, Sendable, Hashable, CaseIterable {
  /// `Always`.
  case always = "Always"
  /// `Never`.
  case never = "Never"
  /// `IfNotPresent`.
  case ifNotPresent = "IfNotPresent"
}

/// A port protocol (`v1.Protocol`).
public enum PortProtocol: String, Sendable, Hashable, CaseIterable {
  /// `TCP`.
  case tcp = "TCP"
  /// `UDP`.
  case udp = "UDP"
  /// `SCTP`.
  case sctp = "SCTP"
}
