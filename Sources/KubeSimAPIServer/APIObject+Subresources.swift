import KubeSimKernel
import KubeSimModel

extension APIObject {
  /// Copies `old`'s status into self (an update of the main resource keeps the stored status;
  /// upstream: each registry strategy's `PrepareForUpdate`, e.g. pkg/registry/core/pod/strategy.go).
  mutating func keepStatus(of old: APIObject) {
    switch (self, old) {
    case (.pod(var n), .pod(let o)): n.status = o.status; self = .pod(n)
    case (.node(var n), .node(let o)): n.status = o.status; self = .node(n)
    case (.namespace(var n), .namespace(let o)): n.status = o.status; self = .namespace(n)
    case (.service(var n), .service(let o)): n.status = o.status; self = .service(n)
    case (.deployment(var n), .deployment(let o)): n.status = o.status; self = .deployment(n)
    case (.replicaSet(var n), .replicaSet(let o)): n.status = o.status; self = .replicaSet(n)
    case (.daemonSet(var n), .daemonSet(let o)): n.status = o.status; self = .daemonSet(n)
    case (.statefulSet(var n), .statefulSet(let o)): n.status = o.status; self = .statefulSet(n)
    case (.job(var n), .job(let o)): n.status = o.status; self = .job(n)
    case (.cronJob(var n), .cronJob(let o)): n.status = o.status; self = .cronJob(n)
    case (.horizontalPodAutoscaler(var n), .horizontalPodAutoscaler(let o)):
      n.status = o.status; self = .horizontalPodAutoscaler(n)
    case (.podDisruptionBudget(var n), .podDisruptionBudget(let o)):
      n.status = o.status; self = .podDisruptionBudget(n)
    case (.resourceQuota(var n), .resourceQuota(let o)):
      n.status = o.status; self = .resourceQuota(n)
    case (.persistentVolume(var n), .persistentVolume(let o)):
      n.status = o.status; self = .persistentVolume(n)
    case (.persistentVolumeClaim(var n), .persistentVolumeClaim(let o)):
      n.status = o.status; self = .persistentVolumeClaim(n)
    default: break
    }
  }

  /// Replaces self's status with `new`'s, and takes its labels and annotations (a `/status`
  /// write; upstream strategies' `PrepareForUpdate` of the status subresource keep the spec).
  /// For kinds without a status subresource it takes the whole object.
  mutating func takeStatus(of new: APIObject) {
    var updated = new
    updated.keepSpecAndMetadata(of: self)
    self = updated
  }

  private mutating func keepSpecAndMetadata(of old: APIObject) {
    var meta = old.metadata
    let incoming = metadata
    meta.labels = incoming.labels
    meta.annotations = incoming.annotations
    switch (self, old) {
    case (.pod(var n), .pod(let o)): n.spec = o.spec; self = .pod(n)
    case (.node(var n), .node(let o)): n.spec = o.spec; self = .node(n)
    case (.namespace(var n), .namespace(let o)): n.spec = o.spec; self = .namespace(n)
    case (.service(var n), .service(let o)): n.spec = o.spec; self = .service(n)
    case (.deployment(var n), .deployment(let o)): n.spec = o.spec; self = .deployment(n)
    case (.replicaSet(var n), .replicaSet(let o)): n.spec = o.spec; self = .replicaSet(n)
    case (.daemonSet(var n), .daemonSet(let o)): n.spec = o.spec; self = .daemonSet(n)
    case (.statefulSet(var n), .statefulSet(let o)): n.spec = o.spec; self = .statefulSet(n)
    case (.job(var n), .job(let o)): n.spec = o.spec; self = .job(n)
    case (.cronJob(var n), .cronJob(let o)): n.spec = o.spec; self = .cronJob(n)
    case (.horizontalPodAutoscaler(var n), .horizontalPodAutoscaler(let o)):
      n.spec = o.spec; self = .horizontalPodAutoscaler(n)
    case (.podDisruptionBudget(var n), .podDisruptionBudget(let o)):
      n.spec = o.spec; self = .podDisruptionBudget(n)
    case (.resourceQuota(var n), .resourceQuota(let o)):
      n.spec = o.spec; self = .resourceQuota(n)
    case (.persistentVolume(var n), .persistentVolume(let o)):
      n.spec = o.spec; self = .persistentVolume(n)
    case (.persistentVolumeClaim(var n), .persistentVolumeClaim(let o)):
      n.spec = o.spec; self = .persistentVolumeClaim(n)
    default: return  // no status subresource: the whole object is written
    }
    metadata = meta
  }

