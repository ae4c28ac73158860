import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimTestSupport
import Testing

/// Pods bound with `spec.nodeName` skip the scheduler; the kubelet re-checks node affinity
/// terms, host ports and NoExecute taints (pkg/kubelet/lifecycle/predicate.go) and an image
/// declared `unpullable` fails only its own pulls.
@Suite(.serialized) struct KubeletAdmissionRecheckTests {
  static func run(_ manifests: String, until: String = "30s") throws -> ScenarioRunner {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let text = """
      apiVersion: v1
      kind: Node
      metadata: {name: worker-1, labels: {disk: hdd, topology.kubernetes.io/zone: a}}
      spec:
        taints: [{key: dedicated, value: batch, effect: NoExecute}]
      status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}, allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
      ---
      \(manifests)
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: admission}
      spec: {duration: \(until)}

      """
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    _ = runner.run()
    return runner
  }

  static let tolerate = "tolerations: [{key: dedicated, operator: Exists, effect: NoExecute}]"

  static func status(_ r: ScenarioRunner, _ name: String) -> String {
    guard let p = r.world.api.get(.pod, "default", name)?.asPod else { return "missing" }
    return "\(p.status.phase?.rawValue ?? "-") \(p.status.reason ?? "-") \(p.status.message ?? "-")"
  }

  static func events(_ r: ScenarioRunner, _ reasons: Set<String>) -> [String] {
    r.world.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.type.rawValue) \($0.reason) \($0.object.name ?? "") \($0.message)"
    }
  }

  @Test func requiredNodeAffinityTermsAreRechecked() throws {
    let r = try Self.run(
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: wants-ssd}
      spec:
        nodeName: worker-1
        \(Self.tolerate)
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
              - matchExpressions: [{key: disk, operator: In, values: [ssd]}]
        containers: [{name: c, image: "busybox:1.36"}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: wants-zone-a}
      spec:
        nodeName: worker-1
        \(Self.tolerate)
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
              - matchExpressions: [{key: disk, operator: In, values: [ssd]}]
              - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]
        containers: [{name: c, image: "busybox:1.36"}]
      """)
    #expect(
      Self.status(r, "wants-ssd")
        == "Failed NodeAffinity Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"
    )
    #expect(
      Self.events(r, ["NodeAffinity"]) == [
        "10ms Warning NodeAffinity wants-ssd Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"
      ])
    // Terms are ORed: the second term matches.
    #expect(Self.status(r, "wants-zone-a").hasPrefix("Running"))
  }

  @Test func aHostPortInUseRejectsTheSecondPod() throws {
    let pod = { (name: String, ip: String) in
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: \(name)}
      spec:
        nodeName: worker-1
        \(Self.tolerate)
        containers: [{name: c, image: "busybox:1.36", ports: [{containerPort: 80, hostPort: 8080\(ip)}]}]
      """
    }
    let r = try Self.run(
      [pod("first", ""), pod("second", ", hostIP: 10.0.0.1"), pod("udp", ", protocol: UDP")]
        .joined(separator: "\n---\n"))
    #expect(Self.status(r, "first").hasPrefix("Running"))
    // 0.0.0.0 (no hostIP) conflicts with any IP on the same protocol and port.
    #expect(
      Self.status(r, "second")
        == "Failed NodePorts Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports"
    )
    #expect(Self.status(r, "udp").hasPrefix("Running"))
  }

  @Test func anUntoleratedNoExecuteTaintRejectsThePod() throws {
    let r = try Self.run(
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: intruder}
      spec:
        nodeName: worker-1
        containers: [{name: c, image: "busybox:1.36"}]
      """)
    // Both see the pod at 10ms: the taint eviction controller (registered first) marks it for
    // deletion, the kubelet rejects it, and confirms the deletion once it hears of it.
    #expect(
      Self.events(r, ["TaintToleration", "TaintManagerEviction"]) == [
        "10ms Normal TaintManagerEviction intruder Marking for deletion Pod default/intruder",
        "10ms Warning TaintToleration intruder Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
      ])
    #expect(Self.status(r, "intruder") == "missing")
  }

  @Test func resourcesAreCheckedBeforeAffinityAndPodCountFirst() throws {
    let r = try Self.run(
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: big}
      spec:
        nodeName: worker-1
        nodeSelector: {disk: ssd}
        \(Self.tolerate)
        containers: [{name: c, image: "busybox:1.36", resources: {requests: {cpu: "5"}}}]
      """)
    #expect(
      Self.status(r, "big")
        == "Failed OutOfcpu Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000"
    )
  }

  @Test func anUnpullableImageFailsOnlyItsOwnPulls() throws {
    let r = try Self.run(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: Image
      metadata: {name: broken}
      spec:
        reference: registry.example/app:9.9
        unpullable: true
        layers: [{digest: "sha256:b0", size: 10Mi}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: broken}
      spec:
        nodeName: worker-1
        \(Self.tolerate)
        containers: [{name: c, image: "registry.example/app:9.9"}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: fine}
      spec:
        nodeName: worker-1
        \(Self.tolerate)
        containers: [{name: c, image: "busybox:1.36"}]
      """, until: "35s")
    let notFound =
      "rpc error: code = NotFound desc = failed to pull and unpack image \"registry.example/app:9.9\": "
      + "failed to resolve reference \"registry.example/app:9.9\": registry.example/app:9.9: not found"
    // Back-off 10s, then 20s: pulls at 10ms, 10.01s, 30.01s.
    #expect(
      Self.events(r, ["Pulling", "Failed", "BackOff"]).filter { $0.contains(" broken ") } == [
        "10ms Normal Pulling broken Pulling image \"registry.example/app:9.9\"",
        "10ms Warning Failed broken Failed to pull image \"registry.example/app:9.9\": \(notFound)",
        "10ms Warning Failed broken Error: ErrImagePull",
        "10ms Normal BackOff broken Back-off pulling image \"registry.example/app:9.9\"",
        "10.01s Normal Pulling broken Pulling image \"registry.example/app:9.9\"",
        "10.01s Warning Failed broken Failed to pull image \"registry.example/app:9.9\": \(notFound)",
        "10.01s Warning Failed broken Error: ErrImagePull",
        "10.01s Normal BackOff broken Back-off pulling image \"registry.example/app:9.9\"",
        "30.01s Normal Pulling broken Pulling image \"registry.example/app:9.9\"",
        "30.01s Warning Failed broken Failed to pull image \"registry.example/app:9.9\": \(notFound)",
        "30.01s Warning Failed broken Error: ErrImagePull",
        "30.01s Normal BackOff broken Back-off pulling image \"registry.example/app:9.9\"",
      ])
    let broken = try #require(r.world.api.get(.pod, "default", "broken")?.asPod)
    #expect(broken.status.containerStatuses.first?.state.waiting?.reason == "ImagePullBackOff")
    #expect(Self.status(r, "fine").hasPrefix("Running"))
  }
}
