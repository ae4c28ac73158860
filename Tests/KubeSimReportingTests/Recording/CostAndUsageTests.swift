import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimReporting
import KubeSimScenario
import KubeSimTestSupport
import Testing

/// Cost integrated from the Node annotation `sim.kubesim.io/cost-per-hour`, and CPU/memory used
/// from the metrics pipeline, as the recorder samples them.
@Suite struct CostAndUsageTests {
  /// Two priced nodes for an hour: `big` (pool label `a`, 0.5/h) lives all hour, `spot-3`
  /// (no label: pool `spot` from its name, 0.25/h) is deleted at 30m; `free-1` has no annotation.
  static let scenario = """
    apiVersion: v1
    kind: Node
    metadata:
      name: big
      labels: {sim.kubesim.io/node-pool: a}
      annotations: {sim.kubesim.io/cost-per-hour: "0.5"}
    status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
    ---
    apiVersion: v1
    kind: Node
    metadata:
      name: spot-3
      annotations: {sim.kubesim.io/cost-per-hour: "0.25"}
    status: {capacity: {cpu: "2", memory: 4Gi, pods: "110"}}
    ---
    apiVersion: v1
    kind: Node
    metadata: {name: free-1}
    status: {capacity: {cpu: "2", memory: 4Gi, pods: "110"}}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: busy
      annotations: {sim.kubesim.io/cpu: "750m", sim.kubesim.io/memory: 300Mi}
    spec:
      nodeName: big
      containers:
        - {name: app, image: app:1, resources: {requests: {cpu: "1", memory: 512Mi}}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: cost}
    spec:
      seed: 1
      duration: 1h
      timeline:
        - {at: 30m, kubectl: delete node spot-3}
    """

  static func record() throws -> (MetricsRecorder, RunMetrics, ScenarioRunner) {
    let dir = TemporaryDirectory("cost")
    defer { dir.remove() }
    let path = dir.write("cost.yaml", scenario)
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let recorder = MetricsRecorder(intervalMicros: 60_000_000)
    runner.world.api.register(recorder)
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    return (recorder, recorder.snapshot(endMicros: report.endTime.microseconds), runner)
  }

  @Test func costIsIntegratedPerPoolFromTheAnnotation() throws {
    let (_, m, _) = try Self.record()
    // The recorder sees the nodes one watch delay (10 ms) after 0 and the deletion 10 ms after
    // 30m. big: 0.5 × (3600 s − 10 ms) / 3600 s = 0.499998611 → 499999 µ; spot-3: 0.25 × 1800 s
    // / 3600 s = 125000 µ exactly; the total sums nano-units first (624998611 → 624999 µ).
    #expect(m.hasCost)
    #expect(m.costPerPool.map(\.pool) == ["a", "free", "spot"])
    #expect(m.costPerPool.map(\.micros) == [499_999, 0, 125_000])
    #expect(m.costTotalMicros == 624_999)
    let json = GoldenOutputs.flatten(m.json)
    #expect(json.contains("cost.total_micros\t624999\n"))
    #expect(json.contains("cost.per_pool_micros.spot\t125000\n"))
    #expect(m.markdown.contains("| spot | 0.125000 |\n"))
    #expect(m.markdown.contains("| **total** | **0.624999** |\n"))
  }

  @Test func costSeriesIsCumulativeAndRateDropsAtTheDeletion() throws {
    let (_, m, _) = try Self.record()
    let cost = m.registry.series(MetricsRecorder.clusterCostMicros).points
    let rate = m.registry.series(MetricsRecorder.clusterCostRate).points
    // Sample at 1m: both nodes for 59.99 s at 0.75/h = 12497.9 µ, rounded to 12498.
    #expect(cost.first(where: { $0.startMicros == 60_000_000 })?.last == 12_498)
    #expect(rate.first(where: { $0.startMicros == 60_000_000 })?.last == 750_000)
    #expect(rate.last?.last == 500_000)
    #expect(zip(cost, cost.dropFirst()).allSatisfy { $0.last <= $1.last })
  }

