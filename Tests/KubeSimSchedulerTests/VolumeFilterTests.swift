import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// VolumeRestrictions (ReadWriteOncePod) and NodeVolumeLimits (CSI attach limits) with their
/// upstream reason strings, and their place in the default profile.
@Suite struct VolumeFilterTests {
  static func claim(
    _ name: String, modes: [String] = ["ReadWriteOnce"], volume: String? = nil,
    storageClass: String? = nil
  ) -> APIObject {
    var c = PersistentVolumeClaim(metadata: ObjectMeta(name: name, namespace: "default"))
    c.spec.accessModes = modes
    c.spec.volumeName = volume
    c.spec.storageClassName = storageClass
    return .persistentVolumeClaim(c)
  }

  static func volume(_ name: String, driver: String, handle: String) -> APIObject {
    .persistentVolume(
      PersistentVolume(
        metadata: ObjectMeta(name: name),
        spec: PersistentVolumeSpec(csi: CSIPersistentVolumeSource(driver: driver, volumeHandle: handle))))
  }

  static func pod(_ name: String, claims: [String]) -> Pod {
    var p = ConstraintFilterTests.pod(name)
    p.spec.volumes = claims.map {
      Volume(name: $0, persistentVolumeClaim: PersistentVolumeClaimVolumeSource(claimName: $0))
    }
    return p
  }

  /// Nodes n1, n2 with `allocatable` extra entries, pods bound as given, and volume objects.
  static func snapshot(
    limits: [String: Int64], pods: [(String, Pod)], objects: [APIObject]
  ) -> NodeSnapshot {
    var s = NodeSnapshot()
    for name in ["n1", "n2"] {
      var n = Node(metadata: ObjectMeta(name: name))
      n.status.allocatable = ["cpu": Quantity(4), "pods": Quantity(110)]
      if let l = limits[name] {
        n.status.allocatable["attachable-volumes-csi-ebs.csi.aws.com"] = Quantity(l)
      }
      s.upsert(n)
    }
    for (node, p) in pods {
      var p = p
      p.spec.nodeName = node
      s.pods.add(AssignedPod(p), slot: s.table.slot(of: node) ?? 0)
    }
    for o in objects { s.volumes.upsert(o) }
    return s
  }

  static func verdicts(
    _ plugin: some PreFilterPlugin & FilterPlugin, _ pod: Pod, _ s: NodeSnapshot
  ) -> [String] {
    var state = CycleState()
    let pre = plugin.preFilter(&state, PodInfo(pod), s)
    if pre.code == .skip { return ["Skip"] }
    if !pre.isSuccess { return ["PreFilter \(pre)"] }
    return (0..<s.table.count).map { "\(s.table.names[$0]): \(plugin.filter(state, PodInfo(pod), s, slot: $0))" }
  }

  @Test func readWriteOncePodClaimInUseRejectsEveryNode() {
    let objects = [
      Self.claim("db", modes: ["ReadWriteOncePod"]), Self.claim("shared"),
    ]
    let s = Self.snapshot(limits: [:], pods: [("n1", Self.pod("owner", claims: ["db"]))], objects: objects)
    let reason = "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"
    #expect(
      Self.verdicts(VolumeRestrictions(), Self.pod("second", claims: ["db"]), s) == [
        "n1: Unschedulable: \(reason)", "n2: Unschedulable: \(reason)",
      ])
    // Not ReadWriteOncePod, or not in use: nothing to check.
    #expect(Self.verdicts(VolumeRestrictions(), Self.pod("x", claims: ["shared"]), s) == ["Skip"])
    let free = Self.snapshot(limits: [:], pods: [], objects: objects)
    #expect(Self.verdicts(VolumeRestrictions(), Self.pod("x", claims: ["db"]), free) == ["Skip"])
    #expect(
      Self.verdicts(VolumeRestrictions(), Self.pod("x", claims: ["gone"]), s) == [
        "PreFilter UnschedulableAndUnresolvable: persistentvolumeclaim \"gone\" not found"
      ])
  }

  @Test func csiAttachLimitFromNodeAllocatable() {
    var sc = StorageClass(metadata: ObjectMeta(name: "gp3"))
    sc.provisioner = "ebs.csi.aws.com"
    let objects: [APIObject] = [
      Self.claim("a", volume: "pv-a"), Self.claim("b", volume: "pv-b"),
      Self.claim("new", storageClass: "gp3"),
      Self.volume("pv-a", driver: "ebs.csi.aws.com", handle: "vol-a"),
      Self.volume("pv-b", driver: "ebs.csi.aws.com", handle: "vol-b"), .storageClass(sc),
    ]
    let s = Self.snapshot(
      limits: ["n1": 2, "n2": 3],
      pods: [("n1", Self.pod("p1", claims: ["a"])), ("n1", Self.pod("p2", claims: ["b"])),
        ("n2", Self.pod("p3", claims: ["a", "b"]))],
      objects: objects)
    // n1 has 2 of 2 attached; n2 2 of 3: a third (the unbound claim, counted for its class's
    // provisioner) fits only on n2.
    #expect(
      Self.verdicts(NodeVolumeLimits(), Self.pod("w", claims: ["new"]), s) == [
        "n1: Unschedulable: node(s) exceed max volume count", "n2: Success",
      ])
    // A volume already attached to the node is not counted again.
    #expect(
      Self.verdicts(NodeVolumeLimits(), Self.pod("r", claims: ["a"]), s) == [
        "n1: Success", "n2: Success",
      ])
    #expect(Self.verdicts(NodeVolumeLimits(), Self.pod("none", claims: []), s) == ["Skip"])
  }

  @Test func defaultProfileRunsThemAfterNodeResourcesFit() {
    let p = Profile.defaultProfile()
    let names = p.filters.map(\.name)
    let fit = names.firstIndex(of: "NodeResourcesFit") ?? -1
    #expect(names[fit + 1] == "VolumeRestrictions" && names[fit + 2] == "NodeVolumeLimits")
    #expect(names[fit + 3] == "VolumeBinding")
    // Filter-only: no score weight.
    #expect(!p.scores.contains { $0.plugin.name.hasPrefix("Volume") || $0.plugin.name == "NodeVolumeLimits" })
  }
}
