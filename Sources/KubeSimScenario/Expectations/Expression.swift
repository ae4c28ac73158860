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

  /// Every object kind the expression names, with its offset in the source text, so that a
  /// validator can check them against the model's kinds before the run starts.
  public var kindReferences: [(kind: String, offset: Int)] {
    switch self {
    case .literal: return []
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
    case .literal, .count: return []
    case .field(let f): return [f]
    case .comparison(let a, _, let b), .and(let a, let b), .or(let a, let b):
      return a.fieldReferences + b.fieldReferences
    case .not(let a): return a.fieldReferences
    }
  }

  /// Every `count(…)` of the expression, in source order.
  public var countQueries: [CountQuery] {
    switch self {
    case .literal, .field: return []
    case .count(let c): return [c]
    case .comparison(let a, _, let b), .and(let a, let b), .or(let a, let b):
      return a.countQueries + b.countQueries
    case .not(let a): return a.countQueries
    }
  }
}
