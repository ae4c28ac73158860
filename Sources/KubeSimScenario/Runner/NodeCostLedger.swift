import KubeSimModel

/// Integrates node cost over simulated time from the Node annotation
/// `sim.kubesim.io/cost-per-hour` (a decimal string such as `"0.096"`, written from a NodePool's
/// `costPerHour`), per node pool. The run's single cost integrator: `CostMeter` feeds it, and
/// both the `cost()` expectations and the reports (`MetricsRecorder`) read it.
///
/// A node costs its hourly rate from its (dated) creation until its deletion, Ready or not (a
/// cloud bills a NotReady machine too). A node whose annotation is missing or not a plain
/// non-negative decimal costs nothing. Amounts are integers: rates in micro-units per hour,
/// totals in nano-units (returned as micro-units, rounded half up once at the end), so totals
/// are exact and independent of the order nodes are summed in. Currency is whatever the
/// scenario's numbers mean.
///
/// The pool of a node is its label `sim.kubesim.io/node-pool` when present, else the declared
/// NodePool whose node name prefix it carries followed by `-<digits>` (as the cluster autoscaler
/// identifies pools; `pools`), else its name without a trailing `-<digits>`, else its name.
///
/// Times passed to `update` and `remove` must not decrease; a query at an earlier time than the
/// latest change is still exact (segments are clipped to it).
public struct NodeCostLedger: Sendable {
  /// The annotation carrying a node's hourly cost.
  public static let annotation = NodePool.costAnnotation
  /// The label naming a node's pool, when present.
  public static let poolLabel = "sim.kubesim.io/node-pool"

  private struct Open: Sendable {
    var pool: String
    var ratePerHourMicros: Int64
    var sinceMicros: Int64
  }

  /// A closed segment, kept so that a query before its end can clip it.
  private struct Closed: Sendable {
    var pool: String
    var ratePerHourMicros: Int64
    var sinceMicros: Int64
    var untilMicros: Int64
  }

  private var open: [String: Open] = [:]
  /// Closed segments in the order they were closed (so by nondecreasing end).
  private var closed: [Closed] = []
  /// Per pool: nano-units and node-microseconds of every closed segment.
  private var closedNanos: [String: Int64] = [:]
  private var closedNodeMicros: [String: Int64] = [:]
  /// Sum of the hourly rates of the nodes alive now, in micro-units per hour.
  public private(set) var ratePerHourMicros: Int64 = 0
  /// Whether any node so far carried a cost.
  public private(set) var hasCost = false

  /// Declared pools as (node name prefix + "-", pool name), longest prefix first.
  private var pools: [(prefix: String, name: String)] = []

  /// An empty ledger; `pools` maps node name prefixes (`namePrefix`, else the pool's name) to
  /// pool names.
  public init(pools: [(prefix: String, name: String)] = []) {
    self.pools = pools.map { ($0.prefix + "-", $0.name) }.sorted {
      $0.prefix.utf8.count > $1.prefix.utf8.count
    }
  }

  /// Records that `node` exists at `timeMicros` with its current annotation (a changed rate
  /// closes the old segment and opens a new one).
  public mutating func update(_ node: Node, at timeMicros: Int64) {
    let name = node.metadata.name
    let rate = node.metadata.annotations[Self.annotation].flatMap(Self.parseRate) ?? 0
    let pool = self.pool(of: node)
    if let o = open[name], o.ratePerHourMicros == rate, o.pool == pool { return }
    remove(name, at: timeMicros)
    if rate > 0 { hasCost = true }
    open[name] = Open(pool: pool, ratePerHourMicros: rate, sinceMicros: timeMicros)
    ratePerHourMicros += rate
  }

  /// Records that `node` was deleted at `timeMicros`.
  public mutating func remove(_ node: String, at timeMicros: Int64) {
    guard let o = open.removeValue(forKey: node) else { return }
    let c = Closed(
      pool: o.pool, ratePerHourMicros: o.ratePerHourMicros, sinceMicros: o.sinceMicros,
      untilMicros: max(timeMicros, o.sinceMicros))
    closed.append(c)
    closedNanos[c.pool, default: 0] += Self.nanos(c.ratePerHourMicros, c.untilMicros - c.sinceMicros)
    closedNodeMicros[c.pool, default: 0] += c.untilMicros - c.sinceMicros
    ratePerHourMicros -= o.ratePerHourMicros
  }

