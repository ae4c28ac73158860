import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server store")
struct StoreTests {
  @Test("starts with the system namespaces and priority classes")
  func bootstrap() {
    let api = APIServer(seed: 1)
    #expect(
      api.list(.namespace).map(\.metadata.name) == [
        "default", "kube-node-lease", "kube-public", "kube-system",
      ])
    #expect(
      api.list(.priorityClass).map(\.metadata.name) == [
        "system-cluster-critical", "system-node-critical",
      ])
    #expect(api.resourceVersion == 6)
  }

  @Test("create assigns uid, resourceVersion, generation, creationTimestamp")
  func createMetadata() throws {
    let api = APIServer(seed: 42)
    let created = try api.create(Fixture.pod("web-1"))
    #expect(created.metadata.resourceVersion == "7")
    #expect(created.metadata.generation == 1)
    #expect(created.metadata.creationTimestamp == SimTime.zero)
    #expect(created.metadata.namespace == "default")
    let uid = created.metadata.uid
    #expect(uid.count == 36)
    let parts = uid.split(separator: "-").map(\.count)
    #expect(parts == [8, 4, 4, 4, 12])
    #expect(Array(uid)[14] == "4")  // version 4
    #expect("89ab".contains(Array(uid)[19]))  // RFC 4122 variant
    #expect(api.get(.pod, "default", "web-1") == created)
  }

  @Test("uids and generated names are deterministic per seed and differ across seeds")
  func determinism() throws {
    func run(_ seed: UInt64) throws -> [String] {
      let api = APIServer(seed: seed)
      var out: [String] = []
      for _ in 0..<3 {
        let o = try api.create(Fixture.pod("", generateName: "web-5d8f7c6b9-"))
        out.append(o.metadata.name + " " + o.metadata.uid)
      }
      return out
    }
    let a = try run(42)
    #expect(a == (try run(42)))
    #expect(a != (try run(43)))
    for line in a {
      let name = String(line.split(separator: " ")[0])
      #expect(name.hasPrefix("web-5d8f7c6b9-"))
      #expect(name.count == "web-5d8f7c6b9-".count + 5)
      #expect(name.dropFirst(14).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }
  }

  @Test("list orders by namespace then name")
  func listOrder() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.namespace("b"))
    try api.create(Fixture.namespace("a"))
    for (ns, name) in [("default", "z"), ("b", "a"), ("a", "m"), ("default", "b"), ("a", "c")] {
      try api.create(Fixture.pod(name, namespace: ns))
    }
    #expect(
      api.list(.pod).map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" } == [
        "a/c", "a/m", "b/a", "default/b", "default/z",
      ])
    try api.delete(.pod, "a", "c")
    #expect(api.list(.pod).count == 4)
    #expect(api.list(.pod, namespace: "default").map(\.metadata.name) == ["b", "z"])
  }

  @Test("errors: AlreadyExists, NotFound, missing namespace, missing name")
  func errors() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.pod("web-1"))
    #expect(throws: APIError(.alreadyExists, "pods \"web-1\" already exists")) {
      try api.create(Fixture.pod("web-1"))
    }
    #expect(throws: APIError(.notFound, "pods \"nope\" not found")) {
      try api.delete(.pod, "default", "nope")
    }
    #expect(throws: APIError(.notFound, "namespaces \"prod\" not found")) {
      try api.create(Fixture.pod("web-1", namespace: "prod"))
    }
    #expect(
      throws: APIError(
        .invalid,
        "Pod \"\" is invalid: metadata.name: Required value: name or generateName is required")
    ) {
      try api.create(Fixture.pod(""))
    }
    #expect(throws: APIError(.notFound, "deployments.apps \"web\" not found")) {
      try api.delete(.deployment, "default", "web")
    }
  }

  @Test("update: resourceVersion conflict, generation bumps on spec change only, status kept")
  func update() throws {
    let api = APIServer(seed: 1)
    let created = try api.create(Fixture.pod("web-1"))
    var changed = created
    changed.metadata.labels["app"] = "web"
    let updated = try api.update(changed)
    #expect(updated.metadata.generation == 1)
    #expect(updated.metadata.resourceVersion == "8")
    #expect(
      throws: APIError(
        .conflict,
        "Operation cannot be fulfilled on pods \"web-1\": the object has been modified; please apply your changes to the latest version and try again"
      )
    ) {
      try api.update(changed)  // still carries resourceVersion 7
    }
    // A no-op update writes nothing.
    #expect(try api.update(updated).metadata.resourceVersion == "8")
    // Image change: spec change, allowed, generation 2. Status in the request is ignored.
    guard case .pod(var pod) = updated else { Issue.record("not a pod"); return }
    pod.spec.containers[0].image = "nginx:1.28"
    pod.status.phase = .running
    guard case .pod(let stored) = try api.update(.pod(pod)) else { return }
    #expect(stored.metadata.generation == 2)
    #expect(stored.status.phase == .pending)  // kept from create, not the request's
    // Status subresource changes status only.
    var statusOnly = stored
    statusOnly.status.phase = .running
    statusOnly.spec.containers[0].image = "ignored"
    guard case .pod(let s2) = try api.updateStatus(.pod(statusOnly)) else { return }
    #expect(s2.status.phase == .running)
    #expect(s2.spec.containers[0].image == "nginx:1.28")
    #expect(s2.metadata.generation == 2)
  }

  @Test("pod spec fields other than image and a few are immutable")
  func immutablePod() throws {
    let api = APIServer(seed: 1)
    guard case .pod(var pod) = try api.create(Fixture.pod("web-1")) else { return }
    pod.spec.containers[0].name = "other"
    #expect(
      throws: APIError(
        .invalid,
        "Pod \"web-1\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
      )
    ) {
      try api.update(.pod(pod))
    }
  }

  @Test("ReplicaSet selector is immutable")
  func immutableSelector() throws {
    let api = APIServer(seed: 1)
    var rs = ReplicaSet(metadata: ObjectMeta(name: "web"))
    rs.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    rs.spec.template.metadata.labels = ["app": "web"]
    guard case .replicaSet(var stored) = try api.create(.replicaSet(rs)) else { return }
    stored.spec.selector = LabelSelector(matchLabels: ["app": "api"])
    #expect(
      throws: APIError(
        .invalid,
        "ReplicaSet.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"api\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"
      )
    ) {
      try api.update(.replicaSet(stored))
    }
  }

  @Test("indexes: pods by node and by owner")
  func indexes() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.pod("a", owner: "u1"))
    try api.create(Fixture.pod("b", node: "n1", owner: "u1"))
    try api.create(Fixture.pod("c", owner: "u2"))
    try api.bind("default", "a", to: "n1")
    #expect(api.pods(onNode: "n1").map(\.metadata.name) == ["b", "a"])
    #expect(api.pods(ownedBy: "u1").map(\.metadata.name) == ["a", "b"])
    try api.delete(.pod, "default", "b", gracePeriodSeconds: 0)
    #expect(api.pods(onNode: "n1").map(\.metadata.name) == ["a"])
    #expect(api.pods(ownedBy: "u1").map(\.metadata.name) == ["a"])
    #expect(api.pods(ownedBy: "u2").map(\.metadata.name) == ["c"])
    #expect(api.checkIndexes() == nil)
  }
}
