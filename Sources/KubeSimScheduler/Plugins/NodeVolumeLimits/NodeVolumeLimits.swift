import KubeSimModel

/// The NodeVolumeLimits plugin, upstream `CSILimits` (pkg/scheduler/framework/plugins/
/// nodevolumelimits/csi.go), to the extent KubeSim models storage:
///
/// - PreFilter: Skip for a pod without PVC volumes.
/// - Filter: each PVC volume counts as one attachment of a CSI driver, identified as
///   `driver/volumeHandle` (`filterAttachableVolumes`, `getCSIDriverInfo`): a bound claim's PV
///   gives `spec.csi.driver` and `spec.csi.volumeHandle` (a PV without a CSI source is not
///   counted); an unbound claim (or one whose PV is missing) counts for its StorageClass's
///   provisioner with a handle made from the claim (`getCSIDriverInfoFromSC`; no class → not
///   counted). A missing PVC of the incoming pod is UnschedulableAndUnresolvable
///   (`persistentvolumeclaim "<name>" not found`). Volumes already attached on the node (by the
///   pods there) are counted once and not again for the new pod; if for some driver
///   attached + new > the node's limit, the node is Unschedulable with
///   `ErrReasonMaxVolumeCountExceeded` ("node(s) exceed max volume count").
/// - Limits: the node's `status.allocatable["attachable-volumes-csi-<driver>"]`
///   (`getVolumeLimits` reading the Node, `volumeutil.GetCSIAttachLimitKey`); a node without
///   such a key has no limit for that driver.
///
/// KubeSim differs: CSINode objects (whose `spec.drivers[].allocatable.count` upstream prefers)
/// are not modelled, so the limits come from node allocatable only; driver names whose key
/// would reach 63 characters are not shortened with upstream's SHA-1 suffix; in-tree volume
/// migration and generic ephemeral volumes are not modelled.
public struct NodeVolumeLimits: PreFilterPlugin, FilterPlugin, Sendable {
  public static let pluginName = "NodeVolumeLimits"
  public var name: String { NodeVolumeLimits.pluginName }
  /// csi.go `ErrReasonMaxVolumeCountExceeded`.
  public static let reasonMaxVolumeCountExceeded = "node(s) exceed max volume count"
  /// `volumeutil.CSIAttachLimitPrefix`.
  public static let limitPrefix = "attachable-volumes-csi-"

  public init() {}

  /// csi.go `EventsToRegister`: Pod delete, PVC add, CSINode changes (KubeSim: node allocatable).
  public var requeueEvents: ClusterEvents {
    [.assignedPodDelete, .nodeAdd, .nodeAllocatableChange, .other]
  }

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    pod.claimNames.isEmpty ? .skip : .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let names = pod.claimNames
    if names.isEmpty { return .success }
    // New volumes: unique name → limit key, in volume order.
    var new: [(volume: String, key: String)] = []
    for n in names {
      guard let c = snapshot.volumes.claim(pod.namespace, n) else {
        return Status(
          .unschedulableAndUnresolvable, ["persistentvolumeclaim \"\(n)\" not found"],
          plugin: name)
      }
      if let v = Self.attachment(c, snapshot.volumes), !new.contains(where: { $0.volume == v.volume }) {
        new.append(v)
      }
    }
    if new.isEmpty { return .success }
    let limits = Self.limits(snapshot.nodes[slot])
    if limits.isEmpty { return .success }
    var attached: [(volume: String, key: String)] = []
    for p in snapshot.pods.pods(slot) {
      for n in p.claims {
        // An existing pod's missing PVC is not counted (csi.go `filterAttachableVolumes`).
        guard let c = snapshot.volumes.claim(p.namespace, n),
          let v = Self.attachment(c, snapshot.volumes),
          !attached.contains(where: { $0.volume == v.volume })
        else { continue }
        attached.append(v)
      }
    }
    // A volume already attached does not count again for the new pod.
    new.removeAll { v in attached.contains { $0.volume == v.volume } }
    for (key, limit) in limits {
      let adding = new.count(where: { $0.key == key })
      if adding == 0 { continue }
      let current = attached.count(where: { $0.key == key })
      if current + adding > limit {
        return Status(.unschedulable, [Self.reasonMaxVolumeCountExceeded], plugin: name)
      }
    }
    return .success
  }

  /// csi.go `getCSIDriverInfo` / `getCSIDriverInfoFromSC`: the claim's attachment as a unique
  /// volume name and limit key, or nil when it is not a countable CSI volume.
  static func attachment(_ c: PersistentVolumeClaim, _ cache: VolumeCache)
    -> (volume: String, key: String)?
  {
    if let vn = c.spec.volumeName, !vn.isEmpty, let pv = cache.volumes[vn] {
      guard let csi = pv.spec.csi, !csi.driver.isEmpty, !csi.volumeHandle.isEmpty else {
        return nil
      }
      return ("\(csi.driver)/\(csi.volumeHandle)", limitPrefix + csi.driver)
    }
    guard let cls = c.spec.storageClassName, !cls.isEmpty, let sc = cache.classes[cls],
      !sc.provisioner.isEmpty
    else { return nil }
    // Upstream prefixes the handle with a random string per scheduler; KubeSim uses a fixed one.
    let ns = c.metadata.namespace ?? "default"
    return ("\(sc.provisioner)/kubesim-\(ns)/\(c.metadata.name)", limitPrefix + sc.provisioner)
  }

  /// The node's CSI attach limits by limit key, in key order (`volumeLimits`: allocatable
  /// entries whose name starts with `attachable-volumes-`; only the CSI ones can match).
  static func limits(_ node: Node) -> [(key: String, limit: Int)] {
    var out: [(key: String, limit: Int)] = []
    for e in node.status.allocatable.entries where e.name.hasPrefix(limitPrefix) {
      out.append((e.name, Int(e.quantity.value)))
    }
    return out.sorted { $0.key < $1.key }
  }
}
