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
