import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import Testing

@testable import KubeSimScheduler

/// PostFilter plugins run in configured order (upstream `RunPostFilterPlugins` after
/// `expandMultiPointPlugins`); a profile with DefaultPreemption disabled never preempts.
@Suite struct PostFilterOrderTests {
  static var registry: PluginRegistry {
    var r = PluginRegistry.inTree
    r.register(PostFilterNote.registration)
    return r
  }

  static func config(_ plugins: String, args: String = "") throws -> KubeSchedulerConfiguration {
    try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
          plugins:
      \(plugins)
      \(args)
      """)
  }

  /// One 2-CPU node holding a 2-CPU priority-0 pod; then `pod` (2 CPU, priority `high` when
  /// `preemptor`). Returns the FailedScheduling messages, the Preempted count and the profile.
  static func run(_ c: KubeSchedulerConfiguration, preemptor: Bool) throws
    -> (failed: [String], preempted: Int, profile: Profile)
  {
    let api = APIServer(seed: 1)
    try api.create(DefaultSchedulerTests.node("worker-1", cpu: "2"))
    try api.create(.priorityClass(PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000)))
    let sched = DefaultScheduler(settings: api.settings, configurations: [c], registry: registry)
    api.register(sched)
    try api.create(DefaultSchedulerTests.pod("resident", cpu: "2"))
    try api.run(until: SimTime(microseconds: 1_000_000))
    let pod: APIObject =
      preemptor
      ? NominatedPodsTests.pod("incoming", cpu: "2", priorityClass: "high")
      : DefaultSchedulerTests.pod("incoming", cpu: "2")
    try api.create(pod)
    try api.run(until: SimTime(microseconds: 1_500_000))
    return (
      api.recordedEvents.filter { $0.reason == "FailedScheduling" }.map(\.message),
      api.recordedEvents.filter { $0.reason == "Preempted" }.count, sched.profiles[0]
    )
  }

  static let insufficient = "0/1 nodes are available: 1 Insufficient cpu."
  static let noVictims =
    "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
  static let note = "PostFilterNote: 1 node(s) rejected the pod"

  /// Enabled at postFilter only, the plugin comes after the MultiPoint default DefaultPreemption
  /// (`expandMultiPointPlugins` part 3); both reasons are joined by ", ".
  @Test func customPluginEnabledAtPostFilterRunsAfterPreemption() throws {
    let c = try Self.config(
      """
            postFilter:
              enabled:
                - name: PostFilterNote
      """)
    let r = try Self.run(c, preemptor: false)
    #expect(r.profile.postFilters.map(\.name) == ["DefaultPreemption", "PostFilterNote"])
    #expect(r.failed == ["\(Self.insufficient) \(Self.noVictims), \(Self.note)"])
  }

  /// With DefaultPreemption taken out of MultiPoint and both listed at postFilter, the listed
  /// order holds: the plugin first.
  @Test func customPluginBeforePreemptionInConfiguredOrder() throws {
    let c = try Self.config(
      """
            multiPoint:
              disabled:
                - name: DefaultPreemption
            postFilter:
              enabled:
                - name: PostFilterNote
                - name: DefaultPreemption
      """)
    let r = try Self.run(c, preemptor: false)
    #expect(r.profile.postFilters.map(\.name) == ["PostFilterNote", "DefaultPreemption"])
    #expect(r.failed == ["\(Self.insufficient) \(Self.note), \(Self.noVictims)"])
  }

  /// A plugin before DefaultPreemption that returns UnschedulableAndUnresolvable ends the
  /// phase: no preemption although a victim exists.
  @Test func unresolvableStatusEndsThePhaseBeforePreemption() throws {
    let c = try Self.config(
      """
            multiPoint:
              disabled:
                - name: DefaultPreemption
            postFilter:
              enabled:
                - name: PostFilterNote
                - name: DefaultPreemption
      """,
      args: """
          pluginConfig:
            - name: PostFilterNote
              args:
                endsPhase: true
      """)
    let r = try Self.run(c, preemptor: true)
    #expect(r.preempted == 0)
    #expect(r.failed == ["\(Self.insufficient) \(Self.note)"])
  }

  /// Preemption that succeeds ends the phase: the plugin after it does not run and the message
  /// has no PostFilter part.
  @Test func successfulPreemptionSkipsLaterPlugins() throws {
    let c = try Self.config(
      """
            postFilter:
              enabled:
                - name: PostFilterNote
      """)
    let r = try Self.run(c, preemptor: true)
    #expect(r.preempted == 1)
    #expect(r.failed == [Self.insufficient])
  }

  /// DefaultPreemption disabled: the pod never preempts, and the message has no "preemption:"
  /// part (no PostFilter plugin left a message).
  @Test func profileWithPreemptionDisabledNeverPreempts() throws {
    let c = try Self.config(
      """
            postFilter:
              disabled:
                - name: DefaultPreemption
      """)
    let r = try Self.run(c, preemptor: true)
    #expect(r.profile.preemption == nil && r.profile.postFilters.isEmpty)
    #expect(r.preempted == 0)
    #expect(r.failed == [Self.insufficient])
  }
}
