extension Defaulting {
  /// Pod defaults: the PodSpec defaults plus the Pod-only ones.
  public static func apply(to pod: inout Pod) {
    // SetDefaults_Pod (pkg/apis/core/v1/defaults.go): requests default to limits, per resource.
    for i in pod.spec.containers.indices { defaultRequestsFromLimits(&pod.spec.containers[i]) }
    for i in pod.spec.initContainers.indices {
      defaultRequestsFromLimits(&pod.spec.initContainers[i])
    }
    // SetDefaults_Pod: enableServiceLinks defaults to true (v1.DefaultEnableServiceLinks).
    if pod.spec.enableServiceLinks == nil { pod.spec.enableServiceLinks = true }
    apply(to: &pod.spec)
  }

  static func defaultRequestsFromLimits(_ c: inout Container) {
    for e in c.resources.limits.entries where c.resources.requests[e.name] == nil {
      c.resources.requests[e.name] = e.quantity
    }
  }

  /// PodSpec defaults, also applied to pod templates (SetDefaults_PodSpec).
  public static func apply(to spec: inout PodSpec) {
    // SetDefaults_PodSpec: dnsPolicy ClusterFirst.
    if spec.dnsPolicy == nil { spec.dnsPolicy = .clusterFirst }
    // SetDefaults_PodSpec: restartPolicy Always.
    if spec.restartPolicy == nil { spec.restartPolicy = .always }
    // SetDefaults_PodSpec: terminationGracePeriodSeconds 30 (v1.DefaultTerminationGracePeriodSeconds).
    if spec.terminationGracePeriodSeconds == nil { spec.terminationGracePeriodSeconds = 30 }
    // SetDefaults_PodSpec: schedulerName default-scheduler (v1.DefaultSchedulerName).
    if spec.schedulerName == nil || spec.schedulerName == "" {
      spec.schedulerName = "default-scheduler"
    }
    let hostNetwork = spec.hostNetwork ?? false
    for i in spec.containers.indices { apply(to: &spec.containers[i], hostNetwork: hostNetwork) }
    for i in spec.initContainers.indices {
      apply(to: &spec.initContainers[i], hostNetwork: hostNetwork)
    }
  }

  /// Container defaults (SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe).
  public static func apply(to c: inout Container, hostNetwork: Bool = false) {
    // SetDefaults_Container: imagePullPolicy Always for tag "latest" (also when there is no
    // tag and no digest), else IfNotPresent (parsers.ParseImageName).
    if c.imagePullPolicy == nil {
      c.imagePullPolicy =
        ImageReference.tag(of: c.image ?? "") == "latest" ? .always : .ifNotPresent
    }
    for i in c.ports.indices {
      // SetDefaults_ContainerPort: protocol TCP.
      if c.ports[i].protocol == nil { c.ports[i].protocol = .tcp }
      // defaultHostNetworkPorts (SetDefaults_Pod/PodSpec): with hostNetwork, hostPort = containerPort.
      if hostNetwork && (c.ports[i].hostPort ?? 0) == 0 {
        c.ports[i].hostPort = c.ports[i].containerPort
      }
    }
    for keyPath in [\Container.livenessProbe, \Container.readinessProbe, \Container.startupProbe] {
      if var p = c[keyPath: keyPath] {
        apply(to: &p)
        c[keyPath: keyPath] = p
      }
    }
  }

  /// Probe defaults (SetDefaults_Probe): timeout 1s, period 10s, success 1, failure 3.
  public static func apply(to p: inout Probe) {
    if (p.timeoutSeconds ?? 0) == 0 { p.timeoutSeconds = 1 }
    if (p.periodSeconds ?? 0) == 0 { p.periodSeconds = 10 }
    if (p.successThreshold ?? 0) == 0 { p.successThreshold = 1 }
    if (p.failureThreshold ?? 0) == 0 { p.failureThreshold = 3 }
  }

