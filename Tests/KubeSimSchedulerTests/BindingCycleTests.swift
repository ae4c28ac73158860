import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// Reserve, Permit, PreBind and Bind plugins run around the bind.
@Suite struct BindingCycleTests {
  /// Permit waits 2 s; Reserve rejects pods named "refused".
  struct Gatekeeper: ReservePlugin, PermitPlugin, PreBindPlugin, Sendable {
    static let pluginName = "Gatekeeper"
    var name: String { Self.pluginName }
    func reserve(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status {
      pod.pod.metadata.name == "refused"
        ? Status(.unschedulable, ["gatekeeper refused the pod"]) : .success
    }
    func unreserve(_ state: inout CycleState, _ pod: PodInfo, node: String) {}
    func permit(_ state: inout CycleState, _ pod: PodInfo, node: String)
      -> (status: Status, delay: SimDuration)
    {
      (Status(.wait), .seconds(2))
    }
    func preBind(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status { .success }
  }

  @Test func permitDelaysTheBindAndReserveCanReject() throws {
    var registry = PluginRegistry.inTree
    registry.register(
      PluginRegistration(
        name: Gatekeeper.pluginName, points: [.reserve, .permit, .preBind]
      ) { _ in Gatekeeper() })
    let config = KubeSchedulerConfiguration(profiles: [
      KubeSchedulerProfile(
        plugins: Plugins(multiPoint: PluginSet(enabled: [Plugin(name: Gatekeeper.pluginName)])))
    ])
    let api = APIServer(seed: 1)
    try api.create(DefaultSchedulerTests.node("worker-1", cpu: "4"))
    let sched = DefaultScheduler(
      settings: api.settings, configurations: [config], registry: registry)
    #expect(sched.profiles[0].reserves.map(\.name) == ["Gatekeeper"])
    #expect(sched.profiles[0].permits.map(\.name) == ["Gatekeeper"])
    api.register(sched)
    try api.create(DefaultSchedulerTests.pod("ok", cpu: "1"))
    try api.create(DefaultSchedulerTests.pod("refused", cpu: "1"))
    try api.run(until: SimTime(microseconds: 3_000_000))
    // ok: popped at 10ms, cycle cost 5ms + Permit wait 2s.
    #expect(api.bindings.map(\.pod) == ["ok"])
    #expect(api.bindings.first?.time.microseconds == 2_015_000)
    let failed = api.recordedEvents.filter { $0.reason == "FailedScheduling" }
    #expect(
      failed.first?.message
        == "0/1 nodes are available: 1 gatekeeper refused the pod.")
  }
}
