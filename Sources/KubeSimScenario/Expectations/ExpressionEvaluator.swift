import KubeSimKernel
import KubeSimYAML

/// The outcome of evaluating an expectation's expression once.
public struct ExpressionOutcome: Sendable, Equatable {
  /// Whether the expression holds.
  public var holds: Bool
  /// What was found, for the failure message: the values of the non-literal operands of the
  /// comparisons that decided the result (`found 2`), or why it could not be evaluated.
  public var found: String
}

/// Evaluates expressions against an `ExpectationDataSource`.
///
/// Comparison rules: numbers compare numerically (integers exactly); strings compare byte-wise
/// by Unicode scalars; booleans and JSON values support only `==`/`!=`; durations compare with
/// durations or with strings in Go syntax; an absent field counts as the zero value of the other
/// side (see `ExpressionValue.absent`). A comparison of mismatched types does not hold, and the
/// message says which types met. A field of an object that does not exist does not hold either.
public struct ExpressionEvaluator {
  /// Where operands are read from.
  public let source: any ExpectationDataSource

  /// Creates a value with the given parts.
  public init(_ source: any ExpectationDataSource) { self.source = source }

  /// Evaluates `expression`.
  public func evaluate(_ expression: Expression) -> ExpressionOutcome {
    switch expression {
    case .and(let a, let b):
      let x = evaluate(a)
      if !x.holds { return x }
      let y = evaluate(b)
      if !y.holds { return y }
      return ExpressionOutcome(
        holds: true, found: [x.found, y.found].filter { !$0.isEmpty }.joined(separator: ", "))
    case .or(let a, let b):
      let x = evaluate(a)
      if x.holds { return x }
      let y = evaluate(b)
      if y.holds { return y }
      return ExpressionOutcome(holds: false, found: join(x.found, y.found))
    case .not(let a):
      let x = evaluate(a)
      return ExpressionOutcome(holds: !x.holds, found: x.found)
    case .comparison(let a, let op, let b):
      return compare(a, op, b)
    case .literal, .field, .count, .metric:
      switch value(of: expression) {
      case .failure(let message): return ExpressionOutcome(holds: false, found: message)
      case .success(let v):
        if case .bool(let b) = v { return ExpressionOutcome(holds: b, found: v.display) }
        return ExpressionOutcome(
          holds: false, found: "\(v.display), which is \(v.typeName), not a boolean")
      }
    }
  }

  private func compare(_ a: Expression, _ op: ComparisonOperator, _ b: Expression)
    -> ExpressionOutcome
  {
    let left: ExpressionValue
    let right: ExpressionValue
    switch value(of: a) {
    case .failure(let message): return ExpressionOutcome(holds: false, found: message)
    case .success(let v): left = v
    }
    switch value(of: b) {
    case .failure(let message): return ExpressionOutcome(holds: false, found: message)
    case .success(let v): right = v
    }
    var shown: [String] = []
    if !isLiteral(a) { shown.append(Self.display(left, against: right)) }
    if !isLiteral(b) { shown.append(Self.display(right, against: left)) }
    let found = shown.joined(separator: " and ")
    guard let order = Self.order(left, right) else {
      return ExpressionOutcome(
        holds: false, found: "\(found) (cannot compare \(left.typeName) with \(right.typeName))")
    }
    let holds: Bool
    switch op {
    case .equal: holds = order == .same
    case .notEqual: holds = order != .same
    case .less: holds = order == .ascending
    case .lessOrEqual: holds = order == .ascending || order == .same
    case .greater: holds = order == .descending
    case .greaterOrEqual: holds = order == .descending || order == .same
    }
    if !holds, order == .unordered {
      if op != .equal {
        return ExpressionOutcome(
          holds: false, found: "\(found) (\(left.typeName) supports only == and !=)")
      }
    }
    return ExpressionOutcome(holds: holds, found: found)
  }

  /// An absent field shows as the zero value it counts as: `0 (not set)`.
  static func display(_ v: ExpressionValue, against other: ExpressionValue) -> String {
    guard case .absent = v else { return v.display }
    switch other {
    case .int, .double: return "0 (not set)"
    case .duration: return "0s (not set)"
    case .string: return "\"\" (not set)"
    case .bool: return "false (not set)"
    default: return v.display
    }
  }

