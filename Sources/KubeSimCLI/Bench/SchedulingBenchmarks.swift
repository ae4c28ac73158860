import Foundation
import KubeSimScheduler

/// `kubesim bench scheduling`: kube-scheduler's scheduler_perf workloads by their upstream names
/// (`SchedulerPerfWorkload.all`) on one core, with the default profile of the plugins the
/// registry holds, reported in pods/s beside kube-scheduler's threshold; plus the scheduler's
/// heap per bound pod (`scheduling.memory.per-pod`, goal ≤ 1 KiB).
enum SchedulingBenchmarks {
  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    // Memory first, before the throughput runs leave freed chunks behind.
    let repetitions = SchedulerBenchSelection.repetitions(repetitions)
    var results: [BenchResult] = []
    if SchedulerBenchSelection.includes("scheduling.memory.per-pod") {
      results.append(memoryPerPod())
    }
    for w in SchedulerPerfWorkload.all where SchedulerBenchSelection.includes(w.name) {
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
    return results
  }

  /// Heap bytes the scheduler keeps per bound pod: the growth of glibc's in-use heap when a
  /// `DefaultScheduler` with 5,000 nodes and 100,000 bound pods is built, minus that of one with
  /// the 5,000 nodes only, divided by 100,000. In-use heap = the arenas' current size minus
  /// their free chunks, plus mmapped chunks, from `malloc_info`.
  static func memoryPerPod() -> BenchResult {
    let pods = 100_000
    let base = heapInUse()
    let empty = SchedulerPerfRun.boundState(nodes: 5_000, pods: 0)
    let withNodes = heapInUse()
    let full = SchedulerPerfRun.boundState(nodes: 5_000, pods: pods)
    let after = heapInUse()
    withExtendedLifetime((empty, full)) {}
    let nodesOnly = Double(withNodes) - Double(base)
    let perPod = (Double(after) - Double(withNodes) - nodesOnly) / Double(pods)
    return BenchResult(
      name: "scheduling.memory.per-pod", value: perPod, unit: "bytes/pod",
      reference: ("goal (G4, at most)", 1024))
  }

  /// glibc's in-use heap bytes, parsed from `malloc_info`'s totals (0 when unavailable).
  static func heapInUse() -> Int {
    #if canImport(Glibc)
      typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
      guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info") else {
        return 0
      }
      let mallocInfo = unsafeBitCast(sym, to: MallocInfo.self)
      var buffer: UnsafeMutablePointer<CChar>? = nil
      var size = 0
      guard let stream = open_memstream(&buffer, &size) else { return 0 }
      _ = mallocInfo(0, stream)
      fclose(stream)
      guard let buffer else { return 0 }
      defer { free(buffer) }
      let xml = String(cString: buffer)
      // The document ends with the totals over all arenas.
      guard let totals = xml.range(of: "</heap>", options: .backwards) else { return 0 }
      let tail = xml[totals.upperBound...]
      let fast = sizeAfter(tail, "<total type=\"fast\"")
      let rest = sizeAfter(tail, "<total type=\"rest\"")
      let mmap = sizeAfter(tail, "<total type=\"mmap\"")
      let current = sizeAfter(tail, "<system type=\"current\"")
      return current - fast - rest + mmap
    #else
      return 0
    #endif
  }

  /// The `size="N"` attribute of the first element starting with `element` in `text`.
  static func sizeAfter(_ text: Substring, _ element: String) -> Int {
    guard let r = text.range(of: element) else { return 0 }
    let rest = text[r.upperBound...]
    guard let s = rest.range(of: "size=\"") else { return 0 }
    let digits = rest[s.upperBound...].prefix { $0.isNumber }
    return Int(digits) ?? 0
  }
}
