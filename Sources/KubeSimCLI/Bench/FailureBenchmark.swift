import Foundation
import KubeSimScenario

/// `kubesim bench failures`: issue 5's stochastic-failure day. 1,000 nodes, 30,000 pods (30
/// Deployments of 1,000 replicas), every node crashing at random with MTBF 100h (1% of nodes
/// per hour) and MTTR 30m, exponential, for 24 simulated hours, invariants on. Reports the CPU
/// seconds of the whole run (load, build, simulate) and checks that every pod is back at the
/// end. `KUBESIM_BENCH_FAILURES_NODES` scales the cluster down (pods = 30 per node) for a quick
/// look on a debug build.
enum FailureBenchmark {
  static func scenario(nodes: Int) -> String {
    let perDeployment = max(1, nodes)
    var text = """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: node}
      spec:
        count: \(nodes)
        capacity: {cpu: "32", memory: 128Gi, pods: "110"}
        labels: {topology.kubernetes.io/zone: [zone-a, zone-b, zone-c]}

      """
    for d in 1...30 {
      text += """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app-\(d)}
        spec:
          replicas: \(perDeployment)
          selector: {matchLabels: {app: app-\(d)}}
          template:
            metadata: {labels: {app: app-\(d)}}
            spec:
              containers:
              - {name: c, image: "registry.local/app-\(d):1", resources: {requests: {cpu: 250m, memory: 512Mi}}}

        """
    }
    text += """
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: failures}
      spec:
        seed: 1
        duration: 24h
        faults:
          - nodeCrash: {mtbf: 100h, mttr: 30m}

      """
    return text
  }

  /// One run: CPU seconds, report.
  static func once(nodes: Int) -> (seconds: Double, report: RunReport?, failures: Int) {
    let path = NSTemporaryDirectory() + "/kubesim-bench-failures-\(getpid()).yaml"
    guard FileManager.default.createFile(atPath: path, contents: Data(scenario(nodes: nodes).utf8))
    else {
      FileHandle.standardError.write(Data("failures: cannot write \(path)\n".utf8))
      return (0, nil, 0)
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    var report: RunReport?
    var failures = 0
    let seconds = BenchTiming.seconds {
      guard let input = try? ScenarioLoader.load([path], requireScenario: true).get(),
        let runner = try? ScenarioRunner(input, options: RunOptions())
      else { return }
      failures = runner.timeline.count { $0.text.hasPrefix("node-crash") }
      report = runner.run()
    }
    return (seconds, report, failures)
  }

  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    let nodes =
      ProcessInfo.processInfo.environment["KUBESIM_BENCH_FAILURES_NODES"].flatMap { Int($0) }
      ?? 1_000
    // KUBESIM_BENCH_FAILURES_REPS lowers the repetitions (each is a whole simulated day).
    let reps =
      ProcessInfo.processInfo.environment["KUBESIM_BENCH_FAILURES_REPS"].flatMap { Int($0) }
      .map { min(max($0, 1), repetitions) } ?? repetitions
    var times: [Double] = []
    var last: (seconds: Double, report: RunReport?, failures: Int)?
    for _ in 0..<max(1, reps) {
      let r = once(nodes: nodes)
      times.append(r.seconds)
      last = r
    }
    times.sort()
    let ok = last?.report.map { $0.actionFailures.isEmpty && $0.podsPendingAtEnd == 0 } ?? false
    return [
      BenchResult(name: "failures.day.\(nodes)-nodes.seconds", value: times[times.count / 2], unit: "s"),
      BenchResult(
        name: "failures.day.node-crashes", value: Double(last?.failures ?? 0), unit: "crashes"),
      BenchResult(
        name: "failures.day.events", value: Double(last?.report?.processedEvents ?? 0),
        unit: "events"),
      BenchResult(name: "failures.day.healthy-at-end", value: ok ? 1 : 0, unit: "bool"),
    ]
  }
}
