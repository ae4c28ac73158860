import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimYAML
import Testing

@testable import KubeSimControllers

/// Adoption and release (controller_ref_manager.go `ClaimObject`) by the ReplicaSet and
/// Deployment controllers, with exact event sequences.
@Suite struct AdoptionTests {
  static func barePod(_ name: String, labels: StringMap) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.metadata.labels = labels
    p.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
    return .pod(p)
  }

  static func kubectl(_ w: World, _ line: String) throws -> [String] {
    let entry = TimelineEntry(
      at: .zero, action: .kubectl(try KubectlCommandParser.parse(line)),
      location: SourceLocation(file: "t", line: 1, column: 1), text: line)
    return try KubectlExecutor(api: w.api).run(entry)
  }

  /// ReplicaSet, Deployment and garbage collector only: pods stay Pending and unbound.
  static func worldWithGC(_ objects: [APIObject]) throws -> World {
    try World(
      WorldInput(seed: 3, objects: objects),
      components: ComponentSet(
        controlPlane: { _ in [ReplicaSetController(), DeploymentController(), GarbageCollector()] },
        kubelet: { _, _ in nil }))
  }

  static func controller(_ w: World, _ pod: String) -> String? {
    w.api.get(.pod, "default", pod).flatMap { PodUtil.controllerRef($0.metadata)?.name }
  }

  @Test func replicaSetAdoptsAnOrphanAndReplacesItWhenItsLabelIsRemoved() throws {
    let w = try CW.world([
      Self.barePod("lone", labels: ["app": "web"]), CW.replicaSet("web", replicas: 3),
    ])
    try w.run(until: .zero + .seconds(1))
    // The orphan is adopted in the first sync and counted: two pods are created, not three.
    #expect(
      CW.events(w, ["SuccessfulCreate", "SuccessfulDelete"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk",
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-ptsj2",
      ])
    #expect(Self.controller(w, "lone") == "web")
    let lone = try #require(w.api.get(.pod, "default", "lone")?.asPod)
    #expect(
      lone.metadata.ownerReferences == [
        OwnerReference(
          apiVersion: "apps/v1", kind: "ReplicaSet", name: "web",
          uid: w.api.get(.replicaSet, "default", "web")?.metadata.uid ?? "",
          controller: true, blockOwnerDeletion: true)
      ])
    #expect(w.api.get(.replicaSet, "default", "web")?.asReplicaSet?.status.replicas == 3)

    #expect(try Self.kubectl(w, "label pod lone app-") == ["pod/lone labeled"])
    try w.run(until: .zero + .seconds(2))
    // The label change reaches the controller 10 ms later: the pod is released (its owner
    // reference removed) and a replacement is created in the same sync.
    #expect(
      CW.events(w, ["SuccessfulCreate", "SuccessfulDelete"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk",
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-ptsj2",
        "1.01s SuccessfulCreate ReplicaSet/default/web Created pod: web-rzjsk",
      ])
    #expect(Self.controller(w, "lone") == nil)
    #expect(w.api.get(.pod, "default", "lone")?.metadata.ownerReferences == [])
    let rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    #expect(rs.status.replicas == 3 && w.api.count(.pod) == 4)
  }

  @Test func anOrphanArrivingLaterIsAdoptedAndTheSurplusDeleted() throws {
    let w = try CW.world([CW.replicaSet("web", replicas: 2)])
    try w.run(until: .zero + .seconds(1))
    try w.api.create(Self.barePod("lone", labels: ["app": "web", "tier": "x"]))
    try w.run(until: .zero + .seconds(2))
    // Adopted at 1.01s, three pods for two replicas: the newest unscheduled pod goes.
    #expect(
      CW.events(w, ["SuccessfulCreate", "SuccessfulDelete"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk",
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-ptsj2",
        "1.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: lone",
      ])
  }

  @Test func aPodOfAnotherNamespaceOrOwnerIsNotAdopted() throws {
    var other = Self.barePod("elsewhere", labels: ["app": "web"])
    other.metadata.namespace = "team"
    let w = try CW.world([
      .namespace(Namespace(metadata: ObjectMeta(name: "team"))), other,
      CW.replicaSet("web", replicas: 1),
    ])
    try w.run(until: .zero + .seconds(1))
    #expect(
      CW.events(w, ["SuccessfulCreate"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk"
      ])
    #expect(w.api.get(.pod, "team", "elsewhere")?.metadata.ownerReferences == [])
  }

  @Test func aReplicaSetBeingDeletedAdoptsNothing() {
    var rs = ObjectMeta(name: "web", namespace: "default")
    rs.uid = "u1"
    let orphan = ObjectMeta(name: "p", namespace: "default")
    #expect(ControllerRefManager.decide(orphan, controller: rs, matches: true) == .adopt)
    #expect(ControllerRefManager.decide(orphan, controller: rs, matches: false) == .ignore)
    var owned = orphan
    owned.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: "u1",
        controller: true)
    ]
    #expect(ControllerRefManager.decide(owned, controller: rs, matches: true) == .owned)
    #expect(ControllerRefManager.decide(owned, controller: rs, matches: false) == .release)
    var deleting = rs
    deleting.deletionTimestamp = .zero
    #expect(ControllerRefManager.decide(orphan, controller: deleting, matches: true) == .ignore)
    #expect(ControllerRefManager.decide(owned, controller: deleting, matches: false) == .ignore)
    var terminating = orphan
    terminating.deletionTimestamp = .zero
    #expect(ControllerRefManager.decide(terminating, controller: rs, matches: true) == .ignore)
    var foreign = orphan
    foreign.namespace = "team"
    #expect(ControllerRefManager.decide(foreign, controller: rs, matches: true) == .ignore)
  }

  @Test func aRecreatedDeploymentAdoptsTheReplicaSetItsPredecessorOrphaned() throws {
    let w = try Self.worldWithGC([GarbageCollectorTests.deployment("web", replicas: 2)])
    try w.run(until: .zero + .seconds(1))
    let rsName = try #require(w.api.list(.replicaSet).first?.metadata.name)
    #expect(
      try Self.kubectl(w, "delete deployment web --cascade=orphan")
        == ["deployment.apps \"web\" deleted"])
    try w.run(until: .zero + .seconds(2))
    #expect(w.api.get(.deployment, "default", "web") == nil)
    #expect(w.api.get(.replicaSet, "default", rsName)?.metadata.ownerReferences == [])
    try w.api.create(GarbageCollectorTests.deployment("web", replicas: 2))
    try w.run(until: .zero + .seconds(3))
    // Same template, same pod-template-hash: the orphan is the new ReplicaSet; nothing is
    // scaled and no pod is created after the first two.
    #expect(
      CW.events(w, ["ScalingReplicaSet", "SuccessfulCreate", "SuccessfulDelete"]) == [
        "10ms ScalingReplicaSet Deployment/default/web Scaled up replica set \(rsName) from 0 to 2",
        "20ms SuccessfulCreate ReplicaSet/default/\(rsName) Created pod: \(rsName)-pn2vk",
        "20ms SuccessfulCreate ReplicaSet/default/\(rsName) Created pod: \(rsName)-ptsj2",
      ])
    let rs = try #require(w.api.get(.replicaSet, "default", rsName))
    #expect(PodUtil.controllerRef(rs.metadata)?.kind == "Deployment")
    #expect(w.api.count(.replicaSet) == 1 && w.api.count(.pod) == 2)
  }

  @Test func aDeploymentReleasesAReplicaSetWhoseLabelsStopMatching() throws {
    let w = try CW.world([GarbageCollectorTests.deployment("web", replicas: 1)])
    try w.run(until: .zero + .seconds(1))
    let rsName = try #require(w.api.list(.replicaSet).first?.metadata.name)
    _ = try Self.kubectl(w, "label rs \(rsName) app=other --overwrite")
    try w.run(until: .zero + .seconds(2))
    let old = try #require(w.api.get(.replicaSet, "default", rsName))
    #expect(old.metadata.ownerReferences == [])
    #expect(w.api.count(.replicaSet) == 2)
  }
}

