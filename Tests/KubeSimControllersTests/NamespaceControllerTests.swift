import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// Records when objects leave the store, and namespace phase changes.
final class NamespaceRecorder: Component {
  let componentName = "namespace-recorder"
  var watches: [WatchFilter] {
    [.namespace, .deployment, .replicaSet, .pod, .configMap].map { WatchFilter(kind: $0) }
  }
  var lines: [String] = []
  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .deleted(let o):
      lines.append("\(ctx.now) deleted \(o.kind.rawValue)")
    case .modified(let old, .namespace(let ns)):
      if old.metadata.deletionTimestamp == nil, ns.metadata.deletionTimestamp != nil {
        lines.append("\(ctx.now) \(ns.metadata.name) \(ns.status.phase ?? "")")
      }
      if old.asNamespace?.spec.finalizers != ns.spec.finalizers {
        lines.append("\(ctx.now) \(ns.metadata.name) finalizers \(ns.spec.finalizers)")
      }
    default: break
    }
  }
  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}
}

@Suite struct NamespaceControllerTests {
  static func world(_ recorder: NamespaceRecorder) throws -> World {
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "team"))
    d.spec.replicas = 2
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template.metadata.labels = ["app": "web"]
    d.spec.template.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
    let std = ComponentSet.standard
    return try World(
      WorldInput(
        seed: 1,
        objects: [
          JW.node("n1"), .namespace(Namespace(metadata: ObjectMeta(name: "team"))),
          .deployment(d),
          .configMap(ConfigMap(metadata: ObjectMeta(name: "cfg", namespace: "team"))),
        ]),
      components: ComponentSet(
        controlPlane: { std.controlPlane($0) + [recorder] }, kubelet: std.kubelet))
  }

  @Test func deletionIsAsynchronousKindByKindWithGracefulPods() throws {
    let rec = NamespaceRecorder()
    let w = try Self.world(rec)
    try w.run(until: .zero + .seconds(30))
    #expect(w.api.list(.pod, namespace: "team").count == 2)
    try w.api.delete(.namespace, nil, "team")
    try w.run(until: .zero + .seconds(120))
    // (The recorder sees each write 10 ms after it.) 30s: Terminating; the controller sees it at
    // 30.01s and syncs 5 s later, at 35.01s: everything is deleted, the pods gracefully
    // (estimate 30 s → requeue after 30/2 + 1 = 16 s). 51.01s: pods still terminating, requeue.
    // The kubelet confirms the pods after their 30 s grace; 67.01s: the namespace is empty and
    // 37.01 s ≥ 30 s have passed since its deletion: finalized, then deleted.
    #expect(
      rec.lines == [
        "30.01s team Terminating",
        "35.02s deleted ConfigMap",
        "35.02s deleted Deployment",
        "35.02s deleted ReplicaSet",
        "1m5.02s deleted Pod",
        "1m5.02s deleted Pod",
        "1m7.02s team finalizers []",
        "1m7.02s deleted Namespace",
      ])
    #expect(w.api.get(.namespace, nil, "team") == nil)
  }

  @Test func creationInATerminatingNamespaceIsRefused() throws {
    let rec = NamespaceRecorder()
    let w = try Self.world(rec)
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.namespace, nil, "team")
    #expect(
      throws: APIError(
        .forbidden,
        "configmaps \"late\" is forbidden: unable to create new content in namespace team because it is being terminated"
      )
    ) {
      try w.api.create(.configMap(ConfigMap(metadata: ObjectMeta(name: "late", namespace: "team"))))
    }
  }
}
