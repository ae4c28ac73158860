import KubeSimYAML

/// A parsed `that:` expression of an `expect` entry.
///
/// The language (documented in README.md, "Expectations"):
/// - operands: field references `deployment/web.status.readyReplicas` (a kind name, plural or
///   kubectl short name, then `/name` or `/namespace/name`, then a path into the object's JSON
///   with `.field`, `[0]` and `["key.with/dots"]`); `count(pods{app=web, node=worker-2})`;
///   literals (integers, decimals, `"strings"` or `'strings'`, `true`/`false`, Go durations `5m`);
/// - comparisons `== != < <= > >=`, combined with `and`, `or`, `not` and parentheses.
public indirect enum Expression: Sendable, Equatable {
  case literal(ExpressionLiteral)
  case field(FieldReference)
  case count(CountQuery)
  case comparison(Expression, ComparisonOperator, Expression)
  case and(Expression, Expression)
  case or(Expression, Expression)
  case not(Expression)
  /// A run metric: `recovery(fault 1)`, `detection(fault 1)`, `eviction(fault 1)`,
  /// `availability(service/web)`, `availability(service/web, all)` (issue 5).
  case metric(MetricCall)

  /// Every object kind the expression names, with its offset in the source text, so that a
  /// validator can check them against the model's kinds before the run starts.
  public var kindReferences: [(kind: String, offset: Int)] {
    switch self {
    case .literal, .metric: return []
    case .field(let f): return [(f.kind, f.offset)]
    case .count(let c): return [(c.kind, c.offset)]
    case .comparison(let a, _, let b), .and(let a, let b), .or(let a, let b):
      return a.kindReferences + b.kindReferences
    case .not(let a): return a.kindReferences
    }
  }

  /// Every field reference of the expression, in source order.
  public var fieldReferences: [FieldReference] {
    switch self {
    case .literal, .count, .metric: return []
    case .field(let f): return [f]
    case .comparison(let a, _, let b), .and(let a, let b), .or(let a, let b):
      return a.fieldReferences + b.fieldReferences
    case .not(let a): return a.fieldReferences
    }
  }

  /// Every `count(…)` of the expression, in source order.
  public var countQueries: [CountQuery] {
    switch self {
    case .literal, .field, .metric: return []
    case .count(let c): return [c]
    case .comparison(let a, _, let b), .and(let a, let b), .or(let a, let b):
      return a.countQueries + b.countQueries
    case .not(let a): return a.countQueries
    }
  }
}

/// A call of a run metric with its argument text (`fault 1`, `service/web, all`).
public struct MetricCall: Sendable, Equatable {
  /// `recovery`, `detection`, `eviction` or `availability`.
  public var name: String
  /// The text between the parentheses, trimmed.
  public var argument: String
}

/// A literal operand.
public enum ExpressionLiteral: Sendable, Equatable {
  case int(Int64)
  case double(Double)
  case string(String)
  case bool(Bool)
  /// A Go-syntax duration (`5m`, `1h30m`, `250ms`), in microseconds.
  case duration(Int64)
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case lessOrEqual = "<="
  case greaterOrEqual = ">="
  case less = "<"
  case greater = ">"
}

/// One step of a field path: `.name` / `["name"]`, or `[3]`.
public enum PathComponent: Sendable, Equatable {
  case key(String)
  case index(Int)
}

/// `kind/[namespace/]name.path…`: a value read from one object's JSON form.
public struct FieldReference: Sendable, Equatable {
  /// The kind as written (`deployment`, `deploy`, `pods`, `Pod`).
  public var kind: String
  /// The namespace, when written as `kind/namespace/name`; nil means `default` for namespaced kinds.
  public var namespace: String?
  /// The object name.
  public var name: String
  /// The path into the object's JSON form.
  public var path: [PathComponent]
  /// Offset of the reference in the expression text (0-based, in Unicode scalars).
  public var offset: Int
  /// The reference as written, for messages.
  public var text: String
}

/// `count(kind{key=value, key!=value, …})`: how many objects of a kind match.
///
/// Keys: `node` (spec.nodeName), `phase` (status.phase), `ready` (`true`/`false`, the Ready
/// condition), `namespace` (metadata.namespace); every other key is a label. A pod with no node
/// matches `node=` with an empty value.
public struct CountQuery: Sendable, Equatable {
  /// The kind as written (`pods`, `nodes`).
  public var kind: String
  /// The selector terms; all must hold.
  public var terms: [SelectorTerm]
  /// Offset in the expression text (0-based, in Unicode scalars).
  public var offset: Int
  /// The text as written, for messages.
  public var text: String
}

/// One `key=value` or `key!=value` term of a count selector.
public struct SelectorTerm: Sendable, Equatable {
  /// The label key, or a reserved key (`node`, `phase`, `ready`, `namespace`).
  public var key: String
  /// The value to compare with.
  public var value: String
  /// True for `key!=value`.
  public var negated: Bool

  /// Creates a value with the given parts.
  public init(key: String, value: String, negated: Bool) {
    self.key = key
    self.value = value
    self.negated = negated
  }

  /// The keys that do not name labels.
  public static let reservedKeys: [String] = ["namespace", "node", "phase", "ready"]
}
