import KubeSimKernel
import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// The Trimaran plugins as registered Score plugins: their args and defaults.
@Suite struct TrimaranPluginTests {
  /// scheduler-plugins apis/config/v1 defaults.go.
  @Test func defaultsAreUpstreams() {
    let t = TargetLoadPacking()
    #expect(t.targetUtilization == 40 && t.defaultRequestsMilliCPU == 1000)
    #expect(t.requestsMultiplier == 1.5)
    let l = LoadVariationRiskBalancing()
    #expect(l.margin == 1 && l.sensitivity == 1)
  }

  /// targetloadpacking.go `PredictUtilisation`: limit, else request × multiplier, else default.
  @Test func predictedCPUUsesLimitThenRequestTimesMultiplierThenDefault() throws {
    var pod = Pod(metadata: ObjectMeta(name: "p"))
    pod.spec.containers = [
      Container(
        name: "limited",
        resources: ResourceRequirements(
          limits: ["cpu": Quantity(milli: 700)], requests: ["cpu": Quantity(milli: 100)])),
      Container(
        name: "burstable", resources: ResourceRequirements(requests: ["cpu": Quantity(milli: 333)])),
      Container(name: "besteffort"),
    ]
    // 700 + round(333 × 1.5 = 499.5) = 500 + 1000.
    #expect(TargetLoadPacking().predictedMilliCPU(pod) == 2200)
  }

  @Test func argsAreDecodedAndCheckedThroughTheRegistry() throws {
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: trimaran
          plugins:
            score:
              enabled:
                - {name: TargetLoadPacking, weight: 2}
                - {name: LoadVariationRiskBalancing}
          pluginConfig:
            - name: TargetLoadPacking
              args:
                targetUtilization: 70
                defaultRequests: {cpu: 2000m}
                defaultRequestsMultiplier: "2"
                metricProvider: {type: KubernetesMetricsServer}
            - name: LoadVariationRiskBalancing
              args: {safeVarianceMargin: 2, safeVarianceSensitivity: 0.5}
      """)
    let profile = try ProfileBuilder.build(c)[0]
    let tlp = try #require(profile.scores.compactMap { $0.plugin as? TargetLoadPacking }.first)
    #expect(tlp.targetUtilization == 70 && tlp.defaultRequestsMilliCPU == 2000)
    #expect(tlp.requestsMultiplier == 2)
    let lvrb = try #require(
      profile.scores.compactMap { $0.plugin as? LoadVariationRiskBalancing }.first)
    #expect(lvrb.margin == 2 && lvrb.sensitivity == 0.5)
    #expect(LoadWatcher.instances(in: [profile]).count == 2)
    var bad = c
    bad.profiles[0].pluginConfig[0].args = try #require(
      try YAMLParserHelper.node("targetUtilization: 140"))
    #expect(throws: ConfigurationIssue.self) { try ProfileBuilder.build(bad) }
  }

  /// Not attached to a simulation (explain --snapshot), a node has no metrics and scores 0.
  @Test func withoutMetricsEveryNodeScoresTheMinimum() {
    let profile = Policies.profile(named: "usage-aware")
    #expect(profile?.scores.map(\.plugin.name) == ["LoadVariationRiskBalancing"])
    #expect(
      Policies.profile(named: "target-load-packing")?.scores.map(\.plugin.name) == [
        "TargetLoadPacking"
      ])
    let (snap, _) = PoliciesTests.cluster()
    let pod = SchedulingAlgorithmTests.pod("p", cpu: "1")
    #expect(TargetLoadPacking().score(CycleState(), pod, snap, slot: 0) == 0)
    #expect(LoadVariationRiskBalancing().score(CycleState(), pod, snap, slot: 0) == 0)
  }
}
