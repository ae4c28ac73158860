import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server details")
struct MoreStoreTests {
  @Test("a generated name that collides is drawn again from the names stream")
  func generateNameRetry() throws {
    let reference = APIServer(seed: 5)
    let first = try reference.create(Fixture.pod("", generateName: "web-")).metadata.name
    let second = try reference.create(Fixture.pod("", generateName: "web-")).metadata.name
    let api = APIServer(seed: 5)
    try api.create(Fixture.pod(first))
    #expect(try api.create(Fixture.pod("", generateName: "web-")).metadata.name == second)
  }

  @Test("quota counts other kinds: services and count/deployments.apps")
  func quotaCounts() throws {
    let api = APIServer(seed: 1)
    try api.create(
      .resourceQuota(
        ResourceQuota(
          metadata: ObjectMeta(name: "objects", namespace: "default"),
          spec: ResourceQuotaSpec(hard: [
            "services": Fixture.q("1"), "count/deployments.apps": Fixture.q("0"),
          ]))))
    try api.create(.service(Service(metadata: ObjectMeta(name: "a", namespace: "default"))))
    #expect(
      throws: APIError(
        .forbidden,
        "services \"b\" is forbidden: exceeded quota: objects, requested: services=1, used: services=1, limited: services=1"
      )
    ) {
      try api.create(.service(Service(metadata: ObjectMeta(name: "b", namespace: "default"))))
    }
    #expect(
      throws: APIError(
        .forbidden,
        "deployments.apps \"web\" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0"
      )
    ) {
      var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
      d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
      d.spec.template.metadata.labels = ["app": "web"]
      d.spec.template.spec.containers = [Container(name: "app", image: "nginx")]
      try api.create(.deployment(d))
    }
  }

  @Test("a Service's clusterIP cannot change once set")
  func clusterIP() throws {
    let api = APIServer(seed: 1)
    var svc = Service(metadata: ObjectMeta(name: "web", namespace: "default"))
    svc.spec.clusterIP = "10.96.0.10"
    guard case .service(var stored) = try api.create(.service(svc)) else { return }
    stored.spec.clusterIP = "10.96.0.11"
    #expect(
      throws: APIError(
        .invalid,
        "Service \"web\" is invalid: spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable"
      )
    ) {
      try api.update(.service(stored))
    }
  }

  @Test("named random streams are independent and continue across callbacks")
  func randomStreams() throws {
    func draws(_ extraFaultDraws: Int) throws -> [UInt64] {
      let api = APIServer(seed: 9)
      let c = Recorder("c", [])
      var out: [UInt64] = []
      c.onStart = { ctx in
        for _ in 0..<extraFaultDraws { _ = ctx.withRandom("faults") { $0.next() } }
        out.append(ctx.withRandom("scheduler") { $0.next() })
        ctx.setTimer(after: .seconds(1), token: 1)
      }
      c.onTimer = { _, ctx in out.append(ctx.withRandom("scheduler") { $0.next() }) }
      api.register(c)
      try api.run(until: .zero + .seconds(2))
      return out
    }
    let a = try draws(0)
    #expect(a.count == 2 && a[0] != a[1])
    #expect(a == (try draws(3)))
    var fresh = RandomStreams(seed: 9).stream(named: "scheduler")
    #expect(a[0] == fresh.next())
  }

  @Test("a timer set in the past fires now; setTimer(at:) fires at that time")
  func timerAt() throws {
    let api = APIServer(seed: 1)
    let c = Recorder("c", [])
    c.onStart = { ctx in
      ctx.setTimer(at: .zero + .milliseconds(250), token: 1)
      ctx.setTimer(after: .seconds(-5), token: 2)
    }
    api.register(c)
    try api.run(until: .zero + .seconds(1))
    #expect(c.log == ["0 timer 2", "250000 timer 1"])
  }
}

extension MoreStoreTests {
  @Test("validation: names, selectors that do not match the template, aggregated causes")
  func validation() throws {
    let api = APIServer(seed: 1)
    #expect(
      throws: APIError(
        .invalid,
        "Pod \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
      )
    ) {
      try api.create(Fixture.pod("Web"))
    }
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template.metadata.labels = ["app": "api", "tier": "fe"]
    d.spec.template.spec.containers = [Container(name: "app", image: "nginx")]
    #expect(
      throws: APIError(
        .invalid,
        "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\", \"tier\":\"fe\"}: `selector` does not match template `labels`"
      )
    ) {
      try api.create(.deployment(d))
    }
    var bad = Pod(metadata: ObjectMeta(name: "A", namespace: "default"))
    bad.spec.containers = []
    #expect(
      throws: APIError(
        .invalid,
        "Pod \"A\" is invalid: [metadata.name: Invalid value: \"A\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), spec.containers: Required value]"
      )
    ) {
      try api.create(.pod(bad))
    }
  }
}

extension MoreStoreTests {
  @Test("re-applying a pod manifest keeps what the server set (node, priority, tolerations)")
  func reapply() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.pod("a"))
    try api.bind("default", "a", to: "n1")
    guard case .pod(var manifest) = Fixture.pod("a") else { return }
    manifest.metadata.labels["v"] = "2"
    guard case .pod(let updated) = try api.update(.pod(manifest)) else { return }
    #expect(updated.spec.nodeName == "n1")
    #expect(updated.spec.priority == 0)
    #expect(updated.spec.tolerations.count == 2)
    #expect(updated.metadata.labels["v"] == "2")
    #expect(updated.metadata.generation == 1)
  }
}

extension MoreStoreTests {
  @Test("count(where:) counts without listing")
  func countWhere() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    for name in ["a", "b", "c"] { try api.create(Fixture.pod(name)) }
    try api.bind("default", "b", to: "n1")
    try api.delete(.pod, "default", "c")
    #expect(
      api.count(.pod) {
        if case .pod(let p) = $0 { return p.spec.nodeName == nil } else { return false }
      } == 1)
    #expect(api.count(.pod) { _ in true } == 2)
    #expect(api.count(.service) { _ in true } == 0)
  }
}

extension MoreStoreTests {
  @Test("a generated name is validated after generation")
  func generatedNameValidated() throws {
    let api = APIServer(seed: 1)
    do {
      try api.create(Fixture.pod("", generateName: "Web-"))
      Issue.record("accepted an invalid generated name")
    } catch {
      #expect(error.code == .invalid)
      #expect(error.message.hasPrefix("Pod \"Web-"))
      #expect(error.message.contains("metadata.name: Invalid value: \"Web-"))
    }
    #expect(api.count(.pod) == 0)
  }
}
