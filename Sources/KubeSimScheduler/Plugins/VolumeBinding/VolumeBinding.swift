import KubeSimModel

/// The VolumeBinding plugin, to the extent KubeSim models storage (no PV controller, no
/// provisioning, no binding at PreBind):
///
/// Upstream pkg/scheduler/framework/plugins/volumebinding/volume_binding.go (v1.36):
/// - PreFilter: Skip for a pod without PVC volumes; a missing PVC is UnschedulableAndUnresolvable
///   `persistentvolumeclaim "<name>" not found`; an unbound PVC whose StorageClass does not use
///   `WaitForFirstConsumer` (Immediate, the default) makes the pod UnschedulableAndUnresolvable
///   "pod has unbound immediate PersistentVolumeClaims".
/// - Filter: a bound PVC's PV must exist (`ErrReasonPVNotExist`) and its `nodeAffinity` must match
///   the node (`ErrReasonNodeConflict` "node(s) had volume node affinity conflict"); an unbound
///   WaitForFirstConsumer PVC needs a dynamic provisioner on its class or an unbound PV of its
///   class, with enough capacity and node affinity matching the node
///   (`ErrReasonBindConflict` "node(s) didn't find available persistent volumes to bind").
///
/// KubeSim differs: binding is not performed (a PVC counts as bound when `spec.volumeName` is
/// set), access modes and volume modes are not matched, storage capacity is not scored.
public struct VolumeBinding: PreFilterPlugin, FilterPlugin, Sendable {
  public static let pluginName = "VolumeBinding"
  public var name: String { VolumeBinding.pluginName }
  /// volume_binding.go `ErrReasonBindConflict`.
  public static let reasonBindConflict = "node(s) didn't find available persistent volumes to bind"
  /// volume_binding.go `ErrReasonNodeConflict`.
  public static let reasonNodeConflict = "node(s) had volume node affinity conflict"
  /// volume_binding.go `ErrReasonPVNotExist`.
  public static let reasonPVNotExist =
    "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"
  /// volume_binding.go PreFilter: unbound claims with Immediate binding.
  public static let reasonUnboundImmediate = "pod has unbound immediate PersistentVolumeClaims"
  public init() {}

  static func isDelayed(_ c: PersistentVolumeClaim, _ cache: VolumeCache) -> Bool {
    guard let cls = c.spec.storageClassName, let sc = cache.classes[cls] else { return false }
    return sc.volumeBindingMode == "WaitForFirstConsumer"
  }

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    let names = pod.claimNames
    if names.isEmpty { return .skip }
    var unboundImmediate = false
    for n in names {
      guard let c = snapshot.volumes.claim(pod.namespace, n) else {
        return Status(
          .unschedulableAndUnresolvable, ["persistentvolumeclaim \"\(n)\" not found"],
          plugin: name)
      }
      if (c.spec.volumeName ?? "").isEmpty && !Self.isDelayed(c, snapshot.volumes) {
        unboundImmediate = true
      }
    }
    if unboundImmediate {
      return Status(.unschedulableAndUnresolvable, [Self.reasonUnboundImmediate], plugin: name)
    }
    return .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let names = pod.claimNames
    if names.isEmpty { return .success }
    let node = snapshot.nodes[slot]
    var reasons: [String] = []
    for n in names {
      guard let c = snapshot.volumes.claim(pod.namespace, n) else { continue }
      if let vn = c.spec.volumeName, !vn.isEmpty {
        guard let pv = snapshot.volumes.volumes[vn] else {
          if !reasons.contains(Self.reasonPVNotExist) { reasons.append(Self.reasonPVNotExist) }
          continue
        }
        if let req = pv.spec.nodeAffinity?.required,
          !req.matches(labels: node.metadata.labels, name: node.metadata.name)
        {
          if !reasons.contains(Self.reasonNodeConflict) { reasons.append(Self.reasonNodeConflict) }
        }
        continue
      }
      // Delayed binding: a provisioner can create a volume anywhere (KubeSim does not model
      // allowedTopologies); else an unbound PV of the class must fit here.
      if let cls = c.spec.storageClassName, let sc = snapshot.volumes.classes[cls],
        !sc.provisioner.isEmpty, sc.provisioner != "kubernetes.io/no-provisioner"
      {
        continue
      }
      let want = c.spec.resources.requests["storage"]?.value ?? 0
      let found = snapshot.volumes.unboundVolumes.contains { pv in
        (pv.spec.storageClassName ?? "") == (c.spec.storageClassName ?? "")
          && (pv.spec.capacity["storage"]?.value ?? 0) >= want
          && (pv.spec.nodeAffinity?.required?.matches(
            labels: node.metadata.labels, name: node.metadata.name) ?? true)
      }
      if !found && !reasons.contains(Self.reasonBindConflict) {
        reasons.append(Self.reasonBindConflict)
      }
    }
    if reasons.isEmpty { return .success }
    return Status(.unschedulableAndUnresolvable, reasons, plugin: name)
  }
}
