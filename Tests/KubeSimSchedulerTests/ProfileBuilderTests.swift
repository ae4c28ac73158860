import KubeSimModel
import Testing

@testable import KubeSimScheduler

@Suite struct ProfileBuilderTests {
  static func config(_ yaml: String) throws -> KubeSchedulerConfiguration {
    var decoder = ManifestDecoder()
    let docs = try decoder.decodeStream(yaml, file: "config.yaml")
    guard case .schedulerConfiguration(let c)? = docs.first else {
      Issue.record("not a KubeSchedulerConfiguration: \(docs)")
      return KubeSchedulerConfiguration()
    }
    return c
  }

  @Test func mostAllocatedProfileWithWeightsAndDisabledTaintScore() throws {
    let c = try Self.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
        - schedulerName: bin-packing
          percentageOfNodesToScore: 40
          plugins:
            score:
              disabled:
                - name: TaintToleration
              enabled:
                - name: NodeResourcesFit
                  weight: 5
          pluginConfig:
            - name: NodeResourcesFit
              args:
                scoringStrategy:
                  type: MostAllocated
                  resources:
                    - name: cpu
                      weight: 2
                    - name: memory
                      weight: 1
      """)
    let profiles = ProfileBuilder.profiles(from: c)
    #expect(profiles.map(\.schedulerName) == ["default-scheduler", "bin-packing"])
    #expect(
      profiles[0].scores.map { "\($0.plugin.name):\($0.weight)" } == [
        "TaintToleration:3", "NodeAffinity:2", "NodeResourcesFit:1", "PodTopologySpread:2",
        "InterPodAffinity:2", "NodeResourcesBalancedAllocation:1", "ImageLocality:1",
      ])
    let p = profiles[1]
    #expect(p.percentageOfNodesToScore == 40)
    #expect(
      p.filters.map(\.name) == [
        "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
        "NodeResourcesFit", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "PodTopologySpread", "InterPodAffinity",
      ])
    #expect(
      p.scores.map { "\($0.plugin.name):\($0.weight)" } == [
        "NodeResourcesFit:5", "NodeAffinity:2", "PodTopologySpread:2", "InterPodAffinity:2",
        "NodeResourcesBalancedAllocation:1", "ImageLocality:1",
      ])
    let fit = try #require(p.scores[0].plugin as? NodeResourcesFit)
    #expect(fit.strategy == .mostAllocated)
    #expect(fit.resources == [.init(name: "cpu", weight: 2), .init(name: "memory", weight: 1)])
  }
}