  private func isLiteral(_ e: Expression) -> Bool {
    if case .literal = e { return true }
    return false
  }

  private func join(_ a: String, _ b: String) -> String {
    [a, b].filter { !$0.isEmpty }.joined(separator: "; ")
  }

  enum Order { case ascending, same, descending, unordered }

  /// How `a` relates to `b`, or nil when they cannot be compared at all.
  static func order(_ a: ExpressionValue, _ b: ExpressionValue) -> Order? {
    switch (a, b) {
    case (.absent, .absent): return .same
    case (.absent, .int), (.absent, .double), (.absent, .duration):
      return order(.int(0), b)
    case (.int, .absent), (.double, .absent), (.duration, .absent):
      return order(a, .int(0))
    case (.absent, .string): return order(.string(""), b)
    case (.string, .absent): return order(a, .string(""))
    case (.absent, .bool): return order(.bool(false), b)
    case (.bool, .absent): return order(a, .bool(false))
    case (.int(let x), .int(let y)): return x < y ? .ascending : (x == y ? .same : .descending)
    case (.int(let x), .double(let y)): return orderDouble(Double(x), y)
    case (.double(let x), .int(let y)): return orderDouble(x, Double(y))
    case (.double(let x), .double(let y)): return orderDouble(x, y)
    case (.duration(let x), .duration(let y)):
      return x < y ? .ascending : (x == y ? .same : .descending)
    case (.duration, .int(0)), (.int(0), .duration):
      let x: Int64 = { if case .duration(let d) = a { return d } else { return 0 } }()
      let y: Int64 = { if case .duration(let d) = b { return d } else { return 0 } }()
      return x < y ? .ascending : (x == y ? .same : .descending)
    case (.duration, .string(let s)):
      guard let d = (try? SimDuration(parsing: s))?.microseconds else { return nil }
      return order(a, .duration(d))
    case (.string(let s), .duration):
      guard let d = (try? SimDuration(parsing: s))?.microseconds else { return nil }
      return order(.duration(d), b)
    case (.string(let x), .string(let y)):
      if x == y { return .same }
      return Array(x.unicodeScalars).lexicographicallyPrecedes(
        Array(y.unicodeScalars), by: { $0.value < $1.value }) ? .ascending : .descending
    case (.bool(let x), .bool(let y)): return x == y ? .same : .unordered
    case (.json(let x), .json(let y)): return x == y ? .same : .unordered
    default: return nil
    }
  }

  private static func orderDouble(_ x: Double, _ y: Double) -> Order {
    x < y ? .ascending : (x == y ? .same : (x > y ? .descending : .unordered))
  }

  enum Value {
    case success(ExpressionValue)
    case failure(String)
  }

  private func value(of expression: Expression) -> Value {
    switch expression {
    case .literal(let l): return .success(ExpressionValue(l))
    case .count(let q): return .success(.int(Int64(source.count(kind: q.kind, terms: q.terms))))
    case .field(let f):
      guard let object = source.objectJSON(kind: f.kind, namespace: f.namespace, name: f.name)
      else {
        let ns = f.namespace.map { " in namespace \($0)" } ?? ""
        return .failure("no \(f.kind) named \(f.name)\(ns)")
      }
      return .success(ExpressionValue(Self.walk(object, f.path)))
    case .metric(let m):
      guard let v = source.metric(m) else {
        return .failure("\(m.name)(\(m.argument)) is not known (yet)")
      }
      return .success(v)
    case .comparison, .and, .or, .not:
      let outcome = evaluate(expression)
      return .success(.bool(outcome.holds))
    }
  }

  /// Follows `path` into `json`; a missing key or index gives `.null`.
  public static func walk(_ json: JSONValue, _ path: [PathComponent]) -> JSONValue {
    var current = json
    for component in path {
      switch (component, current) {
      case (.key(let k), .object):
        guard let next = current[k] else { return .null }
        current = next
      case (.index(let i), .array(let items)):
        guard i >= 0, i < items.count else { return .null }
        current = items[i]
      default:
        return .null
      }
    }
    return current
  }
}
