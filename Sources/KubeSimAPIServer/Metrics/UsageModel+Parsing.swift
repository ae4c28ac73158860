import KubeSimKernel
import KubeSimModel

/// A problem in a usage annotation; the message names the annotation key.
public struct UsageModelError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

extension UsageModel {
  /// Parses a usage annotation value for `resource` (see `UsageModel` for the syntax). `key` is
  /// the annotation key, used in messages.
  public init(parsing text: String, resource: UsageResource, key: String) throws(UsageModelError) {
    let s = UsageSyntax.trim(text)
    func fail(_ why: String) -> UsageModelError {
      UsageModelError(message: "\(key): \(why), found \"\(text)\"")
    }
    guard let open = s.firstIndex(of: "(") else {
      guard let a = UsageSyntax.amount(s, resource) else {
        throw fail(
          "expected a quantity such as \(resource == .cpu ? "180m" : "300Mi"), a percentage of the request such as 50%, or a model such as diurnal(...)"
        )
      }
      self = .constant(a)
      return
    }
    guard s.last == ")" else { throw fail("expected ')' at the end") }
    let name = UsageSyntax.trim(String(s[s.startIndex..<open]))
    let inner = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
    var args: [(key: String, value: String)] = []
    for part in inner.split(separator: ",", omittingEmptySubsequences: true) {
      let kv = part.split(separator: "=", maxSplits: 1)
      guard kv.count == 2 else { throw fail("expected key=value arguments in \(name)(...)") }
      args.append((UsageSyntax.trim(String(kv[0])), UsageSyntax.trim(String(kv[1]))))
    }
    func arg(_ k: String) -> String? { args.first { $0.key == k }?.value }
    func amount(_ k: String, default d: UsageAmount? = nil) throws(UsageModelError) -> UsageAmount {
      guard let v = arg(k) else {
        if let d { return d }
        throw fail("\(name)(...) needs \(k)=")
      }
      guard let a = UsageSyntax.amount(v, resource) else {
        throw fail("\(name)(...): \(k) must be a quantity or a percentage")
      }
      return a
    }
    func duration(_ k: String, default d: SimDuration) throws(UsageModelError) -> SimDuration {
      guard let v = arg(k) else { return d }
      guard let x = try? SimDuration(parsing: v), x >= .zero else {
        throw fail("\(name)(...): \(k) must be a duration such as 30s")
      }
      return x
    }
    func known(_ keys: [String]) throws(UsageModelError) {
      for a in args where !keys.contains(a.key) {
        throw fail(
          "\(name)(...) has no argument \"\(a.key)\" (expected \(keys.joined(separator: ", ")))")
      }
    }
    switch name {
    case "diurnal":
      try known(["mean", "amplitude", "period", "phase"])
      let period = try duration("period", default: .hours(24))
      guard period > .zero else { throw fail("diurnal(...): period must be positive") }
      self = .diurnal(
        mean: try amount("mean"), amplitude: try amount("amplitude"), period: period,
        phase: try duration("phase", default: .zero))
    case "noise":
      try known(["mean", "sd", "every"])
      self = .noise(
        mean: try amount("mean"), sd: try amount("sd"),
        every: try duration("every", default: .seconds(15)))
    case "walk":
      try known(["start", "step", "every", "min", "max"])
      self = .walk(
        start: try amount("start"), step: try amount("step"),
        every: try duration("every", default: .minutes(1)),
        min: try amount("min", default: .absolute(0)),
        max: try amount("max", default: .absolute(Int64.max / 4)))
    case "csv":
      throw fail(
        "csv(FILE) is read by the scenario loader from files next to the scenario; it is not supported here (e.g. in files applied by a timeline action)")
    case "steps", "series":
      var points: [(at: SimDuration, amount: UsageAmount)] = []
      for a in args {
        guard let t = try? SimDuration(parsing: a.key), t >= .zero else {
          throw fail("\(name)(...): \"\(a.key)\" must be a time such as 5m")
        }
        guard let v = UsageSyntax.amount(a.value, resource) else {
          throw fail("\(name)(...): \(a.key) must be a quantity or a percentage")
        }
        if let last = points.last, last.at >= t {
          throw fail("\(name)(...): times must increase")
        }
        points.append((t, v))
      }
      guard !points.isEmpty else { throw fail("\(name)(...) needs at least one time=amount") }
      self = name == "steps" ? .steps(points) : .series(points)
    case "traffic":
      try known(["base", "per-request", "per-inflight", "capacity"])
      var capacity: Int64?
      if let c = arg("capacity") {
        guard let rps = UsageSyntax.milliRPS(c) else {
          throw fail("traffic(...): capacity must be a rate such as 100rps")
        }
        capacity = rps
      }
      self = .traffic(
        base: try amount("base", default: .absolute(0)),
        perRequest: try amount("per-request", default: .absolute(0)),
        perInFlight: try amount("per-inflight", default: .absolute(0)), capacityMilliRPS: capacity)
    default:
      throw fail(
        "unknown usage model \"\(name)\" (expected diurnal, noise, walk, steps, series, csv or traffic)")
    }
  }
}

/// Lexical helpers for usage annotations.
enum UsageSyntax {
  static func trim(_ s: String) -> String {
    var t = Substring(s)
    while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
    while let l = t.last, l == " " || l == "\t" { t.removeLast() }
    return String(t)
  }

  /// `50%` (also `12.5%`) → per-mille of the request; a quantity → millicores (CPU) or bytes.
  static func amount(_ s: String, _ resource: UsageResource) -> UsageAmount? {
    let t = trim(s)
    if t.hasSuffix("%") {
      guard let pm = milli(String(t.dropLast()), scale: 10), pm >= 0 else { return nil }
      return .perMilleOfRequest(pm)
    }
    guard let q = try? Quantity(parsing: t), q.sign >= 0 else { return nil }
    return .absolute(resource == .cpu ? q.milliValue : q.value)
  }

  /// `800rps` or `800` (also `0.5rps`) → milli-requests per second.
  static func milliRPS(_ s: String) -> Int64? {
    var t = trim(s)
    if t.hasSuffix("rps") { t = String(t.dropLast(3)) }
    guard let m = milli(t, scale: 1000), m >= 0 else { return nil }
    return m
  }

  /// A decimal number (digits with at most 3 fraction digits) times `scale`, exactly.
  static func milli(_ s: String, scale: Int64) -> Int64? {
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000_000
    else {
      return nil
    }
    var result = whole * scale
    if parts.count == 2 {
      let frac = parts[1]
      guard !frac.isEmpty, frac.count <= 3, frac.allSatisfy({ $0.isASCII && $0.isNumber }),
        let f = Int64(frac)
      else { return nil }
      var denom: Int64 = 1
      for _ in 0..<frac.count { denom *= 10 }
      result += f * scale / denom
    }
    return result
  }
}
