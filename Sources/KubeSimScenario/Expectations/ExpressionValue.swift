import KubeSimKernel
import KubeSimYAML

/// The value of an operand at evaluation time.
public enum ExpressionValue: Sendable, Equatable {
  /// A field that is absent. Compared with a number it counts as 0, with a string as "", with a
  /// bool as false: Kubernetes omits zero values from JSON (`omitempty`), so an absent
  /// `status.readyReplicas` means 0.
  case absent
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  /// Microseconds.
  case duration(Int64)
  /// An object or an array (only `==`/`!=` apply).
  case json(JSONValue)

  init(_ json: JSONValue) {
    switch json {
    case .null: self = .absent
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .array, .object: self = .json(json)
    }
  }

  init(_ literal: ExpressionLiteral) {
    switch literal {
    case .int(let i): self = .int(i)
    case .double(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .bool(let b): self = .bool(b)
    case .duration(let d): self = .duration(d)
    }
  }

  /// How the value is shown after "found" in a failure message.
  public var display: String {
    switch self {
    case .absent: return "<none>"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return JSONValue.double(d).compactString
    case .string(let s): return JSONValue.string(s).compactString
    case .duration(let d): return SimDuration(microseconds: d).description
    case .json(let j): return j.compactString
    }
  }

  var typeName: String {
    switch self {
    case .absent: return "nothing"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string: return "a string"
    case .duration: return "a duration"
    case .json(let j):
      if case .array = j { return "a list" }
      return "an object"
    }
  }
}
