import KubeSimScheduler

/// `kubesim bench scheduling-constraints`: scheduler_perf's SchedulingPodAffinity,
/// SchedulingPodAntiAffinity and TopologySpreading workloads at 5,000 nodes
/// (`ConstraintBenchmark`), pods/s of the measured phase (thread CPU time), median of the
/// repetitions, beside kube-scheduler's threshold for the same workload (perf-anchors.md §1.2).
enum ConstraintBenchmarks {
  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    let repetitions = SchedulerBenchSelection.repetitions(repetitions)
    return ConstraintBenchmark.workloads.filter { SchedulerBenchSelection.includes($0.name) }.map {
      w in
      var rates: [Double] = []
      for _ in 0..<max(1, repetitions) {
        var prepared = ConstraintBenchmark.prepare(w)
        let start = BenchTiming.start()
        let placed = prepared.scheduleMeasured()
        let seconds = BenchTiming.seconds(since: start)
        rates.append(seconds > 0 ? Double(placed) / seconds : 0)
      }
      return BenchResult(
        name: "scheduling-constraints." + w.name, value: BenchTiming.median(rates), unit: "pods/s",
        reference: (name: "kube-scheduler threshold", value: w.threshold))
    }
  }
}
