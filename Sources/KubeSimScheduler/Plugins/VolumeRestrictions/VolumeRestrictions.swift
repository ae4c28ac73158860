import KubeSimModel

/// The VolumeRestrictions plugin (upstream pkg/scheduler/framework/plugins/volumerestrictions/
/// volume_restrictions.go, v1.36), to the extent KubeSim models volumes (PVC volumes only):
///
/// - PreFilter: a PVC the pod mounts that does not exist makes the pod
///   UnschedulableAndUnresolvable (`persistentvolumeclaim "<name>" not found`); the pod's PVCs
///   with the `ReadWriteOncePod` access mode that some scheduled pod already uses are counted
///   (`calPreFilterState`, `IsPVCUsedByPods`); none → Skip (the inline GCE PD / AWS EBS / RBD /
///   iSCSI volumes `needsRestrictionsCheck` looks for are not modelled).
/// - Filter: a positive count rejects every node as Unschedulable
///   (`ErrReasonReadWriteOncePodConflict`; preemption may free the claim: its dry run re-runs
///   PreFilter without the victims).
///
/// KubeSim differs: `ErrReasonDiskConflict` ("node(s) had no available disk") never occurs, as
/// the inline volume types it compares are not modelled.
public struct VolumeRestrictions: PreFilterPlugin, FilterPlugin, Sendable {
  public static let pluginName = "VolumeRestrictions"
  public var name: String { VolumeRestrictions.pluginName }
  /// volume_restrictions.go `ErrReasonReadWriteOncePodConflict`.
  public static let reasonReadWriteOncePodConflict =
    "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"
  /// volume_restrictions.go `ErrReasonDiskConflict` (inline volumes; not reachable in KubeSim).
  public static let reasonDiskConflict = "node(s) had no available disk"
  /// `v1.ReadWriteOncePod`.
  public static let readWriteOncePod = "ReadWriteOncePod"

  public init() {}

  /// volume_restrictions.go `EventsToRegister`: Pod delete, Node add, PVC add.
  public var requeueEvents: ClusterEvents { [.assignedPodDelete, .nodeAdd, .other] }

  /// The PreFilter result: how many of the pod's ReadWriteOncePod claims are in use.
  public struct State: Sendable {
    public var conflictingPVCRefCount: Int
  }

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    let names = pod.claimNames
    if names.isEmpty { return .skip }
    // `readWriteOncePodPVCsForPod`.
    var rwop: [String] = []
    for n in names {
      guard let c = snapshot.volumes.claim(pod.namespace, n) else {
        return Status(
          .unschedulableAndUnresolvable, ["persistentvolumeclaim \"\(n)\" not found"],
          plugin: name)
      }
      if c.spec.accessModes.contains(Self.readWriteOncePod) && !rwop.contains(n) {
        rwop.append(n)
      }
    }
    if rwop.isEmpty { return .skip }
    // `calPreFilterState`: one per claim some scheduled pod (other than this one) uses.
    var count = 0
    for n in rwop where Self.isUsed(claim: n, namespace: pod.namespace, by: snapshot, except: pod.key) {
      count += 1
    }
    if count == 0 { return .skip }
    state[State.self] = State(conflictingPVCRefCount: count)
    return .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    guard let s = state[State.self], s.conflictingPVCRefCount > 0 else { return .success }
    return Status(.unschedulable, [Self.reasonReadWriteOncePodConflict], plugin: name)
  }

  /// Upstream `StorageInfos().IsPVCUsedByPods`: a pod on any node mounts the claim.
  static func isUsed(
    claim: String, namespace: String, by snapshot: NodeSnapshot, except key: String
  ) -> Bool {
    for pods in snapshot.pods.bySlot {
      for p in pods where p.namespace == namespace && p.key != key && p.claims.contains(claim) {
        return true
      }
    }
    return false
  }
}
