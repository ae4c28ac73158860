/// How many feasible nodes a cycle looks for before it stops filtering.
///
/// Upstream `numFeasibleNodesToFind` (pkg/scheduler/schedule_one.go, v1.35) with
/// `minFeasibleNodesToFind = 100` and `minFeasibleNodesPercentageToFind = 5`:
/// ```
/// if N < 100: return N
/// p = percentage (profile's, else global); if p == 0: p = max(50 − N/125, 5)
/// return max(N·p/100, 100)
/// ```
public enum NumFeasibleNodes {
  public static let minFeasibleNodesToFind: Int = 100
  public static let minFeasibleNodesPercentageToFind: Int = 5

  public static func toFind(percentage: Int32?, numAllNodes n: Int) -> Int {
    if n < minFeasibleNodesToFind { return n }
    var p = Int(percentage ?? 0)
    if p == 0 {
      p = 50 - n / 125
      if p < minFeasibleNodesPercentageToFind { p = minFeasibleNodesPercentageToFind }
    }
    let k = n * p / 100
    return k < minFeasibleNodesToFind ? minFeasibleNodesToFind : k
  }
}
