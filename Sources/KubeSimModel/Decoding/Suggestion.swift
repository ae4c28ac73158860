/// "Did you mean" hints: the closest candidate by edit distance.
enum Suggestion {
  /// The candidate closest to `word` (case-insensitive Levenshtein distance), if within
  /// max(2, word.count / 3); ties go to the earlier candidate.
  static func closest(to word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    let limit = max(2, w.count / 3)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(w, Array(c.lowercased().unicodeScalars))
      if d <= limit, best.map({ d < $0.1 }) ?? true { best = (c, d) }
    }
    return best?.0
  }

  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