  @Test func usedResourcesAreWhatMetricsServerReports() throws {
    let (_, m, runner) = try Self.record()
    // The pod's usage is constant (750m, 300Mi); metrics-server reports it from its second
    // scrape on, so the samples from 2m on show exactly that on `big` and in the cluster.
    let reg = m.registry
    let at10m = { (key: MetricKey) in reg.series(key).points.first { $0.startMicros == 600_000_000 }?.last }
    #expect(at10m(StandardMetric.nodeCPUUsed.key("big")) == 750)
    let memory: Int64? = at10m(StandardMetric.nodeMemoryUsed.key("big"))
    #expect(memory == Int64(314_572_800))
    #expect(at10m(StandardMetric.nodeCPUUsed.key("free-1")) == 0)
    #expect(at10m(MetricsRecorder.clusterCPUUsed) == 750)
    #expect(at10m(MetricsRecorder.clusterCPURequested) == 1000)
    #expect(reg.series(MetricsRecorder.clusterCPUUsed).points.first?.last == 0)
    // The same value `kubesim top` computes from the pipeline.
    let pod = runner.world.api.pods(onNode: "big").first
    let sample = pod.flatMap {
      MetricsPipeline().podMetrics($0, at: SimTime(microseconds: 600_000_000), runSeed: runner.world.seed)
    }
    #expect(sample?.cpuMillis == 750)
    let csv = reg.csv()
    #expect(csv.contains("600000000,600000000,node_cpu_used_millis,node=big,gauge,1,750,750,750,750\n"))
  }

  @Test func rateParsingIsExactDecimal() {
    #expect(NodeCostLedger.parseRate("0.096") == 96_000)
    #expect(NodeCostLedger.parseRate("12") == 12_000_000)
    #expect(NodeCostLedger.parseRate(".5") == 500_000)
    #expect(NodeCostLedger.parseRate("0.0000015") == 2)
    #expect(NodeCostLedger.parseRate("-1") == nil)
    #expect(NodeCostLedger.parseRate("1e3") == nil)
    #expect(NodeCostLedger.parseRate("") == nil)
    #expect(NodeCostLedger.parseRate(".") == nil)
    #expect(RunMetrics.money(96_000) == "0.096000")
    #expect(RunMetrics.money(12_000_001) == "12.000001")
  }

  @Test func poolComesFromTheLabelElseTheNamePrefix() {
    func node(_ name: String, _ labels: StringMap = StringMap()) -> Node {
      Node(metadata: ObjectMeta(name: name, labels: labels))
    }
    #expect(NodeCostLedger.pool(of: node("worker-12")) == "worker")
    #expect(NodeCostLedger.pool(of: node("gpu-pool-a-3")) == "gpu-pool-a")
    #expect(NodeCostLedger.pool(of: node("standalone")) == "standalone")
    #expect(NodeCostLedger.pool(of: node("node-x")) == "node-x")
    var labels = StringMap()
    labels["sim.kubesim.io/node-pool"] = "spot"
    #expect(NodeCostLedger.pool(of: node("worker-1", labels)) == "spot")
    // Declared pools first (a pool `gpu` with namePrefix `g`, and one named `g-big`), longest
    // prefix first; the label still wins; other names fall back to stripping `-<n>`.
    let ledger = NodeCostLedger(pools: [("g", "gpu"), ("g-big", "g-big")])
    #expect(ledger.pool(of: node("g-3")) == "gpu")
    #expect(ledger.pool(of: node("g-big-2")) == "g-big")
    #expect(ledger.pool(of: node("g-x")) == "g-x")
    #expect(ledger.pool(of: node("worker-7")) == "worker")
    #expect(ledger.pool(of: node("g-1", labels)) == "spot")
  }
}
