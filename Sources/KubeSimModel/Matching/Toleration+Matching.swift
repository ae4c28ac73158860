extension Toleration {
  /// Whether this toleration tolerates `taint`, as upstream `Toleration.ToleratesTaint`
  /// (`k8s.io/api/core/v1/toleration.go`, v1.35): the effect is empty or equal, the key is
  /// empty or equal, and then `Exists` matches any value, `Equal` (or no operator) needs equal
  /// values, and the alpha `Gt`/`Lt` compare the taint's value to the toleration's as decimal
  /// int64s (`taint > toleration` for Gt), failing when either does not parse.
  public func tolerates(_ taint: Taint) -> Bool {
    if let e = effect, e != taint.effect { return false }
    if let k = key, !k.isEmpty, k != taint.key { return false }
    switch self.operator {
    case nil, .equal?: return (value ?? "") == (taint.value ?? "")
    case .exists?: return true
    case .gt?, .lt?:
      guard let t = Toleration.decimalInt64(value ?? ""),
        let n = Toleration.decimalInt64(taint.value ?? "")
      else { return false }
      return self.operator == .gt ? n > t : n < t
    }
  }

  /// `validation.IsDecimalInteger` then `strconv.ParseInt(s, 10, 64)`: an optional `-`, then
  /// digits without leading zeros (or "0").
  static func decimalInt64(_ s: String) -> Int64? {
    let u = Array(s.utf8)
    var i = 0
    if i < u.count && u[i] == 45 { i += 1 }
    guard i < u.count, u[i...].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    if u[i] == 48 && u.count - i > 1 { return nil }
    return Int64(s)
  }
}

extension Array where Element == Toleration {
  /// True when some toleration tolerates `taint` (`v1helper.TolerationsTolerateTaint`).
  public func tolerates(_ taint: Taint) -> Bool { contains { $0.tolerates(taint) } }

  /// The first taint (in node order) whose effect passes `effects` and which no toleration
  /// tolerates, as upstream `v1helper.FindMatchingUntoleratedTaint`; the TaintToleration filter
  /// passes `[.noSchedule, .noExecute]`.
  public func firstUntoleratedTaint(_ taints: [Taint], effects: [TaintEffect]) -> Taint? {
    for t in taints where effects.contains(t.effect) && !tolerates(t) { return t }
    return nil
  }
}
