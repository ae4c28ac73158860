import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// The new plugins inside a full default-profile cycle (`SnapshotEvaluation`): PreFilter
/// results and rejections, host ports of running pods, node images, FailedScheduling messages.
@Suite struct PluginCycleTests {
  static func node(_ name: String, cpu: String = "4", images: [ContainerImage] = []) -> Node {
    var n = Node(metadata: ObjectMeta(name: name))
    var list = ResourceList()
    list["cpu"] = try? Quantity(parsing: cpu)
    list["memory"] = try? Quantity(parsing: "8Gi")
    list["pods"] = try? Quantity(parsing: "110")
    n.status.allocatable = list
    n.status.capacity = list
    n.status.images = images
    return n
  }

  static func pod(_ name: String, cpu: String = "100m", image: String = "app:1") -> Pod {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    var c = Container(name: "c", image: image)
    c.resources.requests["cpu"] = try? Quantity(parsing: cpu)
    p.spec.containers = [c]
    return p
  }

  static func message(_ a: ScheduleAttempt) -> String {
    if case .unschedulable(let e) = a.outcome { return e.message }
    return ""
  }

  /// 8 cpu on a 4-cpu node exceeds allocatable: unresolvable, like the absent nodes.
  @Test func matchFieldsNarrowsTheNodesAndNamesThePluginForTheOthers() {
    var p = Self.pod("pinned", cpu: "8")
    p.spec.affinity = Affinity(
      nodeAffinity: NodeAffinity(
        requiredDuringSchedulingIgnoredDuringExecution: NodeSelector(nodeSelectorTerms: [
          NodeSelectorTerm(matchFields: [
            NodeSelectorRequirement(key: "metadata.name", operator: .in, values: ["b"])
          ])
        ])))
    let a = SnapshotEvaluation.evaluate(
      pod: p, nodes: ["a", "b", "c"].map { Self.node($0) }, pods: [],
      profile: .defaultProfile())
    #expect(
      Self.message(a)
        == "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s)"
        + " [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful"
        + " for scheduling.")
    // Explanation: left-out nodes show only the PreFilter verdict; node b ran every filter up
    // to NodeResourcesFit.
    let e = Explanation.attempt(a)
    #expect(
      e.nodes.map { n in n.node + ": " + n.filter.map { "\($0.plugin)=\($0.verdict)" }.joined(separator: "; ") }
        == [
          "a: NodeAffinity=node(s) didn't satisfy plugin(s) [NodeAffinity]",
          "c: NodeAffinity=node(s) didn't satisfy plugin(s) [NodeAffinity]",
          "b: NodeUnschedulable=Success; NodeName=Success; TaintToleration=Success;"
            + " NodeAffinity=Success; NodeResourcesFit=Insufficient cpu",
        ])
  }

  @Test func conflictingMatchFieldsRejectInPreFilter() {
    var p = Self.pod("conflict")
    p.spec.affinity = Affinity(
      nodeAffinity: NodeAffinity(
        requiredDuringSchedulingIgnoredDuringExecution: NodeSelector(nodeSelectorTerms: [
          NodeSelectorTerm(matchFields: [
            NodeSelectorRequirement(key: "metadata.name", operator: .in, values: ["a"]),
            NodeSelectorRequirement(key: "metadata.name", operator: .in, values: ["b"]),
          ])
        ])))
    let a = SnapshotEvaluation.evaluate(
      pod: p, nodes: ["a", "b"].map { Self.node($0) }, pods: [], profile: .defaultProfile())
    #expect(
      Self.message(a)
        == "0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are"
        + " available: 2 Preemption is not helpful for scheduling.")
    #expect(
      Explanation.attempt(a).nodes.map { $0.filter.map { "\($0.plugin)=\($0.verdict)" } }
        == [["NodeAffinity=pod affinity terms conflict"], ["NodeAffinity=pod affinity terms conflict"]])
  }

  @Test func runningPodsHostPortBlocksTheNode() {
    var p = Self.pod("web")
    p.spec.containers[0].ports = [ContainerPort(hostPort: 8080, containerPort: 80)]
    var running = p
    running.metadata.name = "web-old"
    running.spec.nodeName = "a"
    let a = SnapshotEvaluation.evaluate(
      pod: p, nodes: ["a", "b"].map { Self.node($0) }, pods: [running],
      profile: .defaultProfile())
    let verdicts = a.verdicts.map { "\(a.nodeNames[$0.slot]):\($0.status?.description ?? "ok")" }
    #expect(
      verdicts == [
        "a:Unschedulable: node(s) didn't have free ports for the requested pod ports", "b:ok",
      ])
    guard case .scheduled(let slot, _, _) = a.outcome else {
      Issue.record("not scheduled")
      return
    }
    #expect(a.nodeNames[slot] == "b")
  }

  @Test func imageLocalityPrefersTheNodeWithTheImage() {
    // 500 MiB image on 1 of 2 nodes: spread 1/2 → 250 MiB; (250 − 23)·100/(1000 − 23) = 23.
    let img = ContainerImage(names: ["registry.io/ml:2"], sizeBytes: 500 * 1024 * 1024)
    let a = SnapshotEvaluation.evaluate(
      pod: Self.pod("ml", image: "registry.io/ml:2"),
      nodes: [Self.node("a"), Self.node("b", images: [img])], pods: [],
      profile: .defaultProfile())
    let il = a.scores.map { s in
      "\(a.nodeNames[s.slot])=\(s.plugins.first { $0.plugin == "ImageLocality" }?.raw ?? -1)"
    }
    #expect(il == ["a=0", "b=23"])
    guard case .scheduled(let slot, _, _) = a.outcome else {
      Issue.record("not scheduled")
      return
    }
    #expect(a.nodeNames[slot] == "b")
  }

  @Test func normalizedImageNames() {
    #expect(ImageLocality.normalizedImageName("nginx") == "nginx:latest")
    #expect(ImageLocality.normalizedImageName("localhost:5000/app") == "localhost:5000/app:latest")
    #expect(ImageLocality.normalizedImageName("localhost:5000/app:1") == "localhost:5000/app:1")
  }

  @Test func kubernetesVersionSelectsTheBalancedFormula() {
    #expect(NodeResourcesBalancedAllocation.isLegacy(kubernetesVersion: "1.35"))
    #expect(NodeResourcesBalancedAllocation.isLegacy(kubernetesVersion: "v1.30.2"))
    #expect(!NodeResourcesBalancedAllocation.isLegacy(kubernetesVersion: "1.36"))
    #expect(!NodeResourcesBalancedAllocation.isLegacy(kubernetesVersion: ""))
  }
}

