import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimControllers

/// The cluster autoscaler's pure parts: expanders, drainability, utilisation.
@Suite struct ClusterAutoscalerUnitTests {
  static let small = ScaleUpOption(
    pool: "small", nodeCount: 2, pods: ["d/a", "d/b", "d/c", "d/d"], requestedMilliCPU: 3600,
    requestedMemoryBytes: 2 << 30, nodeMilliCPU: 2000, nodeMemoryBytes: 4 << 30, priority: 1)
  static let big = ScaleUpOption(
    pool: "big", nodeCount: 1, pods: ["d/a", "d/b", "d/c", "d/d", "d/e"],
    requestedMilliCPU: 4500, requestedMemoryBytes: 2560 << 20, nodeMilliCPU: 8000,
    nodeMemoryBytes: 16 << 30, priority: 10)

  /// waste.go: unused cpu fraction + unused memory fraction over the new nodes.
  @Test func leastWasteScoresTheMeanUnusedFraction() {
    // small: cpu 1 - 3600/4000 = 0.1, memory 1 - 2/8 = 0.75 → 0.85.
    #expect(Self.small.wasteMicros == 850_000)
    // big: cpu 1 - 4500/8000 = 0.4375, memory 1 - 2.5/16 = 0.84375 → 1.28125.
    #expect(Self.big.wasteMicros == 1_281_250)
    #expect(Expander.best("least-waste", [Self.big, Self.small]) == [Self.small])
  }

  @Test func mostPodsAndPriorityPickTheirBest() {
    #expect(Expander.best("most-pods", [Self.big, Self.small]) == [Self.big])
    #expect(Expander.best("priority", [Self.small, Self.big]) == [Self.big])
    #expect(Expander.best("random", [Self.small, Self.big]) == [Self.small, Self.big])
  }

  /// Ties go to a uniform draw on the given stream; one option needs no draw.
  @Test func randomTieBreakIsSeededAndSkippedForOneOption() {
    var a = RandomStream(seed: 7)
    var b = RandomStream(seed: 7)
    let pickedA = (0..<16).compactMap { _ in
      Expander.choose("random", [Self.small, Self.big], random: &a)?.pool
    }
    let pickedB = (0..<16).compactMap { _ in
      Expander.choose("random", [Self.small, Self.big], random: &b)?.pool
    }
    #expect(pickedA == pickedB)
    #expect(Set(pickedA) == ["small", "big"])
    var c = RandomStream(seed: 7)
    let before = c
    #expect(Expander.choose("least-waste", [Self.small, Self.big], random: &c) == Self.small)
    #expect(
      c.next()
        == {
          var x = before
          return x.next()
        }())
  }

  static func pod(
    _ name: String, ns: String = "default", owner: String? = "ReplicaSet",
    annotations: StringMap = StringMap(), labels: StringMap = ["app": "web"]
  ) -> Pod {
    var meta = ObjectMeta(name: name, namespace: ns, labels: labels, annotations: annotations)
    if let owner {
      meta.ownerReferences = [OwnerReference(kind: owner, name: "o", uid: "u", controller: true)]
    }
    var p = Pod(metadata: meta)
    p.status.phase = .running
    return p
  }

  static func budget(allowed: Int32) -> (pdb: PodDisruptionBudget, allowed: Int32) {
    let pdb = PodDisruptionBudget(
      metadata: ObjectMeta(name: "web", namespace: "default"),
      spec: PodDisruptionBudgetSpec(selector: LabelSelector(matchLabels: ["app": "web"])),
      status: PodDisruptionBudgetStatus(disruptionsAllowed: allowed))
    return (pdb, allowed)
  }

  /// simulator/drainability/rules with upstream's default flags and reason messages.
  @Test func drainabilityRulesAndMessages() {
    typealias D = Drainability
    #expect(D.verdict(Self.pod("a"), budgets: []) == .move)
    #expect(D.verdict(Self.pod("ds", owner: "DaemonSet"), budgets: []) == .skip)
    #expect(
      D.verdict(
        Self.pod("m", owner: nil, annotations: ["kubernetes.io/config.mirror": "x"]), budgets: [])
        == .skip)
    #expect(
      D.verdict(Self.pod("bare", owner: nil), budgets: [])
        == .blocked("default/bare is not replicated"))
    #expect(
      D.verdict(Self.pod("p", annotations: [D.safeToEvictAnnotation: "false"]), budgets: [])
        == .blocked("pod annotated as not safe to evict present: p"))
    #expect(
      D.verdict(
        Self.pod("bare", owner: nil, annotations: [D.safeToEvictAnnotation: "true"]), budgets: [])
        == .move)
    #expect(
      D.verdict(Self.pod("dns", ns: "kube-system"), budgets: [])
        == .blocked("non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: dns"))
    #expect(D.verdict(Self.pod("a"), budgets: [Self.budget(allowed: 1)]) == .move)
    #expect(
      D.verdict(Self.pod("a"), budgets: [Self.budget(allowed: 0)])
        == .blocked("not enough pod disruption budget to move default/a"))
    // rules/localstorage: hostPath or disk emptyDir blocks; a memory emptyDir does not; the
    // safe-to-evict-local-volumes annotation lists volumes that do not block.
    var local = Self.pod("cache")
    local.spec.volumes = [Volume(name: "scratch", emptyDir: EmptyDirVolumeSource())]
    #expect(D.verdict(local, budgets: []) == .blocked("pod with local storage present: cache"))
    local.spec.volumes = [Volume(name: "scratch", emptyDir: EmptyDirVolumeSource(medium: "Memory"))]
    #expect(D.verdict(local, budgets: []) == .move)
    local.spec.volumes = [
      Volume(name: "logs", hostPath: HostPathVolumeSource(path: "/var/log")),
      Volume(name: "scratch", emptyDir: EmptyDirVolumeSource()),
    ]
    local.metadata.annotations[D.safeToEvictLocalVolumesAnnotation] = "logs"
    #expect(D.verdict(local, budgets: []) == .blocked("pod with local storage present: cache"))
    local.metadata.annotations[D.safeToEvictLocalVolumesAnnotation] = "logs,scratch"
    #expect(D.verdict(local, budgets: []) == .move)
    // safe-to-evict "true" does not override the budget.
    #expect(
      D.verdict(
        Self.pod("a", annotations: [D.safeToEvictAnnotation: "true"]),
        budgets: [Self.budget(allowed: 0)])
        == .blocked("not enough pod disruption budget to move default/a"))
  }

  /// utilization/info.go: max of cpu and memory requested / allocatable.
  @Test func utilizationIsTheMaxOfCpuAndMemory() throws {
    let node = Node(
      metadata: ObjectMeta(name: "n"),
      status: NodeStatus(allocatable: ["cpu": Quantity(2), "memory": try Quantity(parsing: "4Gi")]))
    var p = Self.pod("a")
    p.spec.containers = [
      Container(
        name: "c",
        resources: ResourceRequirements(
          requests: ["cpu": Quantity(milli: 900), "memory": try Quantity(parsing: "512Mi")]))
    ]
    #expect(ClusterAutoscaler.utilizationPerMille(node, [p]) == 450)
    #expect(ClusterAutoscaler.utilizationPerMille(node, [p, p]) == 900)
    #expect(ClusterAutoscaler.utilizationPerMille(node, []) == 0)
  }
}
