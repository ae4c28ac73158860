import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScenario

@Suite("World")
struct WorldTests {
  @Test("events.jsonl and placements.csv, byte-exact, from fake components")
  func outputs() throws {
    let input = WorldInput(
      seed: 42,
      objects: [
        WorldFixture.pod("web-1"), WorldFixture.node("worker-1"), WorldFixture.node("worker-2"),
      ])
    let world = try World(input, components: .fakes())
    #expect(try world.run(until: .zero + .minutes(1)) == .idle)
    // Pod delivered to the scheduler at 10ms, bound at 15ms (cycle cost 5ms); kubelet sees it
    // at 25ms, starts it at 1.025s (container start 1s).
    #expect(
      world.eventsJSONL() == """
        {"time_us":15000,"time":"15ms","type":"Normal","reason":"Scheduled","object":"Pod/default/web-1","node":"worker-1","message":"Successfully assigned default/web-1 to worker-1"}
        {"time_us":1025000,"time":"1.025s","type":"Normal","reason":"Started","object":"Pod/default/web-1","node":"worker-1","message":"Started container app"}

        """)
    #expect(
      world.placementsCSV() == """
        time_us,pod,node,profile,attempts
        15000,default/web-1,worker-1,default-scheduler,1

        """)
    #expect(world.now == .zero + .minutes(1))
  }

  @Test(
    "an event line escapes JSON and writes null for no node; cluster-scoped objects have no namespace"
  )
  func eventLine() {
    let e = RecordedEvent(
      time: .zero + .seconds(160), type: .warning, reason: "NodeNotReady",
      object: ObjectReference(kind: "Node", name: "worker-2"), node: nil,
      message: "Node \"worker-2\" status is now: NodeNotReady\n")
    #expect(
      e.jsonLine
        == #"{"time_us":160000000,"time":"2m40s","type":"Warning","reason":"NodeNotReady","object":"Node/worker-2","node":null,"message":"Node \"worker-2\" status is now: NodeNotReady\n"}"#
    )
  }

  @Test("namespaces are created before the objects in them; nodes before pods")
  func creationOrder() throws {
    let input = WorldInput(
      seed: 1,
      objects: [
        WorldFixture.pod("api-1", namespace: "prod"),
        .namespace(Namespace(metadata: ObjectMeta(name: "prod"))),
        WorldFixture.node("worker-1"),
      ])
    let world = try World(input, components: .fakes())
    try world.run(until: .zero + .seconds(5))
    #expect(world.api.pods(onNode: "worker-1").map(\.metadata.name) == ["api-1"])
  }

  @Test("an initial object the API server rejects is an input error")
  func inputError() {
    let input = WorldInput(seed: 1, objects: [WorldFixture.pod("api-1", namespace: "prod")])
    #expect(
      throws: WorldInputError(
        object: "Pod/prod/api-1", index: 0,
        error: APIError(.notFound, "namespaces \"prod\" not found"))
    ) {
      try World(input, components: .fakes())
    }
  }

  @Test("a node created during the run gets a kubelet")
  func laterNode() throws {
    let world = try World(
      WorldInput(seed: 1, objects: [WorldFixture.node("worker-1", cpu: "1")]),
      components: .fakes())
    try world.api.create(WorldFixture.pod("a"))
    try world.api.create(WorldFixture.pod("b"))
    try world.run(until: .zero + .seconds(2))
    #expect(world.api.pods(onNode: "worker-1").map(\.metadata.name) == ["a"])
    try world.api.create(WorldFixture.node("worker-2"))
    try world.api.create(WorldFixture.pod("c"))
    try world.run(until: .zero + .seconds(5))
    #expect(world.api.pods(onNode: "worker-2").map(\.metadata.name) == ["c"])
    let started = world.recordedEvents.filter { $0.reason == "Started" }.map(\.object.name)
    #expect(started == ["a", "c"])
  }

  @Test("a bind to a node that does not exist stops the run naming the seed")
  func invariant() throws {
    let world = try World(
      WorldInput(seed: 7, objects: [WorldFixture.node("worker-1"), WorldFixture.pod("a")]),
      components: .fakes(forcedNode: "ghost"))
    do {
      try world.run(until: .zero + .seconds(1))
      Issue.record("no violation")
    } catch let v as InvariantViolation {
      #expect(v.message == "pod default/a bound to node ghost, which does not exist")
      #expect(v.time == .zero + .milliseconds(15))
      #expect("\(v)".hasSuffix("(seed 7; replay with --seed 7)"))
    }
  }

  @Test("two worlds from the same input give identical outputs; another seed gives other names")
  func determinism() throws {
    func run(_ seed: UInt64) throws -> String {
      var objects = [
        WorldFixture.node("worker-1", cpu: "8"), WorldFixture.node("worker-2", cpu: "8"),
      ]
      for _ in 0..<10 {
        objects.append(WorldFixture.pod("", generateName: "web-5d8f7c6b9-", cpu: "500m"))
      }
      let world = try World(WorldInput(seed: seed, objects: objects), components: .fakes())
      try world.run(until: .zero + .minutes(1))
      return world.eventsJSONL() + world.placementsCSV()
    }
    let a = try run(42)
    #expect(a == (try run(42)))
    #expect(a != (try run(43)))
    #expect(a.contains("\"reason\":\"Scheduled\",\"object\":\"Pod/default/web-5d8f7c6b9-"))
  }
}
