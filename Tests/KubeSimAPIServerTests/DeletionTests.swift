import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server deletion")
struct DeletionTests {
  @Test("a bound pod terminates gracefully: deletionTimestamp = now + grace, generation + 1")
  func graceful() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.pod("a"))
    try api.bind("default", "a", to: "n1")
    try api.run(until: .zero + .seconds(10))
    let marked = try api.delete(.pod, "default", "a")
    #expect(marked.metadata.deletionTimestamp == .zero + .seconds(40))
    #expect(marked.metadata.deletionGracePeriodSeconds == 30)
    #expect(marked.metadata.generation == 2)
    #expect(api.get(.pod, "default", "a") != nil)
    // A longer grace period does not extend it; a shorter one shortens it.
    #expect(
      try api.delete(.pod, "default", "a", gracePeriodSeconds: 60).metadata.deletionTimestamp
        == .zero + .seconds(40))
    #expect(
      try api.delete(.pod, "default", "a", gracePeriodSeconds: 5).metadata.deletionTimestamp
        == .zero + .seconds(15))
    try api.delete(.pod, "default", "a", gracePeriodSeconds: 0)
    #expect(api.get(.pod, "default", "a") == nil)
    #expect(api.pods(onNode: "n1").isEmpty)
  }

  @Test("finalizers hold an object until the last one is removed")
  func finalizers() throws {
    let api = APIServer(seed: 1)
    var cm = ConfigMap(metadata: ObjectMeta(name: "c", namespace: "default"))
    cm.metadata.finalizers = ["example.com/hold"]
    try api.create(.configMap(cm))
    let marked = try api.delete(.configMap, "default", "c")
    #expect(marked.metadata.deletionTimestamp == .zero)
    guard case .configMap(var held)? = api.get(.configMap, "default", "c") else {
      Issue.record("gone too early"); return
    }
    held.metadata.finalizers = []
    try api.update(.configMap(held))
    #expect(api.get(.configMap, "default", "c") == nil)
  }

  @Test("deleting a namespace marks it Terminating; finalized, a second delete removes it")
  func namespace() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.namespace("prod"))
    try api.create(Fixture.pod("a", namespace: "prod"))
    guard case .namespace(let created)? = api.get(.namespace, nil, "prod") else {
      Issue.record("no namespace"); return
    }
    #expect(created.spec.finalizers == ["kubernetes"])
    try api.delete(.namespace, nil, "prod")
    guard case .namespace(let ns)? = api.get(.namespace, nil, "prod") else {
      Issue.record("namespace gone before the namespace controller emptied it"); return
    }
    #expect(ns.status.phase == "Terminating" && ns.metadata.deletionTimestamp == .zero)
    // The API server deletes nothing inside: that is the namespace controller's work.
    #expect(api.list(.pod).map(\.metadata.name) == ["a"])
    #expect(
      throws: APIError(
        .forbidden,
        "pods \"c\" is forbidden: unable to create new content in namespace prod because it is being terminated"
      )
    ) {
      try api.create(Fixture.pod("c", namespace: "prod"))
    }
    // An update cannot drop spec.finalizers; the finalize subresource can.
    var edited = ns
    edited.spec.finalizers = []
    edited.metadata.labels["team"] = "x"
    edited.metadata.resourceVersion = nil
    try api.update(.namespace(edited))
    #expect(api.get(.namespace, nil, "prod")?.asNamespace?.spec.finalizers == ["kubernetes"])
    try api.finalizeNamespace("prod", removing: "kubernetes")
    #expect(api.get(.namespace, nil, "prod") != nil)
    try api.delete(.namespace, nil, "prod")
    #expect(api.get(.namespace, nil, "prod") == nil)
    #expect(api.checkIndexes() == nil)
  }

  @Test("with 5,000 kubelets a pod write reaches only the kubelet of its node")
  func fanOut() throws {
    let api = APIServer(seed: 1)
    var kubelets: [Recorder] = []
    for i in 1...5000 {
      try api.create(Fixture.node("n\(i)"))
      let k = Recorder("kubelet/n\(i)", [WatchFilter(kind: .pod, nodeName: "n\(i)")])
      api.register(k)
      kubelets.append(k)
    }
    try api.run(until: .zero + .seconds(1))
    try api.create(Fixture.pod("a", node: "n4321"))
    let before = api.processedEvents
    try api.run(until: .zero + .seconds(2))
    #expect(api.processedEvents - before == 1)  // one delivery event for the write
    #expect(kubelets[4320].log == ["1010000 added a"])
    #expect(kubelets.enumerated().filter { !$0.element.log.isEmpty }.map(\.offset) == [4320])
  }
}

@Suite("API server workload")
struct WorkloadTests {
  @Test("the benchmark workload processes one delivery per write plus the watchers' starts")
  func workload() throws {
    // 1 scheduler + 50 kubelets start; 500 creates and 500 binds are delivered.
    #expect(try APIServerWorkload.run(nodes: 50, pods: 500) == 51 + 1000)
  }
}
