import Foundation
import KubeSimScheduler

/// `kubesim bench scheduling`: kube-scheduler's scheduler_perf workloads by their upstream names
/// (`SchedulerPerfWorkload.all`) on one core, with the default profile of the plugins the
/// registry holds, reported in pods/s beside kube-scheduler's threshold; plus the scheduler's
/// heap per bound pod (`scheduling.memory.per-pod`, goal ≤ 1 KiB).
enum SchedulingBenchmarks {
  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    var results: [BenchResult] = []
    for w in SchedulerPerfWorkload.all {
      var rates: [Double] = []
      for rep in 0..<max(1, repetitions) {
        var r = SchedulerPerfRun(w, seed: UInt64(rep + 1))
        let mark = BenchTiming.start()
        let n = r.scheduleMeasured()
        let secs = BenchTiming.seconds(since: mark)
        rates.append(secs > 0 ? Double(n) / secs : 0)
      }
      results.append(
        BenchResult(
          name: "scheduling.\(w.name)", value: BenchTiming.median(rates), unit: "pods/s",
          reference: ("kube-scheduler threshold", w.threshold)))
    }
    results.append(memoryPerPod())
    return results
  }

  /// Memory the scheduler keeps per bound pod: the growth of resident memory (Linux
  /// `/proc/self/statm`) when a scheduler with 5,000 nodes and 100,000 bound pods is built, minus
  /// that of one with the 5,000 nodes only, divided by 100,000. Resident memory has page
  /// granularity and counts allocator slack, so this is an upper bound of the live heap.
  static func memoryPerPod() -> BenchResult {
    let pods = 100_000
    let base = residentBytes()
    let empty = SchedulerPerfRun.boundState(nodes: 5_000, pods: 0)
    let withNodes = residentBytes()
    let full = SchedulerPerfRun.boundState(nodes: 5_000, pods: pods)
    let after = residentBytes()
    withExtendedLifetime((empty, full)) {}
    let nodesOnly = Double(withNodes) - Double(base)
    let perPod = (Double(after) - Double(withNodes) - nodesOnly) / Double(pods)
    return BenchResult(
      name: "scheduling.memory.per-pod", value: perPod, unit: "bytes/pod",
      reference: ("goal (G4, at most)", 1024))
  }

  /// Resident set size in bytes (0 where /proc is absent).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * 4096
  }
}
