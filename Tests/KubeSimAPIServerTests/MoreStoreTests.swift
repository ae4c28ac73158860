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
          spec: ResourceQuotaSpec(hard: ["services": Fixture.q("1"), "count/deployments.apps": Fixture.q("0")]))))
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
      try api.create(.deployment(Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))))
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
        "Service \"web\" is invalid: spec.clusterIP: Invalid value: \"10.96.0.11\": field is immutable")
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
