import Foundation
import KubeSimReporting
import KubeSimScenario

/// `kubesim bench recorder`: what recording the run's metrics costs. An hour on 200 nodes with a
/// 4,000-replica Deployment whose CPU follows a sine curve, run once bare and once with the
/// `MetricsRecorder` that `kubesim run` attaches (≈400 samples: requested, used CPU/memory per
/// node from the metrics pipeline, cost, the scheduling latency split), CPU seconds of each.
enum RecorderBenchmark {
  static let scenario = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec:
      count: 200
      capacity: {cpu: "16", memory: 64Gi, pods: "110"}
      costPerHour: "0.768"
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 4000
      selector: {matchLabels: {app: web}}
      template:
        metadata:
          labels: {app: web}
          annotations: {sim.kubesim.io/cpu: "sine(200m, 100m, 1h)"}
        spec:
          containers:
            - name: app
              image: app:1
              resources: {requests: {cpu: 500m, memory: 512Mi}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: recorder-bench}
    spec:
      seed: 1
      duration: 1h
    """

  /// CPU seconds of one run, with or without the recorder.
  static func measure(recording: Bool) throws -> Double {
    let path = NSTemporaryDirectory() + "/kubesim-recorder-bench-\(ProcessInfo.processInfo.processIdentifier).yaml"
    try Data(scenario.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let mark = BenchTiming.start()
    if recording {
      let recorder = RunRecording.attach(to: runner)
      let report = runner.run()
      _ = RunRecording.summary(runner, report, recorder)
    } else {
      _ = runner.run()
    }
    return BenchTiming.seconds(since: mark)
  }

  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    var bare: [Double] = []
    var recorded: [Double] = []
    for _ in 0..<max(repetitions, 1) {
      guard let b = try? measure(recording: false), let r = try? measure(recording: true) else {
        return []
      }
      bare.append(b)
      recorded.append(r)
    }
    let b = BenchTiming.median(bare)
    let r = BenchTiming.median(recorded)
    return [
      BenchResult(name: "recorder.hour-4k-pods.bare", value: b, unit: "s"),
      BenchResult(name: "recorder.hour-4k-pods.recorded", value: r, unit: "s"),
      BenchResult(name: "recorder.hour-4k-pods.overhead", value: b > 0 ? (r - b) / b * 100 : 0, unit: "%"),
    ]
  }
}
