import KubeSimKernel
import KubeSimModel

/// Deployment helpers from upstream pkg/controller/deployment/util/deployment_util.go (v1.35).
public enum DeploymentUtil {
  /// Whether the strategy is RollingUpdate (the default type).
  public static func isRollingUpdate(_ d: Deployment) -> Bool {
    (d.spec.strategy?.type ?? .rollingUpdate) == .rollingUpdate
  }

  /// `ResolveFenceposts`: maxSurge rounds up, maxUnavailable rounds down (both of `desired`),
  /// both default to 25% (apps/v1 defaults), and if both are 0, maxUnavailable is 1.
  public static func resolveFenceposts(_ d: Deployment) -> (surge: Int32, unavailable: Int32) {
    let desired = d.spec.replicas ?? 1
    let ru = d.spec.strategy?.rollingUpdate
    let surge = scaled(ru?.maxSurge ?? .string("25%"), desired, roundUp: true)
    var unavailable = scaled(ru?.maxUnavailable ?? .string("25%"), desired, roundUp: false)
    if surge == 0 && unavailable == 0 { unavailable = 1 }
    return (surge, unavailable)
  }

  /// `MaxUnavailable`: 0 unless RollingUpdate with replicas > 0; at most replicas.
  public static func maxUnavailable(_ d: Deployment) -> Int32 {
    let r = d.spec.replicas ?? 1
    if !isRollingUpdate(d) || r == 0 { return 0 }
    return min(resolveFenceposts(d).unavailable, r)
  }

  /// `MaxSurge`: 0 unless RollingUpdate.
  public static func maxSurge(_ d: Deployment) -> Int32 {
    isRollingUpdate(d) ? resolveFenceposts(d).surge : 0
  }

  /// `intstr.GetScaledValueFromIntOrPercent`: an int as is, "N%" of total rounded up
  /// (`math.Ceil`) or down; an invalid percentage counts 0.
  public static func scaled(_ v: IntOrString, _ total: Int32, roundUp: Bool) -> Int32 {
    switch v {
    case .int(let i): return i
    case .string(let s):
      guard s.hasSuffix("%"), let p = Int64(s.dropLast()) else { return 0 }
      let num = p * Int64(total)
      return Int32(roundUp ? (num + 99) / 100 : num / 100)
    }
  }

  /// `EqualIgnoreHash`: templates equal once the pod-template-hash label is dropped.
  public static func equalIgnoreHash(_ a: PodTemplateSpec, _ b: PodTemplateSpec) -> Bool {
    var a = a
    var b = b
    a.metadata.labels[PodTemplateHash.labelKey] = nil
    b.metadata.labels[PodTemplateHash.labelKey] = nil
    return a == b
  }

  /// `SetDeploymentCondition`: no change if status and reason are equal; keeps
  /// lastTransitionTime when the status is unchanged.
  public static func setCondition(
    _ status: inout DeploymentStatus, type: String, _ s: ConditionStatus, reason: String,
    message: String, now: SimTime
  ) {
    var c = DeploymentCondition(
      type: type, status: s, lastUpdateTime: now, lastTransitionTime: now, reason: reason,
      message: message)
    if let i = status.conditions.firstIndex(where: { $0.type == type }) {
      let cur = status.conditions[i]
      if cur.status == s && cur.reason == reason { return }
      if cur.status == s { c.lastTransitionTime = cur.lastTransitionTime }
      status.conditions.remove(at: i)
    }
    status.conditions.append(c)
  }

  /// deployment_util.go `GetTerminatingReplicaCountForReplicaSets`: the sum of the ReplicaSets'
  /// `status.terminatingReplicas`; unknown (nil) when a ReplicaSet its controller has synced
  /// (observedGeneration > 0) reports none, as that upstream test's "dropped-rs" case shows.
  static func terminatingReplicas(_ sets: [ReplicaSet]) -> Int32? {
    var sum: Int32 = 0
    for rs in sets {
      if let t = rs.status.terminatingReplicas {
        sum += t
      } else if (rs.status.observedGeneration ?? 0) > 0 {
        return nil
      }
    }
    return sum
  }
}
