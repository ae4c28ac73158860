import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Scaling a Deployment whose `spec.replicas` changed (upstream sync.go `isScalingEvent` and
/// `scale`, util/deployment_util.go `GetProportion`, v1.35).
extension DeploymentController {
  /// `isScalingEvent`: some active ReplicaSet's `deployment.kubernetes.io/desired-replicas`
  /// annotation differs from `spec.replicas`.
  func isScalingEvent(_ d: Deployment, _ owned: [ReplicaSet]) -> Bool {
    let want = d.spec.replicas ?? 1
    return owned.contains { rs in
      guard (rs.spec.replicas ?? 0) > 0,
        let desired = Int32(rs.metadata.annotations[Self.desiredReplicasAnnotation] ?? "")
      else { return false }
      return desired != want
    }
  }

  /// sync.go `scale`: one active (or the latest) ReplicaSet takes the full count; a saturated
  /// new ReplicaSet empties the old ones; otherwise (RollingUpdate) the difference between
  /// replicas + maxSurge and the current total is spread over the active ReplicaSets in
  /// proportion to their size, the leftover going to the first (largest) one.
  func scaleForDeployment(
    _ d: Deployment, new: inout ReplicaSet?, old: inout [ReplicaSet],
    _ ctx: inout ComponentContext
  ) {
    let want = d.spec.replicas ?? 1
    let active = ([new].compactMap { $0 } + old).filter { ($0.spec.replicas ?? 0) > 0 }
    // `FindActiveOrLatest`: the only active one, or the newest when none is active.
    var single: ReplicaSet?
    if active.count == 1 {
      single = active[0]
    } else if active.isEmpty {
      single = new ?? old.max { creationKey($0) < creationKey($1) }
    }
    if let one = single {
      if (one.spec.replicas ?? 0) != want { apply(one, to: want, d, new: &new, old: &old, &ctx) }
      return
    }
    // `IsSaturated`: the new ReplicaSet has spec and available replicas equal to the desired.
    if let n = new, (n.spec.replicas ?? 0) == want,
      Int32(n.metadata.annotations[Self.desiredReplicasAnnotation] ?? "") == want,
      n.status.availableReplicas == want
    {
      for rs in old where (rs.spec.replicas ?? 0) > 0 {
        apply(rs, to: 0, d, new: &new, old: &old, &ctx)
      }
      return
    }
    guard DeploymentUtil.isRollingUpdate(d) else { return }
    let total = active.reduce(Int32(0)) { $0 + ($1.spec.replicas ?? 0) }
    let allowed = want > 0 ? want + DeploymentUtil.maxSurge(d) : 0
    let toAdd = allowed - total
    if toAdd == 0 { return }
    // `ReplicaSetsBySizeNewer` (up) / `ReplicaSetsBySizeOlder` (down): larger first, then
    // newer (up) or older (down) first.
    let sorted = active.sorted { a, b in
      let ra = a.spec.replicas ?? 0
      let rb = b.spec.replicas ?? 0
      if ra != rb { return ra > rb }
      return toAdd > 0 ? creationKey(a) > creationKey(b) : creationKey(a) < creationKey(b)
    }
    var added: Int32 = 0
    var sizes: [Int32] = []
    for rs in sorted {
      let p = proportion(rs, d, toAdd: toAdd, added: added)
      sizes.append((rs.spec.replicas ?? 0) + p)
      added += p
    }
    sizes[0] = max(sizes[0] + (toAdd - added), 0)
    for (rs, size) in zip(sorted, sizes) { apply(rs, to: size, d, new: &new, old: &old, &ctx) }
  }

  /// `GetProportion` with `getReplicaSetFraction`: the ReplicaSet's share of the new maximum,
  /// `round(replicas × (replicas' + maxSurge) / max-replicas annotation) − replicas`, capped by
  /// what is left to add (or remove).
  private func proportion(_ rs: ReplicaSet, _ d: Deployment, toAdd: Int32, added: Int32) -> Int32 {
    let r = rs.spec.replicas ?? 0
    if r == 0 || toAdd == 0 || toAdd == added { return 0 }
    let want = d.spec.replicas ?? 1
    var fraction: Int32
    if want == 0 {
      fraction = -r
    } else {
      var before = Int32(rs.metadata.annotations[Self.maxReplicasAnnotation] ?? "") ?? 0
      if before == 0 { before = d.status.replicas }
      if before == 0 {
        fraction = 0
      } else {
        // integer.RoundToInt32 (math.Round: halves away from zero) of r × max / before.
        let num = Int64(r) * Int64(want + DeploymentUtil.maxSurge(d))
        let q = (2 * num + Int64(before)) / (2 * Int64(before))
        fraction = Int32(q) - r
      }
    }
    let allowed = toAdd - added
    return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
  }

  private func creationKey(_ rs: ReplicaSet) -> (Int64, String) {
    (rs.metadata.creationTimestamp?.microseconds ?? 0, rs.metadata.name)
  }

  /// Scales `rs` (writing the annotations even when the size is unchanged, as
  /// `scaleReplicaSet` does when they differ) and keeps `new`/`old` current.
  private func apply(
    _ rs: ReplicaSet, to size: Int32, _ d: Deployment, new: inout ReplicaSet?,
    old: inout [ReplicaSet], _ ctx: inout ComponentContext
  ) {
    var target = rs
    _ = scale(&target, to: size, d, &ctx, force: true)
    if new?.metadata.uid == rs.metadata.uid {
      new = target
    } else if let i = old.firstIndex(where: { $0.metadata.uid == rs.metadata.uid }) {
      old[i] = target
    }
  }
}