  /// Node defaults: allocatable defaults to capacity (SetDefaults_NodeStatus).
  public static func apply(to node: inout Node) {
    if node.status.allocatable.isEmpty { node.status.allocatable = node.status.capacity }
  }

  /// Namespace defaults: the `kubernetes.io/metadata.name` label (SetDefaults_Namespace) and
  /// phase Active (SetDefaults_NamespaceStatus).
  public static func apply(to ns: inout Namespace) {
    ns.metadata.labels["kubernetes.io/metadata.name"] = ns.metadata.name
    if ns.status.phase == nil { ns.status.phase = "Active" }
  }

  /// Service defaults (SetDefaults_Service): type ClusterIP, sessionAffinity None, port
  /// protocol TCP, targetPort = port, traffic policies Cluster.
  public static func apply(to svc: inout Service) {
    if svc.spec.sessionAffinity == nil || svc.spec.sessionAffinity == "" {
      svc.spec.sessionAffinity = "None"
    }
    if svc.spec.type == nil { svc.spec.type = .clusterIP }
    for i in svc.spec.ports.indices {
      if svc.spec.ports[i].protocol == nil { svc.spec.ports[i].protocol = .tcp }
      switch svc.spec.ports[i].targetPort {
      case nil, .int(0)?, .string("")?: svc.spec.ports[i].targetPort = .int(svc.spec.ports[i].port)
      default: break
      }
    }
    let type = svc.spec.type ?? .clusterIP
    if (type == .nodePort || type == .loadBalancer) && svc.spec.externalTrafficPolicy == nil {
      svc.spec.externalTrafficPolicy = "Cluster"
    }
    if type != .externalName && svc.spec.internalTrafficPolicy == nil {
      svc.spec.internalTrafficPolicy = "Cluster"
    }
  }

  /// Secret defaults: type Opaque (SetDefaults_Secret).
  public static func apply(to secret: inout Secret) {
    if secret.type == nil || secret.type == "" { secret.type = "Opaque" }
  }

  /// PersistentVolume defaults (SetDefaults_PersistentVolume): phase Pending, reclaim policy
  /// Retain, volume mode Filesystem.
  public static func apply(to pv: inout PersistentVolume) {
    if pv.status.phase == nil { pv.status.phase = "Pending" }
    if pv.spec.persistentVolumeReclaimPolicy == nil {
      pv.spec.persistentVolumeReclaimPolicy = "Retain"
    }
    if pv.spec.volumeMode == nil { pv.spec.volumeMode = "Filesystem" }
  }

  /// PersistentVolumeClaim defaults (SetDefaults_PersistentVolumeClaim[Spec]): phase Pending,
  /// volume mode Filesystem.
  public static func apply(to pvc: inout PersistentVolumeClaim) {
    if pvc.status.phase == nil { pvc.status.phase = "Pending" }
    if pvc.spec.volumeMode == nil { pvc.spec.volumeMode = "Filesystem" }
  }

  /// LimitRange defaults (SetDefaults_LimitRangeItem), for `Container` items: default limits
  /// from max, default requests from default limits, then from min.
  public static func apply(to lr: inout LimitRange) {
    for i in lr.spec.limits.indices where lr.spec.limits[i].type == "Container" {
      var item = lr.spec.limits[i]
      for e in item.max.entries where item.default[e.name] == nil {
        item.default[e.name] = e.quantity
      }
      for e in item.default.entries where item.defaultRequest[e.name] == nil {
        item.defaultRequest[e.name] = e.quantity
      }
      for e in item.min.entries where item.defaultRequest[e.name] == nil {
        item.defaultRequest[e.name] = e.quantity
      }
      lr.spec.limits[i] = item
    }
  }

  /// EndpointSlice defaults: port protocol TCP (discovery/v1 SetDefaults_EndpointPort).
  public static func apply(to slice: inout EndpointSlice) {
    for i in slice.ports.indices where slice.ports[i].protocol == nil {
      slice.ports[i].protocol = .tcp
    }
  }
}
