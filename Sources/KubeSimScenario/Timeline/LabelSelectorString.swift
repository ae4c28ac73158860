import KubeSimModel

/// A label selector in kubectl's string form: `app=web,tier!=db,env in (a,b),!canary,gpu`.
///
/// Grammar and semantics of k8s.io/apimachinery/pkg/labels/selector.go `Parse` (v0.32):
/// `=`/`==` equality, `!=` inequality (also matches objects without the key), `in`, `notin`
/// (also matches objects without the key), `key` exists, `!key` does not exist; all terms must
/// hold.
public struct LabelSelectorString: Sendable, Equatable {
  /// One requirement of the selector.
  public enum Requirement: Sendable, Equatable {
    case equals(String, String)
    case notEquals(String, String)
    case `in`(String, [String])
    case notIn(String, [String])
    case exists(String)
    case doesNotExist(String)
  }

  public var requirements: [Requirement]

  /// Parses `text`.
  /// - Throws: `KubectlError` naming the bad term.
  public init(parsing text: String) throws(KubectlError) {
    requirements = []
    for term in Self.splitTerms(text) {
      let t = term.trimmingCharacters(in: .whitespaces)
      if t.isEmpty { throw KubectlError("invalid selector \"\(text)\": empty requirement") }
      requirements.append(try Self.parseTerm(t, in: text))
    }
  }

  /// Whether `labels` satisfy every requirement.
  public func matches(_ labels: StringMap) -> Bool {
    requirements.allSatisfy { r in
      switch r {
      case .equals(let k, let v): return labels[k] == v
      case .notEquals(let k, let v): return labels[k] != v
      case .in(let k, let vs): return labels[k].map { vs.contains($0) } ?? false
      case .notIn(let k, let vs): return labels[k].map { !vs.contains($0) } ?? true
      case .exists(let k): return labels[k] != nil
      case .doesNotExist(let k): return labels[k] == nil
      }
    }
  }

  /// Splits on commas outside parentheses.
  private static func splitTerms(_ text: String) -> [String] {
    var terms: [String] = []
    var current = ""
    var depth = 0
    for c in text {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if c == ",", depth == 0 {
        terms.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    terms.append(current)
    return terms
  }

  private static func parseTerm(_ t: String, in text: String) throws(KubectlError) -> Requirement {
    func bad() -> KubectlError {
      KubectlError("invalid selector \"\(text)\": cannot parse \"\(t)\"")
    }
    if t.hasPrefix("!") {
      let key = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
      if key.isEmpty { throw bad() }
      return .doesNotExist(key)
    }
    if let r = t.range(of: "!=") {
      return .notEquals(trim(t[..<r.lowerBound]), trim(t[r.upperBound...]))
    }
    if let r = t.range(of: "==") {
      return .equals(trim(t[..<r.lowerBound]), trim(t[r.upperBound...]))
    }
    if let r = t.range(of: "=") {
      return .equals(trim(t[..<r.lowerBound]), trim(t[r.upperBound...]))
    }
    let words = t.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    if words.count == 1 { return .exists(String(words[0])) }
    guard words.count == 3, words[2].hasPrefix("("), words[2].hasSuffix(")") else { throw bad() }
    let values = words[2].dropFirst().dropLast().split(separator: ",").map { trim($0) }
    switch words[1] {
    case "in": return .in(String(words[0]), values)
    case "notin": return .notIn(String(words[0]), values)
    default: throw bad()
    }
  }

  private static func trim(_ s: Substring) -> String {
    s.trimmingCharacters(in: .whitespaces)
  }
}

import Foundation