/// VolumeBinding and VolumeZone over PVCs, PVs and StorageClasses as written.
@Suite struct VolumePluginTests {
  static func claim(_ name: String, volume: String? = nil, cls: String? = nil) -> APIObject {
    var c = PersistentVolumeClaim(metadata: ObjectMeta(name: name, namespace: "default"))
    c.spec.volumeName = volume
    c.spec.storageClassName = cls
    return .persistentVolumeClaim(c)
  }

  static func podWith(claim: String) -> Pod {
    var p = PluginCycleTests.pod("db")
    p.spec.volumes = [
      Volume(name: "data", persistentVolumeClaim: PersistentVolumeClaimVolumeSource(claimName: claim))
    ]
    return p
  }

  static func zoned(_ name: String, _ zone: String) -> Node {
    var n = PluginCycleTests.node(name)
    n.metadata.labels["topology.kubernetes.io/zone"] = zone
    return n
  }

  @Test func unboundImmediateClaimIsUnschedulable() {
    let a = SnapshotEvaluation.evaluate(
      pod: Self.podWith(claim: "data"), nodes: [PluginCycleTests.node("a")], pods: [],
      profile: .defaultProfile(), volumeObjects: [Self.claim("data")])
    #expect(
      PluginCycleTests.message(a)
        == "0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims."
        + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
  }

  @Test func missingClaimIsNamed() {
    let a = SnapshotEvaluation.evaluate(
      pod: Self.podWith(claim: "nope"), nodes: [PluginCycleTests.node("a")], pods: [],
      profile: .defaultProfile())
    #expect(
      PluginCycleTests.message(a).hasPrefix(
        "0/1 nodes are available: persistentvolumeclaim \"nope\" not found."))
  }

  @Test func boundVolumeZoneFiltersNodes() {
    var pv = PersistentVolume(metadata: ObjectMeta(name: "pv-1"))
    pv.metadata.labels["topology.kubernetes.io/zone"] = "zone-b"
    let a = SnapshotEvaluation.evaluate(
      pod: Self.podWith(claim: "data"),
      nodes: [Self.zoned("a", "zone-a"), Self.zoned("b", "zone-b"), Self.zoned("c", "zone-c")],
      pods: [], profile: .defaultProfile(),
      volumeObjects: [Self.claim("data", volume: "pv-1"), .persistentVolume(pv)])
    let verdicts = a.verdicts.map { "\(a.nodeNames[$0.slot]):\($0.status?.description ?? "ok")" }
    #expect(
      verdicts == [
        "a:UnschedulableAndUnresolvable: node(s) had no available volume zone", "b:ok",
        "c:UnschedulableAndUnresolvable: node(s) had no available volume zone",
      ])
  }
}
