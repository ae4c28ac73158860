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
    let recorder = MetricsRecorder(intervalMicros: 60_000_000, cost: runner.costMeter)
    runner.world.api.register(recorder)
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    return (recorder, recorder.snapshot(endMicros: report.endTime.microseconds), runner)
  }

  @Test func costIsIntegratedPerPoolFromTheAnnotation() throws {
    let (_, m, _) = try Self.record()
    // Changes are dated at their write (the watch delay taken off): the nodes exist from 0, the
    // deletion is at 30m. big: 0.5 × 3600 s / 3600 s = 500000 µ; spot-3: 0.25 × 1800 s / 3600 s
    // = 125000 µ; free-1 (no annotation) costs nothing but is listed under its pool.
    #expect(m.hasCost)
    #expect(m.costPerPool.map(\.pool) == ["a", "free", "spot"])
    #expect(m.costPerPool.map(\.micros) == [500_000, 0, 125_000])
    #expect(m.costTotalMicros == 625_000)
    let json = GoldenOutputs.flatten(m.json)
    #expect(json.contains("cost.total_micros\t625000\n"))
    #expect(json.contains("cost.per_pool_micros.spot\t125000\n"))
    #expect(m.markdown.contains("| spot | 0.125000 |\n"))
    #expect(m.markdown.contains("| **total** | **0.625000** |\n"))
  }

  @Test func costSeriesIsCumulativeAndRateDropsAtTheDeletion() throws {
    let (_, m, _) = try Self.record()
    let cost = m.registry.series(MetricsRecorder.clusterCostMicros).points
    let rate = m.registry.series(MetricsRecorder.clusterCostRate).points
    // Sample at 1m: both nodes for 60 s at 0.75/h = 12500 µ.
    #expect(cost.first(where: { $0.startMicros == 60_000_000 })?.last == 12_500)
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

  /// One integrator: the summary's cost (recorder) and `cost()` (expectations) are the same
  /// number, nodes added and removed by the cluster autoscaler included.
  @Test func summaryCostIsTheExpectationsCost() throws {
    let path = RepositoryPaths.root()
      .appendingPathComponent("Scenarios/autoscaling/cluster-autoscaler-day.yaml").path
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let recorder = MetricsRecorder(intervalMicros: 60_000_000, cost: runner.costMeter)
    runner.world.api.register(recorder)
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    let m = recorder.snapshot(endMicros: report.endTime.microseconds)
    #expect(report.succeeded)
    #expect(runner.costMeter.costMicros(at: report.endTime) == 11_795_733)
    #expect(m.costTotalMicros == runner.costMeter.costMicros(at: report.endTime))
    #expect(m.costPerPool.map(\.pool) == ["web"])
    #expect(m.costPerPool.map(\.micros) == [runner.costMeter.costMicros(at: report.endTime, pool: "web")])
    let series = m.registry.series(MetricsRecorder.clusterCostMicros).points
    #expect(series.last?.last == 11_795_733)
  }

  @Test func moneyIsPrintedInWholeMicroUnits() {
    #expect(RunMetrics.money(96_000) == "0.096000")
    #expect(RunMetrics.money(12_000_001) == "12.000001")
  }
}
