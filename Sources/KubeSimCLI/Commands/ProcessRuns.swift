import Foundation

/// Runs a compare grid in child `kubesim` processes: worker w runs
/// `kubesim sweep FILE… --grid G --shard w/N --jobs 1 --out TMP` (cells w, w + N, …), and the
/// parent reads the shard files back, so the result is the same cells in the same order as on
/// threads (`ParallelRuns`), and the same bytes for any N.
///
/// Each simulation then has a process to itself: a crash or a memory leak in one cannot touch
/// the others, and nothing is shared but the files.
enum ProcessRuns {
  /// The running `kubesim` executable: `KUBESIM_EXECUTABLE` when set, else `/proc/self/exe`
  /// resolved (Linux), else `Bundle.main.executablePath`.
  static func executable() -> String? {
    if let path = ProcessInfo.processInfo.environment["KUBESIM_EXECUTABLE"], !path.isEmpty {
      return path
    }
    let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    if proc != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: proc) { return proc }
    return Bundle.main.executablePath
  }

  nonisolated(unsafe) private static var counter = 0
  private static let lock = NSLock()

  /// Runs the cells of `gridText` on `workers` child processes; metrics per cell index, or the
  /// first failing child's error output.
  static func run(
    files: [String], gridText: String, cellCount: Int, workers: Int, progress: ProgressLine? = nil
  ) -> Result<[[(String, Double)]], ShardFiles.ShardError> {
    guard let binary = executable() else {
      return .failure(.init("kubesim compare: cannot find the kubesim executable for --processes"))
    }
    lock.lock()
    counter += 1
    let n = counter
    lock.unlock()
    // The directory name never reaches the output.
    let dir = NSTemporaryDirectory() + "/kubesim-compare-\(ProcessInfo.processInfo.processIdentifier)-\(n)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      return .failure(.init("kubesim compare: cannot create \(dir): \(error)"))
    }
    let count = max(1, min(workers, cellCount))
    var children: [(process: Process, errPath: String)] = []
    for w in 0..<count {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments =
        ["sweep"] + files + [
          "--grid", gridText, "--shard", "\(w)/\(count)", "--jobs", "1", "--out", dir + "/shards",
        ]
      let errPath = dir + "/stderr-\(w).txt"
      FileManager.default.createFile(atPath: errPath, contents: nil)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle(forWritingAtPath: errPath)
      do {
        try process.run()
      } catch {
        for c in children { c.process.terminate() }
        return .failure(.init("kubesim compare: cannot start \(binary): \(error)"))
      }
      children.append((process, errPath))
    }
    var failure: String?
    for (w, c) in children.enumerated() {
      c.process.waitUntilExit()
      // Worker w ran cells w, w + count, …: report the cells finished so far.
      let done = (0...w).reduce(0) { $0 + (cellCount - $1 + count - 1) / count }
      progress?.update(done: done, of: cellCount)
      if c.process.terminationStatus != 0, failure == nil {
        let text = (try? String(contentsOfFile: c.errPath, encoding: .utf8)) ?? ""
        failure = text.isEmpty
          ? "kubesim compare: a worker process exited with status \(c.process.terminationStatus)"
          : String(text.drop { $0 == "\n" }.reversed().drop { $0 == "\n" }.reversed())
      }
    }
    progress?.clear()
    if let failure { return .failure(.init(failure)) }
    switch ShardFiles.read([dir + "/shards"], command: "compare") {
    case .failure(let e): return .failure(e)
    case .success(let contents):
      let missing = (0..<cellCount).filter { contents.cells[$0] == nil }
      if let first = missing.first {
        return .failure(.init("kubesim compare: \(missing.count) of \(cellCount) cells missing (first: cell \(first))"))
      }
      return .success((0..<cellCount).map { contents.cells[$0] ?? [] })
    }
  }
}
