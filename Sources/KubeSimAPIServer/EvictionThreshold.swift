import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// An eviction signal of the kubelet's eviction manager (pkg/kubelet/eviction/api/types.go).
///
/// KubeSim observes `memory.available` (node memory capacity minus the working set of the pods'
/// containers), `nodefs.available` and `imagefs.available` (one filesystem of the node's
/// `ephemeral-storage` capacity, as on a node without a dedicated image filesystem: images +
/// containers' writable layers, logs and emptyDirs). Inode signals are accepted and never met
/// (KubeSim does not model inodes).
public enum EvictionSignal: String, Sendable, Hashable, CaseIterable {
  case memoryAvailable = "memory.available"
  case nodefsAvailable = "nodefs.available"
  case nodefsInodesFree = "nodefs.inodesFree"
  case imagefsAvailable = "imagefs.available"
  case imagefsInodesFree = "imagefs.inodesFree"

  /// The node condition a met threshold reports (helpers.go `signalToNodeCondition`).
  public var nodeCondition: String {
    self == .memoryAvailable ? "MemoryPressure" : "DiskPressure"
  }

  /// The resource to reclaim (helpers.go `signalToResource`): memory, ephemeral-storage, inodes.
  public var resource: String {
    switch self {
    case .memoryAvailable: return "memory"
    case .nodefsAvailable, .imagefsAvailable: return "ephemeral-storage"
    case .nodefsInodesFree, .imagefsInodesFree: return "inodes"
    }
  }
}

/// One eviction threshold (`evictionapi.Threshold`): a signal, the operator `<` (the only one),
/// a quantity or a percentage of the capacity, and a grace period (zero for hard thresholds).
public struct EvictionThreshold: Sendable, Hashable {
  /// What is measured.
  public var signal: EvictionSignal
  /// An absolute amount in bytes, or nil when `percentage` is used.
  public var bytes: Int64?
  /// A fraction of the capacity as upstream stores it (`float32`, e.g. 0.1 for 10%).
  public var percentage: Float?
  /// How long the threshold must be met before pods are evicted (soft thresholds).
  public var gracePeriod: SimDuration

  /// A threshold; give `bytes` or `percentage`.
  public init(
    signal: EvictionSignal, bytes: Int64? = nil, percentage: Float? = nil,
    gracePeriod: SimDuration = .zero
  ) {
    self.signal = signal
    self.bytes = bytes
    self.percentage = percentage
    self.gracePeriod = gracePeriod
  }

  /// The amount below which the threshold is met, for a resource of `capacity`
  /// (api/types.go `GetThresholdQuantity`: `int64(float64(capacity) * float64(percentage))`).
  public func quantity(capacity: Int64) -> Int64 {
    if let bytes { return bytes }
    return Int64(Double(capacity) * Double(percentage ?? 0))
  }

  /// Whether `available` is below the threshold (`thresholdsMet`, operator LessThan).
  public func isMet(available: Int64, capacity: Int64) -> Bool {
    quantity(capacity: capacity) > available
  }

  /// The upstream default `evictionHard` on Linux (pkg/kubelet/eviction/defaults_linux.go
  /// `DefaultEvictionHard`, read at commit 2b02db1: memory.available<100Mi,
  /// nodefs.available<10%, nodefs.inodesFree<5%, imagefs.available<15%). Newer master may add
  /// imagefs.inodesFree<5%; KubeSim does not model inodes, so it would change nothing.
  public static let defaultHard: [EvictionThreshold] = [
    EvictionThreshold(signal: .memoryAvailable, bytes: 100 * 1024 * 1024),
    EvictionThreshold(signal: .nodefsAvailable, percentage: 0.1),
    EvictionThreshold(signal: .nodefsInodesFree, percentage: 0.05),
    EvictionThreshold(signal: .imagefsAvailable, percentage: 0.15),
  ]

  /// Parses a `settings.evictionHard`/`evictionSoft` mapping (`{memory.available: 500Mi,
  /// nodefs.available: 10%}`), as the kubelet's `ParseThresholdConfig` reads its flags; soft
  /// thresholds take their grace periods from `graces` (a soft threshold without one is an
  /// error, as upstream: "grace period must be specified for the soft eviction threshold …").
  static func parse(
    _ node: YAMLNode, _ path: String, graces: [EvictionSignal: SimDuration]?
  ) throws(ManifestError) -> [EvictionThreshold] {
    guard case .mapping(let pairs) = node.content else {
      throw ManifestError(
        "expected a mapping of signal to threshold such as {memory.available: 100Mi}",
        at: node.location, path: path)
    }
    var out: [EvictionThreshold] = []
    for pair in pairs {
      let (signal, key) = try Self.signal(pair.key, path)
      guard case .scalar(let s) = pair.value.content else {
        throw ManifestError(
          "expected a quantity such as 100Mi or a percentage such as 10%", at: pair.value.location,
          path: path + "." + key)
      }
      var t = EvictionThreshold(signal: signal)
      if s.text.hasSuffix("%") {
        guard let v = Float(s.text.dropLast()), v >= 0, v <= 100 else {
          throw ManifestError(
            "expected a percentage between 0% and 100%, found \"\(s.text)\"",
            at: pair.value.location, path: path + "." + key)
        }
        t.percentage = v / 100
      } else {
        guard let q = try? Quantity(parsing: s.text), q.value >= 0 else {
          throw ManifestError(
            "expected a quantity such as 100Mi or a percentage such as 10%, found \"\(s.text)\"",
            at: pair.value.location, path: path + "." + key)
        }
        t.bytes = q.value
      }
      if let graces {
        guard let g = graces[signal] else {
          throw ManifestError(
            "grace period must be specified for the soft eviction threshold \(signal.rawValue) "
              + "(settings.evictionSoftGracePeriod)", at: pair.key.location, path: path + "." + key)
        }
        t.gracePeriod = g
      }
      out.append(t)
    }
    return out
  }

  /// Parses `settings.evictionSoftGracePeriod` (`{memory.available: 1m30s}`).
  static func parseGraces(_ node: YAMLNode, _ path: String) throws(ManifestError)
    -> [EvictionSignal: SimDuration]
  {
    guard case .mapping(let pairs) = node.content else {
      throw ManifestError(
        "expected a mapping of signal to duration such as {memory.available: 1m30s}",
        at: node.location, path: path)
    }
    var out: [EvictionSignal: SimDuration] = [:]
    for pair in pairs {
      let (signal, key) = try Self.signal(pair.key, path)
      out[signal] = try SimulationSettings.duration(pair.value, path + "." + key)
    }
    return out
  }

  private static func signal(_ key: YAMLNode, _ path: String) throws(ManifestError) -> (
    EvictionSignal, String
  ) {
    guard case .scalar(let k) = key.content, let signal = EvictionSignal(rawValue: k.text) else {
      var text = ""
      if case .scalar(let k) = key.content { text = k.text }
      throw ManifestError(
        "unknown eviction signal \"\(text)\" (expected one of "
          + EvictionSignal.allCases.map(\.rawValue).joined(separator: ", ") + ")",
        at: key.location, path: path)
    }
    return (signal, k.text)
  }
}