/// Adoption by the StatefulSet, DaemonSet and Job controllers (`getPodsForStatefulSet`,
/// `getDaemonPods`, `getPodsForJob`).
extension AdoptionTests {
  static func bare(_ name: String, labels: StringMap, node: String? = nil) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.metadata.labels = labels
    p.spec.nodeName = node
    p.spec.containers = [Container(name: "main", image: "nginx:1.27")]
    return .pod(p)
  }

  @Test func statefulSetAdoptsAnOrphanNamedAsItsOrdinal() throws {
    let w = try WL.world([
      WL.node("a"), Self.bare("db-0", labels: ["app": "db"]),
      Self.bare("db-x", labels: ["app": "db"]),
      .statefulSet(StatefulSetControllerTests.set(2, claims: false)),
    ])
    try w.run(until: .zero + .seconds(30))
    // db-0 is a member (`isMemberOf`) and is adopted; db-x matches the selector but is not a
    // member: left alone. Only db-1 is created, once the adopted db-0 is Running and Ready.
    // The adopted db-0 carries no `controller-revision-hash`, so it is not at the update
    // revision: the RollingUpdate replaces it once db-1 is Ready, as upstream does.
    #expect(
      StatefulSetControllerTests.podEvents(w) == [
        "3.035s SuccessfulCreate db create Pod db-1 in StatefulSet db successful",
        "4.07s SuccessfulDelete db delete Pod db-0 in StatefulSet db successful",
      ])
    #expect(Self.controller(w, "db-x") == nil)
  }

  @Test func daemonSetAdoptsAnOrphanOnANode() throws {
    let w = try WL.world([
      WL.node("a"), WL.node("b"), Self.bare("agent-by-hand", labels: ["app": "agent"], node: "a"),
      .daemonSet(WL.daemonSet("agent")),
    ])
    try w.run(until: .zero + .seconds(10))
    // The hand-made pod on node a is adopted and counts as a's daemon pod: only b gets a new
    // pod. It carries no `controller-revision-hash` of the template, so the RollingUpdate
    // (maxUnavailable 1, the pod not yet available) replaces it at once, as upstream does;
    // only its owner could delete it.
    #expect(
      WL.events(w, ["SuccessfulCreate", "SuccessfulDelete"], kind: "DaemonSet") == [
        "10ms SuccessfulCreate agent Created pod: agent-pn2vk",
        "20ms SuccessfulDelete agent Deleted pod: agent-by-hand",
        "30ms SuccessfulCreate agent Created pod: agent-ptsj2",
      ])
    #expect(WL.placements(w) == ["agent-pn2vk@b", "agent-ptsj2@a"])
  }

  @Test func jobWithAManualSelectorAdoptsAMatchingPod() throws {
    var bare = Pod(metadata: ObjectMeta(name: "early", namespace: "default"))
    bare.metadata.labels = ["task": "report"]
    bare.metadata.annotations = ["sim.kubesim.io/duration": "5s"]
    bare.spec.restartPolicy = .never
    bare.spec.containers = [Container(name: "work", image: "busybox:1.36")]
    let job = JW.job("report", completions: 2, annotations: ["sim.kubesim.io/duration": "5s"]) {
      $0.spec.manualSelector = true
      $0.spec.selector = LabelSelector(matchLabels: ["task": "report"])
      $0.spec.template.metadata.labels = ["task": "report"]
    }
    let w = try JW.world([.pod(bare), job])
    try w.run(until: .zero + .seconds(60))
    // The orphan is adopted in the first sync and counts as the one active pod (parallelism
    // 1): nothing is created until it succeeds (the first completion); then one more pod.
    #expect(
      JW.events(w, ["SuccessfulCreate", "Completed"]) == [
        "9.035s SuccessfulCreate Created pod: report-l8mrg",
        "16.07s Completed Job completed",
      ])
    #expect(Self.controller(w, "early") == "report")
  }
}
