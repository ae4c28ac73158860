import KubeSimKernel
import KubeSimYAML
import Testing

@testable import KubeSimScenario

@Suite struct ScenarioDecoderTests {
  func decode(_ text: String) throws -> (Scenario?, [String]) {
    let docs = try YAMLParser.parseStream(text, file: "s.yaml")
    var decoder = ScenarioDecoder()
    let scenario = decoder.decode(try #require(docs.first))
    return (scenario, decoder.diagnostics.map(\.description))
  }

  @Test func decodesEveryField() throws {
    let (s, errors) = try decode(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: demo, description: Hello.}
      spec:
        seed: 7
        duration: 15m
        include: [a.yaml, b.yaml]
        settings: {watchDelay: 5ms}
        timeline:
          - at: 8m
            kubectl: scale deployment/web --replicas=5
          - at: 2m
            kubectl: {verb: cordon, node: worker-2}
          - at: 2m
            kubectl: {verb: label, resource: node/worker-1, labels: {disk: ssd, old: null}}
        expect:
          - at: end
            that: deployment/web.status.readyReplicas == 5
          - at: 12m
            that: count(pods{app=web, node=worker-2}) == 0
          - during: 8m..12m
            that: deployment/web.status.readyReplicas >= 4
          - that: count(nodes) == 3
      """)
    #expect(errors == [])
    let scenario = try #require(s)
    #expect(scenario.name == "demo")
    #expect(scenario.description == "Hello.")
    #expect(scenario.seed == 7)
    #expect(scenario.duration == .minutes(15))
    #expect(scenario.includes.map(\.path) == ["a.yaml", "b.yaml"])
    #expect(scenario.settings.count == 1)
    #expect(scenario.timeline.map(\.at.microseconds) == [120_000_000, 120_000_000, 480_000_000])
    #expect(
      scenario.timeline.map(\.text) == [
        "cordon worker-2", "label node/worker-1 disk=ssd old-", "scale deployment/web --replicas=5",
      ])
    #expect(scenario.timeline[0].action == .kubectl(.cordon(node: "worker-2")))
    #expect(scenario.timeline[2].location == SourceLocation(file: "s.yaml", line: 10, column: 11))
    #expect(scenario.expectations.map(\.timingText) == ["end", "12m", "8m..12m", "end"])
    #expect(
      scenario.expectations[1].location == SourceLocation(file: "s.yaml", line: 20, column: 13))
  }

  @Test(arguments: [
    ("spec: {seed: abc}", "s.yaml:4:14: spec.seed: expected a non-negative integer, found \"abc\""),
    (
      "spec: {duration: 90}",
      "s.yaml:4:18: spec.duration: expected a duration with a unit such as 90s or 90m, found 90"
    ),
    (
      "spec: {duraton: 5m}",
      "s.yaml:4:8: spec.duraton: unknown field \"duraton\"; did you mean \"duration\"? (expected one of: seed, duration, include, settings, timeline, faults, expect)"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: drain worker-1 --grace-period=x",
      "s.yaml:7:16: spec.timeline[0].kubectl: --grace-period: expected an integer >= -1, found \"x\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: delete deployment/web --cascade=sideways",
      "s.yaml:7:16: spec.timeline[0].kubectl: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: {verb: delete, resource: pod/a, now: true, gracePeriod: 5}",
      "s.yaml:7:16: spec.timeline[0].kubectl: --now and --grace-period cannot be specified together"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: frobnicate pods",
      "s.yaml:7:16: spec.timeline[0].kubectl: unknown kubectl verb \"frobnicate\" (expected one of: apply, create, delete, scale, cordon, uncordon, label, annotate, taint, set, rollout, patch, drain)"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: set image deployment/web",
      "s.yaml:7:16: spec.timeline[0].kubectl: kubectl set image needs at least one CONTAINER=IMAGE argument"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: rollout undo deployment/web --to-revision=-1",
      "s.yaml:7:16: spec.timeline[0].kubectl: --to-revision: expected a non-negative integer, found \"-1\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: set image widgets/x a=b",
      "s.yaml:7:16: spec.timeline[0].kubectl: kubectl set image applies to pods, deployments, replicasets, daemonsets, statefulsets, jobs and cronjobs, found \"widgets\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      fault: node-explode worker-2",
      "s.yaml:7:14: spec.timeline[0].fault: unknown fault \"node-explode\" (expected one of node-crash, node-recover, kubelet-stop, kubelet-start, node-partition, node-heal, zone-outage, zone-recover, pod-crash, oom, registry-outage, slow-pulls, api-server-outage, scheduler-outage, controller-manager-outage)"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      fault: node-crash",
      "s.yaml:7:14: spec.timeline[0].fault: node-crash takes one argument, the node name, found 0"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      load: service/web fast",
      "s.yaml:7:13: spec.timeline[0].load: expected a rate such as 800rps, found \"fast\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      load: deployment/web 800rps",
      "s.yaml:7:13: spec.timeline[0].load: expected service/NAME RATE such as \"service/web 800rps\", found \"deployment/web 800rps\""
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      load: {service: web, rps: 10, diurnal: {period: 1h}}",
      "s.yaml:7:46: spec.timeline[0].load.diurnal: diurnal needs amplitude:"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      load: {service: web, spikes: [{at: 1m, rps: 5}]}",
      "s.yaml:7:37: spec.timeline[0].load.spikes[0]: a spike needs at:, duration: and rps:"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: scale pods/x --replicas=2",
      "s.yaml:7:16: spec.timeline[0].kubectl: kubectl scale applies to deployments, replicasets and statefulsets, found pods"
    ),
    (
      "spec:\n  timeline:\n    - at: 1m\n      kubectl: delete widgets x",
      "s.yaml:7:16: spec.timeline[0].kubectl: unknown resource type \"widgets\" (expected a kind such as pods, deployments, nodes)"
    ),
    (
      "spec:\n  timeline:\n    - kubectl: cordon w",
      "s.yaml:6:7: spec.timeline[0]: a timeline entry needs at: (a time such as 2m)"
    ),
    (
      "spec:\n  expect:\n    - that: deployment/web.status.readyReplicas === 3",
      "s.yaml:6:51: spec.expect[0].that: unexpected '=' (expected a value)"
    ),
    (
      "spec:\n  expect:\n    - that: recovery(1) < 6m",
      "s.yaml:6:22: spec.expect[0].that: expected recovery(fault N), found recovery(1)"
    ),
    (
      "spec:\n  expect:\n    - that: 'widget/x.status.y == 1'",
      "s.yaml:6:14: spec.expect[0].that: unknown kind \"widget\" (expected a kind such as pods, deployments, nodes)"
    ),
    (
      "spec:\n  expect:\n    - {that: 'true', at: 1m, during: 1m..2m}",
      "s.yaml:6:38: spec.expect[0].during: give at: or during:, not both"
    ),
    (
      "spec:\n  expect:\n    - {that: 'true', during: 5m}",
      "s.yaml:6:30: spec.expect[0].during: expected an interval such as 8m..12m, found \"5m\""
    ),
    (
      "spec:\n  expect:\n    - that: count(nodes{phase=Running}) == 1",
      "s.yaml:6:19: spec.expect[0].that: count(nodes{phase=…}): phase= applies to pods only, not nodes"
    ),
    (
      "spec:\n  faults:\n    - nodeCrash: {mtbf: 6h}",
      "s.yaml:6:18: spec.faults[0].nodeCrash: nodeCrash needs mtbf: and mttr: (durations such as 6h and 20m)"
    ),
    (
      "spec:\n  faults:\n    - nodeCrash: {mtbf: 6h, mttr: 1m, distribution: gamma}",
      "s.yaml:6:53: spec.faults[0].nodeCrash.distribution: expected exponential or weibull, found \"gamma\""
    ),
  ])
  func reportsErrorsWithPositionAndPath(_ spec: String, _ message: String) throws {
    let (s, errors) = try decode(
      "apiVersion: kubesim.io/v1alpha1\nkind: Scenario\nmetadata: {name: x}\n" + spec)
    #expect(s == nil)
    #expect(errors == [message])
  }

  @Test func collectsEveryErrorOfADocument() throws {
    let (_, errors) = try decode(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {}
      spec:
        seed: -1
        timeline:
          - {at: 1m, kubectl: "cordon"}
          - {at: 2m, kubectl: "cordon w"}
        expect:
          - that: "1 =="
      """)
    #expect(
      errors == [
        "s.yaml:3:11: metadata.name: a Scenario needs a name",
        "s.yaml:5:9: spec.seed: expected a non-negative integer, found -1",
        "s.yaml:7:25: spec.timeline[0].kubectl: kubectl cordon takes exactly one node name, found 0 arguments",
        "s.yaml:10:18: spec.expect[0].that: expected a value at the end of the expression",
      ])
  }
}
