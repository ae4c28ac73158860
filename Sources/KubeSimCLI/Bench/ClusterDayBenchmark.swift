import Foundation
import KubeSimAPIServer
import KubeSimScenario

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `kubesim bench cluster-day`: issue 6's day. 5,000 nodes, 150,000 pods (500 Deployments of
/// 300 replicas, each behind a Service), traffic-driven CPU and memory on every container, a
/// diurnal load on each of the 500 Services from 10m on (phases spread over the day), for 24
/// simulated hours with the default kube-proxy (iptables) and 1s traffic interval. At the end
/// metrics-server's view of every pod is computed (what `kubesim top pods` prints).
///
/// Reports wall seconds of the whole run (load, build, simulate, final metrics), simulated time
/// per wall time, and the process's peak RSS (getrusage `ru_maxrss`). Goals: ≤ 60 s wall on one
/// core, ≤ 2 GiB. `KUBESIM_BENCH_CLUSTER_DAY_SCALE=N` divides nodes, Deployments and Services
/// by N; `KUBESIM_BENCH_CLUSTER_DAY_HOURS` shortens the day (both for a look on a debug build).
enum ClusterDayBenchmark {
  static func scenario(nodes: Int, services: Int, replicas: Int, hours: Int) -> String {
    var text = """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: node}
      spec:
        count: \(nodes)
        capacity: {cpu: "32", memory: 128Gi, pods: "110"}
        labels: {topology.kubernetes.io/zone: [zone-a, zone-b, zone-c]}

      """
    var timeline = ""
    for s in 1...services {
      text += """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app-\(s)}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: app-\(s)}}
          template:
            metadata:
              labels: {app: app-\(s)}
              annotations:
                sim.kubesim.io/cpu: "traffic(base=10m, per-request=2m, capacity=200rps)"
                sim.kubesim.io/memory: "traffic(base=64Mi, per-inflight=1Mi)"
            spec:
              containers:
              - {name: c, image: "registry.local/app-\(s):1", resources: {requests: {cpu: 100m, memory: 128Mi}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: app-\(s)}
        spec:
          selector: {app: app-\(s)}
          ports: [{port: 80, targetPort: 8080}]

        """
      // 40 rps per pod on average, ±30 over the day, peaks spread over the day.
      let base = 40 * replicas
      let amplitude = 30 * replicas
      let phaseMinutes = (s * 1440 / services) % 1440
      timeline += """
            - at: 10m
              load: {service: app-\(s), rps: \(base), diurnal: {amplitude: \(amplitude), period: 24h, phase: \(phaseMinutes)m}}

        """
    }
    text += """
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: cluster-day}
      spec:
        seed: 1
        duration: \(hours)h
        timeline:
      \(timeline)
      """
    return text
  }

  /// Peak resident set size of this process in bytes (Linux reports KiB, macOS bytes).
  static func peakRSSBytes() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
      return Double(usage.ru_maxrss)
    #else
      return Double(usage.ru_maxrss) * 1024
    #endif
  }

  static func wallSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
  }

  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    let env = ProcessInfo.processInfo.environment
    let scale = max(1, env["KUBESIM_BENCH_CLUSTER_DAY_SCALE"].flatMap { Int($0) } ?? 1)
    let hours = max(1, min(24, env["KUBESIM_BENCH_CLUSTER_DAY_HOURS"].flatMap { Int($0) } ?? 24))
    let nodes = 5_000 / scale
    let services = max(1, 500 / scale)
    let path = NSTemporaryDirectory() + "/kubesim-bench-cluster-day-\(getpid()).yaml"
    guard
      FileManager.default.createFile(
        atPath: path,
        contents: Data(
          scenario(nodes: nodes, services: services, replicas: 300, hours: hours).utf8))
    else {
      FileHandle.standardError.write(Data("cluster-day: cannot write \(path)\n".utf8))
      return []
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    // One repetition: a day is long, and peak RSS is per process anyway.
    let start = wallSeconds()
    var report: RunReport?
    var served: Int64 = 0
    var metricsPods = 0
    if let input = try? ScenarioLoader.load([path], requireScenario: true).get(),
      let runner = try? ScenarioRunner(input, options: RunOptions())
    {
      report = runner.run()
      served = runner.serviceTraffic.reduce(0) { $0 + $1.served }
      let pipeline = MetricsPipeline()
      for case .pod(let pod) in runner.world.api.list(.pod) {
        if pipeline.podMetrics(
          pod, at: runner.world.now, runSeed: runner.world.seed, traffic: runner.world.api.traffic)
          != nil
        {
          metricsPods += 1
        }
      }
    }
    let wall = wallSeconds() - start
    let simulated = Double(hours) * 3600
    let prefix = "cluster-day.\(nodes)-nodes.\(services * 300)-pods.\(hours)h"
    return [
      BenchResult(name: prefix + ".wall", value: wall, unit: "s", reference: ("goal", 60)),
      BenchResult(name: prefix + ".sim-per-wall", value: simulated / max(wall, 1e-9), unit: "x"),
      BenchResult(
        name: prefix + ".peak-rss", value: peakRSSBytes() / 1_048_576, unit: "MiB",
        reference: ("goal", 2048)),
      BenchResult(
        name: prefix + ".events", value: Double(report?.processedEvents ?? 0), unit: "events"),
      BenchResult(name: prefix + ".requests-served", value: Double(served), unit: "requests"),
      BenchResult(name: prefix + ".pods-with-metrics", value: Double(metricsPods), unit: "pods"),
    ]
  }
}