  /// Keeps fields the API server set (by admission, binding or allocation) when an update
  /// leaves them unset, as `kubectl apply`'s merge does: a pod's `nodeName`, `priority`,
  /// `priorityClassName` and `preemptionPolicy`; a Service's `clusterIP(s)`.
  /// KubeSim differs: upstream a PUT that omits them is rejected as changing immutable fields.
  mutating func keepServerSetFields(of old: APIObject) {
    switch (self, old) {
    case (.pod(var n), .pod(let o)):
      if (n.spec.nodeName ?? "").isEmpty { n.spec.nodeName = o.spec.nodeName }
      if n.spec.priority == nil { n.spec.priority = o.spec.priority }
      if n.spec.priorityClassName == nil { n.spec.priorityClassName = o.spec.priorityClassName }
      if n.spec.preemptionPolicy == nil { n.spec.preemptionPolicy = o.spec.preemptionPolicy }
      self = .pod(n)
    case (.service(var n), .service(let o)):
      if (n.spec.clusterIP ?? "").isEmpty { n.spec.clusterIP = o.spec.clusterIP }
      if n.spec.clusterIPs.isEmpty { n.spec.clusterIPs = o.spec.clusterIPs }
      self = .service(n)
    default: break
    }
  }

  /// True if the spec (the desired state) differs, which increments `metadata.generation`.
  /// Kinds without a spec compare everything but metadata. Upstream: each strategy's
  /// `PrepareForUpdate` (`if !apiequality.Semantic.DeepEqual(newX.Spec, oldX.Spec)`).
  func specDiffers(from old: APIObject) -> Bool {
    switch (self, old) {
    case (.pod(let n), .pod(let o)): return n.spec != o.spec
    case (.node(let n), .node(let o)): return n.spec != o.spec
    case (.namespace(let n), .namespace(let o)): return n.spec != o.spec
    case (.service(let n), .service(let o)): return n.spec != o.spec
    case (.deployment(let n), .deployment(let o)): return n.spec != o.spec
    case (.replicaSet(let n), .replicaSet(let o)): return n.spec != o.spec
    case (.daemonSet(let n), .daemonSet(let o)): return n.spec != o.spec
    case (.statefulSet(let n), .statefulSet(let o)): return n.spec != o.spec
    case (.job(let n), .job(let o)): return n.spec != o.spec
    case (.cronJob(let n), .cronJob(let o)): return n.spec != o.spec
    case (.horizontalPodAutoscaler(let n), .horizontalPodAutoscaler(let o)): return n.spec != o.spec
    case (.podDisruptionBudget(let n), .podDisruptionBudget(let o)): return n.spec != o.spec
    case (.resourceQuota(let n), .resourceQuota(let o)): return n.spec != o.spec
    case (.limitRange(let n), .limitRange(let o)): return n.spec != o.spec
    case (.persistentVolume(let n), .persistentVolume(let o)): return n.spec != o.spec
    case (.persistentVolumeClaim(let n), .persistentVolumeClaim(let o)): return n.spec != o.spec
    default:
      var a = self
      a.metadata = old.metadata
      return a != old
    }
  }
}

extension Pod {
  /// Succeeded or Failed: the pod no longer holds node resources or quota.
  public var isTerminal: Bool {
    status.phase == .succeeded || status.phase == .failed
  }

  /// Whether the pod's requests count against its node (bound and not terminal).
  var countsTowardNode: Bool { !isTerminal }
}

extension PodStatus {
  /// Sets condition `type` to `status`, updating lastTransitionTime only when the status
  /// changes (upstream `podutil.UpdatePodCondition`).
  public mutating func setCondition(
    type: String, status: ConditionStatus, at time: SimTime, reason: String? = nil,
    message: String? = nil
  ) {
    if let i = conditions.firstIndex(where: { $0.type == type }) {
      if conditions[i].status != status { conditions[i].lastTransitionTime = time }
      conditions[i].status = status
      conditions[i].reason = reason
      conditions[i].message = message
    } else {
      conditions.append(
        PodCondition(
          type: type, status: status, lastProbeTime: nil, lastTransitionTime: time, reason: reason,
          message: message))
    }
  }
}
