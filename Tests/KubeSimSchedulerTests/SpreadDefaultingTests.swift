import KubeSimKernel
import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// PodTopologySpreadArgs `defaultingType: List` vs `System` (upstream defaults.go and
/// validation_pluginargs.go `ValidatePodTopologySpreadArgs`; common.go `buildDefaultConstraints`).
@Suite struct SpreadDefaultingTests {
  static func build(_ args: String) throws(ConfigurationIssue) -> Profile {
    let yaml = """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - pluginConfig:
            - name: PodTopologySpread
              args:
      \(args)
      """
    guard let c = try? ProfileBuilderTests.config(yaml) else {
      throw ConfigurationIssue(path: "", "undecodable test input")
    }
    return try ProfileBuilder.build(c)[0]
  }

  static func issue(_ args: String) -> String {
    do {
      _ = try build(args)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  static func spread(_ p: Profile) -> PodTopologySpread? {
    p.filters.first { $0 is PodTopologySpread } as? PodTopologySpread
  }

  @Test func listWithNoConstraintsMeansNoDefaults() throws {
    let p = try Self.build("          defaultingType: List")
    let s = try #require(Self.spread(p))
    #expect(!s.systemDefaulting && s.listConstraints.isEmpty)
    // A pod with a default selector but no constraints gets none: PreScore skips.
    var pod = PodInfo(ConstraintFilterTests.pod("w", labels: ["app": "web"]))
    pod.defaultSpreadSelector = LabelSelector(matchLabels: ["app": "web"])
    #expect(s.scoreConstraints(pod).0.isEmpty)
  }

  @Test func systemWithConstraintsIsAnError() {
    let constraints = """
                defaultConstraints:
                  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}
      """
    let msg =
      "Invalid value: \"System\": when .defaultingType is \"System\", .defaultConstraints must "
      + "be empty"
    #expect(
      Self.issue("          defaultingType: System\n" + constraints)
        == "profiles[0].pluginConfig[0].args.defaultingType: " + msg)
    // Unset defaults to System (v1 `SetDefaults_PodTopologySpreadArgs`).
    #expect(
      Self.issue(constraints) == "profiles[0].pluginConfig[0].args.defaultConstraints: " + msg)
  }

  @Test func listConstraintsAreValidatedLikeUpstream() {
    func issue(_ items: String) -> String {
      Self.issue("          defaultingType: List\n          defaultConstraints:\n" + items)
    }
    let at = "profiles[0].pluginConfig[0].args.defaultConstraints"
    #expect(
      issue("            - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}")
        == "\(at)[0].maxSkew: Invalid value: 0: not in valid range (0, inf)")
    #expect(
      issue("            - {maxSkew: 1, whenUnsatisfiable: DoNotSchedule}")
        == "\(at)[0].topologyKey: Required value: can not be empty")
    #expect(
      issue(
        """
                    - maxSkew: 1
                      topologyKey: zone
                      whenUnsatisfiable: DoNotSchedule
                      labelSelector: {matchLabels: {app: web}}
        """)
        == "\(at)[0].labelSelector: Forbidden: constraint must not define a selector, as they "
        + "deduced for each pod")
    #expect(
      issue(
        """
                    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
                    - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
        """) == "\(at)[1]: Duplicate value: \"{zone, DoNotSchedule}\"")
    #expect(
      Self.issue("          defaultingType: Sometimes")
        == "profiles[0].pluginConfig[0].args.defaultingType: Unsupported value: \"Sometimes\": "
        + "supported values: \"System\", \"List\"")
  }

  /// A List DoNotSchedule default constraint filters a pod without constraints by its default
  /// selector; a ScheduleAnyway one scores. The pod's own constraints replace the defaults.
  @Test func listConstraintsFilterAndScorePodsWithoutConstraints() throws {
    let p = try Self.build(
      """
                defaultingType: List
                defaultConstraints:
                  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
                  - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}
      """)
    let s = try #require(Self.spread(p))
    let existing = ConstraintFilterTests.pod("e", labels: ["app": "web"])
    let snap = ConstraintFilterTests.snapshot(ConstraintFilterTests.zones, pods: [("a1", existing)])
    var pod = PodInfo(ConstraintFilterTests.pod("w", labels: ["app": "web"]))
    pod.defaultSpreadSelector = LabelSelector(matchLabels: ["app": "web"])
    var state = CycleState()
    #expect(s.preFilter(&state, pod, snap) == .success)
    let verdicts = (0..<snap.table.count).map { "\(s.filter(state, pod, snap, slot: $0))" }
    #expect(
      verdicts == [
        "Unschedulable: node(s) didn't match pod topology spread constraints", "Success", "Success",
      ])
    let (cs, systemDefaulted) = s.scoreConstraints(pod)
    #expect(cs.map(\.topologyKey) == ["zone"] && cs.map(\.maxSkew) == [2] && !systemDefaulted)
    // Without a default selector (no Service/ReplicaSet/StatefulSet selects it): no defaults.
    var bare = PodInfo(ConstraintFilterTests.pod("x", labels: ["app": "web"]))
    bare.defaultSpreadSelector = nil
    var st2 = CycleState()
    #expect(s.preFilter(&st2, bare, snap) == .skip)
  }
}
