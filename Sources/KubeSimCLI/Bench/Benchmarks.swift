import KubeSimYAML

/// The benchmark suite behind `kubesim bench [NAME…] [--json]`.
///
/// `registry` is the table of groups; `run(names:json:)` runs the selected ones and renders a
/// human table or the JSON of SCENARIO-FORMAT.md:
/// `{"machine": "...", "benchmarks": [{"name": "...", "value": N, "unit": "events/s",
/// "reference": {"name": "...", "value": N}}]}`. Figures are medians of 5 repetitions and only
/// meaningful on a release build (`swift run -c release kubesim bench kernel`).
public enum Benchmarks {
  /// Repetitions per figure; the median is reported.
  public static let repetitions = 5

  /// Every benchmark group, in the order `kubesim bench` runs them with no names given.
  /// Other lanes append their groups here.
  public static let registry: [Benchmark] = [
    Benchmark(
      name: "kernel",
      summary:
        "hold model (pop one, push one, no-op dispatch) at 1k and 150k pending; periodic timers",
      run: KernelBenchmarks.run),
    Benchmark(
      name: "kernel-baselines",
      summary: "bare radix-heap EventQueue vs an 8-ary heap, hold model at 1k, 150k and 1M pending",
      run: KernelBenchmarks.runBaselines),
    Benchmark(
      name: "failures",
      summary:
        "a day on 1,000 nodes / 30,000 pods, 1% of nodes crash per hour (MTTR 30m), invariants on",
      run: FailureBenchmark.run),
    Benchmark(
      name: "scheduling",
      summary:
        "scheduler_perf SchedulingBasic workloads (5,000 nodes) in pods/s, and heap per bound pod",
      run: SchedulingBenchmarks.run),
    Benchmark(
      name: "controllers",
      summary:
        "Deployment 0 → 10,000 replicas on 1,000 nodes, then a 25%/25% rolling update (full control plane, invariants on)",
      run: ControllerBenchmarks.run),
    Benchmark(
      name: "scheduling-constraints",
      summary:
        "scheduler_perf SchedulingPodAffinity, SchedulingPodAntiAffinity, TopologySpreading at 5,000 nodes (pods/s)",
      run: ConstraintBenchmarks.run),
    Benchmark(
      name: "recorder",
      summary:
        "an hour of 4,000 pods on 200 nodes, bare and with run's MetricsRecorder (used CPU/memory, cost, latency split)",
      run: RecorderBenchmark.run),
    Benchmark(
      name: "cluster-day",
      summary:
        "5,000 nodes, 150,000 pods, traffic-driven usage on every container, diurnal load on 500 Services, 24h (wall s, peak RSS)",
      run: ClusterDayBenchmark.run),
  ]

  /// Runs the groups named in `names` (all when empty; a name selects its group, e.g. "kernel")
  /// and returns the rendered output and the exit code (0, or 2 for an unknown name).
  public static func run(names: [String], json: Bool) -> (output: String, exitCode: Int32) {
    var selected: [Benchmark] = []
    for name in names {
      guard let group = registry.first(where: { $0.name == name }) else {
        let known = registry.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
        return ("unknown benchmark \"\(name)\"; available:\n\(known)\n", 2)
      }
      if !selected.contains(where: { $0.name == group.name }) { selected.append(group) }
    }
    if names.isEmpty { selected = registry }
    var results: [BenchResult] = []
    for group in selected { results += group.run(repetitions) }
    let machine = MachineDescription.current()
    return (
      json ? renderJSON(results, machine: machine) : renderTable(results, machine: machine), 0
    )
  }

  /// The JSON document, one line, keys in the documented order.
  static func renderJSON(_ results: [BenchResult], machine: String) -> String {
    let items: [JSONValue] = results.map { result in
      var pairs: [(String, JSONValue)] = [
        ("name", .string(result.name)),
        ("value", number(result.value)),
        ("unit", .string(result.unit)),
      ]
      if let reference = result.reference {
        pairs.append(
          (
            "reference",
            .object([("name", .string(reference.name)), ("value", number(reference.value))])
          ))
      }
      return .object(pairs)
    }
    return JSONValue.object([("machine", .string(machine)), ("benchmarks", .array(items))])
      .compactString + "\n"
  }

  /// Large figures as integers, small ones with three decimals (own formatting, STYLE P5).
  static func number(_ value: Double) -> JSONValue {
    if value >= 1_000 || value <= -1_000 { return .int(Int64(value + (value < 0 ? -0.5 : 0.5))) }
    return .double(Double(Int64(value * 1_000 + (value < 0 ? -0.5 : 0.5))) / 1_000)
  }

  /// A plain-text table: name, value with thousands separators, unit, reference.
  static func renderTable(_ results: [BenchResult], machine: String) -> String {
    var rows: [[String]] = [["benchmark", "value", "unit", "reference"]]
    for r in results {
      let reference = r.reference.map { "\($0.name): \(grouped($0.value))" } ?? ""
      rows.append([r.name, grouped(r.value), r.unit, reference])
    }
    var widths = [Int](repeating: 0, count: 4)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    var out = "machine: \(machine)\n"
    for row in rows {
      var line = ""
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        line += i == 1 ? pad + cell : cell + pad  // numbers right-aligned
        if i < row.count - 1 { line += "  " }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  /// "12,345,678" for large values, "12.345" below 1,000.
  static func grouped(_ value: Double) -> String {
    if value.magnitude < 1_000 {
      let scaled = Int64(value.magnitude * 1_000 + 0.5)
      let fraction = String(scaled % 1_000)
      let text = "\(scaled / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
      return value < 0 ? "-" + text : text
    }
    let digits = Array(String(Int64(value.magnitude + 0.5)))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return value < 0 ? "-" + out : out
  }
}