  /// Per pool: nano-units and node-microseconds up to `t`. Integer sums: the dictionaries'
  /// order does not change the result.
  private func totals(at t: Int64) -> (nanos: [String: Int64], nodeMicros: [String: Int64]) {
    var nanos = closedNanos
    var micros = closedNodeMicros
    for (_, o) in open {
      nanos[o.pool, default: 0] += Self.nanos(o.ratePerHourMicros, t - o.sinceMicros)
      micros[o.pool, default: 0] += max(0, t - o.sinceMicros)
    }
    // Segments closed after `t` count only up to `t`.
    for c in closed.reversed() {
      guard c.untilMicros > t else { break }
      nanos[c.pool, default: 0] +=
        Self.nanos(c.ratePerHourMicros, t - c.sinceMicros)
        - Self.nanos(c.ratePerHourMicros, c.untilMicros - c.sinceMicros)
      micros[c.pool, default: 0] += max(0, t - c.sinceMicros) - (c.untilMicros - c.sinceMicros)
    }
    return (nanos, micros)
  }

  /// Cost per pool up to `timeMicros`, in micro-units, pools sorted byte-wise (every pool that
  /// had a node, with or without cost).
  public func perPoolMicros(at timeMicros: Int64) -> [(pool: String, micros: Int64)] {
    let nanos = totals(at: timeMicros).nanos
    return nanos.keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }.map {
      ($0, ((nanos[$0] ?? 0) + 500) / 1000)
    }
  }

  /// Cost up to `timeMicros` in micro-units, of every node (the sum of the pools' nano-unit
  /// totals, rounded once) or of one pool's nodes (0 for a pool that had no node).
  public func totalMicros(at timeMicros: Int64, pool: String? = nil) -> Int64 {
    let nanos = totals(at: timeMicros).nanos
    let sum = pool.map { nanos[$0] ?? 0 } ?? nanos.values.reduce(0, +)
    return (sum + 500) / 1000
  }

  /// Node lifetime up to `timeMicros` in node-microseconds (priced or not), of every node or of
  /// one pool's nodes.
  public func nodeMicros(at timeMicros: Int64, pool: String? = nil) -> Int64 {
    let micros = totals(at: timeMicros).nodeMicros
    return pool.map { micros[$0] ?? 0 } ?? micros.values.reduce(0, +)
  }

  /// The pools that had a node so far, sorted byte-wise.
  public var poolNames: [String] {
    var names = Array(closedNanos.keys)
    for (_, o) in open where !names.contains(o.pool) { names.append(o.pool) }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
  }

  /// Nano-units for `rate` micro-units per hour over `micros` microseconds:
  /// rate × µs × 1000 / 3.6e9 = rate × µs / 3.6e6, in 128-bit intermediate precision.
  static func nanos(_ rate: Int64, _ micros: Int64) -> Int64 {
    guard rate > 0, micros > 0 else { return 0 }
    let product = rate.multipliedFullWidth(by: micros)
    let divisor: Int64 = 3_600_000
    // A quotient beyond Int64 (a billion-unit rate over centuries) saturates instead of trapping.
    if product.high >= divisor / 2 { return Int64.max / 4 }
    return divisor.dividingFullWidth(product).quotient
  }

  /// A plain non-negative decimal (`"0.096"`, `"12"`, `"1.5"`) in micro-units, rounded to the
  /// micro-unit; nil for anything else (signs, exponents, suffixes, more than 12 integer digits).
  public static func parseRate(_ text: String) -> Int64? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count == 2 ? parts[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty), whole.count <= 12,
      whole.allSatisfy({ $0.isASCII && $0.isNumber }),
      fraction.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    var micros = (Int64(whole) ?? 0) * 1_000_000
    var scale: Int64 = 100_000
    var digits = fraction.makeIterator()
    while scale > 0, let d = digits.next() {
      micros += Int64(d.wholeNumberValue ?? 0) * scale
      scale /= 10
    }
    if let next = digits.next(), (next.wholeNumberValue ?? 0) >= 5 { micros += 1 }
    return micros
  }

  /// The pool a node belongs to (see the type's discussion).
  public func pool(of node: Node) -> String {
    if let label = node.metadata.labels[Self.poolLabel], !label.isEmpty { return label }
    let name = node.metadata.name
    for p in pools where name.hasPrefix(p.prefix) {
      let rest = name.dropFirst(p.prefix.count)
      if !rest.isEmpty && rest.allSatisfy({ $0.isASCII && $0.isNumber }) { return p.name }
    }
    return Self.pool(of: node)
  }

  /// The pool a node belongs to without declared pools: its label, else its name without a
  /// trailing `-<digits>`, else its name.
  public static func pool(of node: Node) -> String {
    if let label = node.metadata.labels[poolLabel], !label.isEmpty { return label }
    let name = node.metadata.name
    guard let dash = name.lastIndex(of: "-") else { return name }
    let suffix = name[name.index(after: dash)...]
    guard !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }), dash != name.startIndex
    else { return name }
    return String(name[..<dash])
  }
}
