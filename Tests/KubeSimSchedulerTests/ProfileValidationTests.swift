import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// Configuration errors of `ProfileBuilder.build`, with their field paths.
@Suite struct ProfileValidationTests {
  static func issue(_ profileYAML: String) throws -> ConfigurationIssue? {
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      \(profileYAML)
      """)
    do {
      _ = try ProfileBuilder.build(c)
      return nil
    } catch {
      return error
    }
  }

  @Test func unknownPlugin() throws {
    let e = try Self.issue(
      """
        - plugins:
            filter:
              enabled:
                - name: NoSuchPlugin
      """)
    #expect(
      e
        == ConfigurationIssue(
          path: "profiles[0].plugins.filter.enabled[0].name", "unknown plugin \"NoSuchPlugin\""))
  }

  @Test func negativeWeight() throws {
    let e = try Self.issue(
      """
        - plugins:
            score:
              enabled:
                - name: NodeResourcesFit
                  weight: -2
      """)
    #expect(
      e
        == ConfigurationIssue(
          path: "profiles[0].plugins.score.enabled[0].weight", "weight -2 must not be negative"))
  }

  @Test func weightOnFilterOnlyPlugin() throws {
    let e = try Self.issue(
      """
        - plugins:
            multiPoint:
              enabled:
                - name: NodeName
                  weight: 3
      """)
    #expect(e?.path == "profiles[0].plugins.multiPoint.enabled[0].weight")
    #expect(e?.message.hasPrefix("plugin \"NodeName\" is not a Score plugin") == true)
  }

  @Test func wrongExtensionPointAndDuplicate() throws {
    let wrong = try Self.issue(
      """
        - plugins:
            score:
              enabled:
                - name: NodeName
      """)
    #expect(
      wrong
        == ConfigurationIssue(
          path: "profiles[0].plugins.score.enabled[0].name",
          "plugin \"NodeName\" does not extend Score plugin"))
    let dup = try Self.issue(
      """
        - plugins:
            filter:
              enabled:
                - name: NodeName
                - name: NodeName
      """)
    #expect(
      dup
        == ConfigurationIssue(
          path: "profiles[0].plugins.filter.enabled[1].name",
          "plugin \"NodeName\" is enabled twice at filter"))
  }

  @Test func unknownArgFieldAndBadStrategy() throws {
    let e = try Self.issue(
      """
        - pluginConfig:
            - name: NodeResourcesFit
              args:
                scoringStrategy:
                  typo: 1
      """)
    #expect(e?.path == "profiles[0].pluginConfig[0].args.scoringStrategy.typo")
    #expect(e?.message.hasPrefix("unknown field \"typo\"") == true)
    let bad = try Self.issue(
      """
        - pluginConfig:
            - name: NodeResourcesFit
              args:
                scoringStrategy:
                  type: Fancy
      """)
    #expect(bad?.path == "profiles[0].pluginConfig[0].args.scoringStrategy.type")
  }

  @Test func duplicateSchedulerNameAndPercentage() throws {
    let dup = try Self.issue(
      """
        - schedulerName: a
        - schedulerName: a
      """)
    #expect(
      dup
        == ConfigurationIssue(
          path: "profiles[1].schedulerName", "duplicate profile with scheduler name \"a\""))
    let pct = try Self.issue(
      """
        - percentageOfNodesToScore: 120
      """)
    #expect(pct?.path == "profiles[0].percentageOfNodesToScore")
  }

  @Test func locatePointsAtTheField() throws {
    let text = """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - plugins:
            score:
              enabled:
                - name: NodeResourcesFit
                  weight: -2
      """
    let node = try #require(try YAMLParser.parseStream(text, file: "c.yaml").first)
    let at = node.locate(path: "profiles[0].plugins.score.enabled[0].weight").location
    #expect(at.line == 8 && at.column == 21)
  }
}

/// Multi-point expansion, disabling with '*', weights and per-point ordering.
@Suite struct ProfileExpansionTests {
  @Test func defaultProfileHasUpstreamOrderAndWeights() {
    let p = Profile.defaultProfile()
    #expect(
      p.filters.map(\.name) == [
        "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
        "NodeResourcesFit", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "PodTopologySpread",
        "InterPodAffinity",
      ])
    #expect(p.scores.first.map { "\($0.plugin.name):\($0.weight)" } == "TaintToleration:3")
    #expect(p.preEnqueue.map(\.name) == ["SchedulingGates"])
    #expect(p.binds.map(\.name) == ["DefaultBinder"])
  }

  @Test func disablingStarAtFilterKeepsScoresAndEnabledFilter() throws {
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: only-taints
          plugins:
            filter:
              disabled:
                - name: '*'
              enabled:
                - name: TaintToleration
            score:
              disabled:
                - name: '*'
              enabled:
                - name: TaintToleration
                  weight: 7
      """)
    let p = try ProfileBuilder.build(c)[0]
    #expect(p.filters.map(\.name) == ["TaintToleration"])
    #expect(p.scores.map { "\($0.plugin.name):\($0.weight)" } == ["TaintToleration:7"])
    #expect(p.preEnqueue.map(\.name) == ["SchedulingGates"])
  }

  @Test func multiPointStarThenEnableOne() throws {
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - plugins:
            multiPoint:
              disabled:
                - name: '*'
              enabled:
                - name: NodeResourcesFit
                  weight: 4
      """)
    let p = try ProfileBuilder.build(c)[0]
    #expect(p.filters.map(\.name) == ["NodeResourcesFit"])
    #expect(p.scores.map { "\($0.plugin.name):\($0.weight)" } == ["NodeResourcesFit:4"])
    #expect(p.binds.isEmpty && p.preEnqueue.isEmpty)
  }
}
