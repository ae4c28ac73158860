import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

@Suite struct StatefulSetControllerTests {
  static func set(_ replicas: Int32, parallel: Bool = false, claims: Bool = true) -> StatefulSet {
    var s = StatefulSet(metadata: ObjectMeta(name: "db", namespace: "default"))
    s.spec.replicas = replicas
    s.spec.serviceName = "db"
    s.spec.selector = LabelSelector(matchLabels: ["app": "db"])
    s.spec.template = WL.template("db")
    if parallel { s.spec.podManagementPolicy = "Parallel" }
    if claims {
      var claim = PersistentVolumeClaim(metadata: ObjectMeta(name: "data"))
      claim.spec.accessModes = ["ReadWriteOnce"]
      claim.spec.storageClassName = "standard"  // see storageClass below
      claim.spec.resources.requests = ["storage": CW.q("1Gi")]
      s.spec.volumeClaimTemplates = [claim]
    }
    return .init(metadata: s.metadata, spec: s.spec)
  }

  /// A class the scheduler's VolumeBinding can provision for at bind time (WaitForFirstConsumer),
  /// so claims of pods do not block scheduling as unbound Immediate claims would.
  static let storageClass: APIObject = .storageClass(
    StorageClass(
      metadata: ObjectMeta(name: "standard"), provisioner: "example.com/local",
      volumeBindingMode: "WaitForFirstConsumer"))

  static func podEvents(_ w: World) -> [String] {
    WL.events(w, ["SuccessfulCreate", "SuccessfulDelete"], kind: "StatefulSet")
  }

  @Test func orderedReadyStartsOnePodAtATimeInOrdinalOrder() throws {
    let w = try WL.world([
      WL.node("a"), WL.node("b"), Self.storageClass, .statefulSet(Self.set(3)),
    ])
    try w.run(until: .zero + .minutes(1))
    // Each ordinal waits for the previous to be Running and Ready (~3s each: schedule, pull on
    // the node it lands on, start).
    #expect(
      Self.podEvents(w) == [
        "10ms SuccessfulCreate db create Claim data-db-0 Pod db-0 in StatefulSet db success",
        "10ms SuccessfulCreate db create Pod db-0 in StatefulSet db successful",
        "3.045s SuccessfulCreate db create Claim data-db-1 Pod db-1 in StatefulSet db success",
        "3.045s SuccessfulCreate db create Pod db-1 in StatefulSet db successful",
        "6.08s SuccessfulCreate db create Claim data-db-2 Pod db-2 in StatefulSet db success",
        "6.08s SuccessfulCreate db create Pod db-2 in StatefulSet db successful",
      ])
    let pod = try #require(w.api.get(.pod, "default", "db-1")?.asPod)
    #expect(pod.metadata.labels["statefulset.kubernetes.io/pod-name"] == "db-1")
    #expect(pod.metadata.labels["apps.kubernetes.io/pod-index"] == "1")
    #expect(pod.spec.volumes.first?.persistentVolumeClaim?.claimName == "data-db-1")
    let s = try #require(w.api.get(.statefulSet, "default", "db")?.asStatefulSet)
    #expect(s.status.replicas == 3 && s.status.readyReplicas == 3 && s.status.availableReplicas == 3)
    #expect(s.status.currentReplicas == 3 && s.status.updatedReplicas == 3)
    #expect(s.status.currentRevision == s.status.updateRevision)
  }

  @Test func parallelCreatesAllAtOnce() throws {
    let w = try WL.world([WL.node("a"), .statefulSet(Self.set(3, parallel: true, claims: false))])
    try w.run(until: .zero + .seconds(10))
    #expect(
      Self.podEvents(w) == [
        "10ms SuccessfulCreate db create Pod db-0 in StatefulSet db successful",
        "10ms SuccessfulCreate db create Pod db-1 in StatefulSet db successful",
        "10ms SuccessfulCreate db create Pod db-2 in StatefulSet db successful",
      ])
  }

  @Test func scaleDownTerminatesHighestOrdinalFirstAndKeepsClaims() throws {
    let w = try WL.world([WL.node("a"), Self.storageClass, .statefulSet(Self.set(3))])
    try w.run(until: .zero + .seconds(30))
    var s = try #require(w.api.get(.statefulSet, "default", "db")?.asStatefulSet)
    s.spec.replicas = 1
    s.metadata.resourceVersion = nil
    try w.api.update(.statefulSet(s))
    try w.run(until: .zero + .minutes(3))
    let deletes = WL.events(w, ["SuccessfulDelete"], kind: "StatefulSet")
    #expect(deletes.map { $0.split(separator: " ").dropFirst(5).first ?? "" } == ["db-2", "db-1"])
    #expect(w.api.list(.pod).map(\.metadata.name) == ["db-0"])
    #expect(w.api.list(.persistentVolumeClaim).map(\.metadata.name).sorted() == [
      "data-db-0", "data-db-1", "data-db-2",
    ])
  }

  @Test func rollingUpdateWithPartitionUpdatesHighestOrdinalsOnly() throws {
    var set = Self.set(3, claims: false)
    set.spec.updateStrategy = StatefulSetUpdateStrategy(
      type: "RollingUpdate", rollingUpdate: RollingUpdateStatefulSetStrategy(partition: 1))
    let w = try WL.world([WL.node("a"), Self.storageClass, .statefulSet(set)])
    try w.run(until: .zero + .seconds(30))
    var s = try #require(w.api.get(.statefulSet, "default", "db")?.asStatefulSet)
    s.spec.template.spec.containers[0].image = "nginx:1.28"
    s.metadata.resourceVersion = nil
    try w.api.update(.statefulSet(s))
    try w.run(until: .zero + .minutes(2))
    let images = ["db-0", "db-1", "db-2"].map {
      w.api.get(.pod, "default", $0)?.asPod?.spec.containers.first?.image ?? "-"
    }
    #expect(images == ["nginx:1.27", "nginx:1.28", "nginx:1.28"])
    let deletes = WL.events(w, ["SuccessfulDelete"], kind: "StatefulSet")
    #expect(deletes.map { $0.split(separator: " ").dropFirst(5).first ?? "" } == ["db-2", "db-1"])
    let st = try #require(w.api.get(.statefulSet, "default", "db")?.asStatefulSet)
    #expect(st.status.updatedReplicas == 2 && st.status.currentReplicas == 1)
    #expect(st.status.currentRevision != st.status.updateRevision)
  }
}
