/// Upstream `helper.DefaultNormalizeScore(maxPriority, reverse, scores)`
/// (pkg/scheduler/framework/plugins/helper/normalize_score.go, v1.35).
public enum DefaultNormalizeScore {
  /// Scales scores to 0...100 by the maximum; `reverse` flips them (100 − s).
  public static func apply(_ scores: inout [Int64], reverse: Bool) {
    var maxCount: Int64 = 0
    for s in scores where s > maxCount { maxCount = s }
    if maxCount == 0 {
      if reverse {
        for i in scores.indices { scores[i] = NodeScore.max }
      }
      return
    }
    for i in scores.indices {
      var s = NodeScore.max * scores[i] / maxCount
      if reverse { s = NodeScore.max - s }
      scores[i] = s
    }
  }
}
