import KubeSimAPIServer
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// The plugins of lanes sched-plugins and sched-constraints built through the framework's
/// registry: their args, their extension points and the profile-level preemption.
@Suite struct MergedRegistryTests {
  static func build(_ profileYAML: String) throws -> Profile {
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      \(profileYAML)
      """)
    return try ProfileBuilder.build(c)[0]
  }

  @Test func defaultProfileRunsEveryPreFilterPreScoreAndPreemption() {
    let p = Profile.defaultProfile()
    #expect(
      p.preFilters.map(\.name) == [
        "NodeAffinity", "NodePorts", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding",
        "VolumeZone", "PodTopologySpread", "InterPodAffinity",
      ])
    #expect(
      p.preScores.map(\.name) == [
        "NodeAffinity", "PodTopologySpread", "InterPodAffinity", "NodeResourcesBalancedAllocation",
      ])
    #expect(p.preemption != nil)
  }

  @Test func preemptionDisabledAtPostFilter() throws {
    let p = try Self.build(
      """
        - plugins:
            postFilter:
              disabled:
                - name: DefaultPreemption
      """)
    #expect(p.preemption == nil)
  }

  @Test func constraintArgsAreDecodedAndValidated() throws {
    let p = try Self.build(
      """
        - pluginConfig:
            - name: InterPodAffinity
              args:
                hardPodAffinityWeight: 7
            - name: DefaultPreemption
              args:
                minCandidateNodesAbsolute: 3
      """)
    let ipa = try #require(p.filters.first { $0 is InterPodAffinity } as? InterPodAffinity)
    #expect(ipa.hardPodAffinityWeight == 7)
    #expect(p.preemption?.minCandidateNodesAbsolute == 3)
    #expect(p.preemption?.minCandidateNodesPercentage == 10)
    #expect(throws: ConfigurationIssue.self) {
      try Self.build(
        """
          - pluginConfig:
              - name: InterPodAffinity
                args:
                  hardPodAffinityWeight: 101
        """)
    }
  }

  @Test func kubernetesVersionSelectsTheBalancedFormulaOfEveryProfile() {
    var settings = SimulationSettings()
    settings.kubernetesVersion = "1.35"
    let legacy = DefaultScheduler.profiles(settings: settings, configurations: [])
    let ba = legacy[0].scores.first { $0.plugin is NodeResourcesBalancedAllocation }?.plugin
    #expect((ba as? NodeResourcesBalancedAllocation)?.legacyFormula == true)
    let current = DefaultScheduler.profiles(settings: SimulationSettings(), configurations: [])
    let cba = current[0].scores.first { $0.plugin is NodeResourcesBalancedAllocation }?.plugin
    #expect((cba as? NodeResourcesBalancedAllocation)?.legacyFormula == false)
  }
}
