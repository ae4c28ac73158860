import Foundation

/// "AMD EPYC, 2 cores": the CPU model name and logical core count from /proc/cpuinfo, for the
/// `machine` field of `kubesim bench --json`; "unknown" where /proc/cpuinfo is unavailable.
enum MachineDescription {
  static func current() -> String {
    guard let data = FileManager.default.contents(atPath: "/proc/cpuinfo") else {
      return "unknown"
    }
    let text = String(decoding: data, as: UTF8.self)
    var model = "unknown CPU"
    var cores = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let key = parts[0].trimmingCharacters(in: .whitespaces)
      if key == "processor" { cores += 1 }
      if key == "model name", model == "unknown CPU" {
        model = parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    return cores == 1 ? "\(model), 1 core" : "\(model), \(cores) cores"
  }
}
