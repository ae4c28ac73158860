import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario

/// `kubesim top pods|nodes --at T FILE…`: resource usage as `kubectl top` shows it, from the
/// metrics-server view of the usage curves (`MetricsPipeline`).
///
/// Columns and units follow kubectl (staging/src/k8s.io/kubectl/pkg/metricsutil/metrics_printer.go):
/// pods `NAME CPU(cores) MEMORY(bytes)`, nodes `NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)`,
/// CPU as `<millicores>m`, memory as `<MiB>Mi` (truncated), percentages of allocatable truncated.
/// Differences: node usage is the sum of its pods' usage (metrics-server reports the node's root
/// cgroup, which also holds system daemons); trailing padding is trimmed. `-o wide` (not in
/// kubectl top, which shows CPU and memory only) adds the kubelet Summary API's network and
/// filesystem figures: pods `NET-RX(bytes/s) NET-TX(bytes/s) FS(bytes)`, containers `FS(bytes)`
/// (`MetricsPipeline.podExtras`).
enum TopCommand {
  static let spec = CommandSpec(
    name: "top", abstract: "Show CPU and memory usage as kubectl top would at simulated time T.",
    usage: "top pods|nodes --at T FILE…",
    options: [
      .option("at", value: "T", help: "Simulated time, e.g. 2m30s (default: the scenario's end)."),
      .option("namespace", short: "n", value: "NS", help: "Namespace (default: default)."),
      .flag("all-namespaces", short: "A", help: "Pods of every namespace."),
      .flag("containers", help: "One line per container (pods only)."),
      .flag(
        "throttling",
        help: "Per container: CPU limit and CFS throttling since start (pods only; KubeSim's)."),
      .option(
        "output", short: "o", value: "wide",
        help: "wide: also network (pods) and filesystem usage (KubeSim's extra columns)."),
      .option("seed", value: "N", help: "Seed (overrides spec.seed)."),
    ],
    positionalName: "ARG", minPositionals: 2,
    discussion: """
      Usage comes from the sim.kubesim.io/cpu and sim.kubesim.io/memory annotations (README,
      "Usage annotations"); containers without them use their requests. Values are what
      metrics-server serves: CPU averaged over the last metric resolution (60s) of cAdvisor
      samples (every 10s), memory working set at the last scrape.
      Example: kubesim top pods --at 10m Scenarios/usage/diurnal.yaml
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    var positionals = arguments.positionals
    let what = positionals.removeFirst()
    let nodes: Bool
    switch what {
    case "pods", "pod", "po": nodes = false
    case "nodes", "node", "no": nodes = true
    default:
      context.err(
        UsageError(command: "top", "expected pods or nodes, found '\(what)'").description)
      return .badInput
    }
    var options = RunOptions()
    do throws(UsageError) {
      options.seed = try RunCommand.seed(arguments, command: "top")
      options.until = try RunCommand.duration(arguments.value("at"), option: "at", command: "top")
    } catch {
      context.err(error.description)
      return .badInput
    }
    var parsed = arguments
    parsed.positionals = positionals
    guard
      let runner = RunCommand.prepare(
        parsed, options: &options, context, quiet: true, requireScenario: false)
    else {
      return .badInput
    }
    _ = runner.run()
    let api = runner.world.api
    let now = runner.world.now
    let pipeline = MetricsPipeline()
    let allNamespaces = arguments.flag("all-namespaces")
    let requested = arguments.value("namespace") ?? "default"
    var samples: [PodMetricsSample] = []
    for object in api.list(.pod) {
      guard case .pod(let pod) = object else { continue }
      if let s = pipeline.podMetrics(
        pod, at: now, runSeed: runner.world.seed, traffic: runner.world.api.traffic)
      {
        samples.append(s)
      }
    }
    if nodes {
      var table = TableWriter(header: [
        "NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)",
      ])
      let list = api.list(.node).compactMap { o -> Node? in
        if case .node(let n) = o { return n }
        return nil
      }.sorted { $0.metadata.name < $1.metadata.name }
      if list.isEmpty {
        context.err("error: metrics not available yet")
        return .success
      }
      for n in list {
        let mine = samples.filter { $0.node == n.metadata.name }
        let cpu = mine.reduce(0) { $0 + $1.cpuMillis }
        let mem = mine.reduce(0) { $0 + $1.memoryBytes }
        let cpuAlloc = n.status.allocatable["cpu"]?.milliValue ?? 0
        let memAlloc = n.status.allocatable["memory"]?.value ?? 0
        table.append([
          n.metadata.name, TopFormat.cpu(cpu), TopFormat.percent(cpu, of: cpuAlloc),
          TopFormat.memory(mem), TopFormat.percent(mem, of: memAlloc),
        ])
      }
      context.stdout.write(table.text)
      return .success
    }
    let shown = samples.filter { allNamespaces || $0.namespace == requested }.sorted {
      allNamespaces && $0.namespace != $1.namespace
        ? $0.namespace < $1.namespace : $0.name < $1.name
    }
    if shown.isEmpty {
      context.err(
        allNamespaces ? "No resources found" : "No resources found in \(requested) namespace.")
      return .success
    }
    if arguments.flag("throttling") {
      context.stdout.write(
        throttlingTable(
          shown, api: api, now: now, seed: runner.world.seed, allNamespaces: allNamespaces))
      return .success
    }
    let containers = arguments.flag("containers")
    let wide = arguments.value("output") == "wide"
    if let o = arguments.value("output"), o != "wide" {
      context.err(UsageError(command: "top", "-o takes wide, found '\(o)'").description)
      return .badInput
    }
    var header = ["NAME", "CPU(cores)", "MEMORY(bytes)"]
    if wide { header += containers ? ["FS(bytes)"] : ["NET-RX(bytes/s)", "NET-TX(bytes/s)", "FS(bytes)"] }
    if containers { header.insert("POD", at: 0) }
    if allNamespaces { header.insert("NAMESPACE", at: 0) }
    var table = TableWriter(header: header)
    for s in shown {
      let prefix = allNamespaces ? [s.namespace] : []
      var extras: PodUsageExtras?
      if wide, case .pod(let pod)? = api.get(.pod, s.namespace, s.name) {
        extras = pipeline.podExtras(pod, at: now, traffic: api.traffic)
      }
      if containers {
        for c in s.containers.sorted(by: { $0.name < $1.name }) {
          var row = prefix + [s.name, c.name, TopFormat.cpu(c.cpuMillis), TopFormat.memory(c.memoryBytes)]
          if wide {
            row.append(String(extras?.containers.first { $0.name == c.name }?.totalBytes ?? 0))
          }
          table.append(row)
        }
      } else {
        var row = prefix + [s.name, TopFormat.cpu(s.cpuMillis), TopFormat.memory(s.memoryBytes)]
        if wide {
          row += [
            String(extras?.rxBytesPerSecond ?? 0), String(extras?.txBytesPerSecond ?? 0),
            String(extras?.filesystemBytes ?? 0),
          ]
        }
        table.append(row)
      }
    }
    context.stdout.write(table.text)
    return .success
  }
}

extension TopCommand {
  /// `top pods --throttling`: per container `cpu.stat`-like counters (`CPUThrottling`):
  /// `POD NAME CPU-LIMIT PERIODS THROTTLED THROTTLED-TIME`, throttled time in seconds with
  /// three decimals.
  static func throttlingTable(
    _ shown: [PodMetricsSample], api: APIServer, now: SimTime, seed: UInt64, allNamespaces: Bool
  ) -> String {
    var header = ["POD", "NAME", "CPU-LIMIT", "PERIODS", "THROTTLED", "THROTTLED-TIME"]
    if allNamespaces { header.insert("NAMESPACE", at: 0) }
    var table = TableWriter(header: header)
    let pipeline = MetricsPipeline()
    for s in shown {
      guard case .pod(let pod)? = api.get(.pod, s.namespace, s.name),
        let rows = pipeline.throttling(pod, at: now, runSeed: seed)
      else { continue }
      for r in rows.sorted(by: { $0.name < $1.name }) {
        let us = r.counters.throttledMicroseconds
        let ms = us / 1000
        let frac = String(ms % 1000)
        let time = "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac + "s"
        table.append(
          (allNamespaces ? [s.namespace] : []) + [
            s.name, r.name, r.limitMillis.map { "\($0)m" } ?? "<none>",
            "\(r.counters.periods)", "\(r.counters.throttledPeriods)", time,
          ])
      }
    }
    return table.text
  }
}

/// kubectl top's cell formats (metrics_printer.go printSingleResourceUsage).
enum TopFormat {
  static func cpu(_ millis: Int64) -> String { "\(millis)m" }
  static func memory(_ bytes: Int64) -> String { "\(bytes / (1024 * 1024))Mi" }
  /// `int64(float64(used milli) / float64(available milli) * 100)` followed by `%`; 0% when nothing
  /// is allocatable.
  static func percent(_ used: Int64, of available: Int64) -> String {
    guard available > 0 else { return "0%" }
    return "\(Int64(Double(used) / Double(available) * 100))%"
  }
}
