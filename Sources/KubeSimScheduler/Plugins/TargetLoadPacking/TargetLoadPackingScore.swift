/// The score of scheduler-plugins' Trimaran TargetLoadPacking
/// (kubernetes-sigs/scheduler-plugins pkg/trimaran/targetloadpacking): pack nodes up to a target
/// CPU utilization by measured usage, then spread.
///
/// With U the node's predicted utilization in percent, (measured usage + the pod's CPU) /
/// allocatable: U ≤ target → (100 − target) · U / target + target (rising to 100 at the target);
/// U > 100 → 0; otherwise target · (100 − U) / (100 − target) (falling to 0 at 100%).
/// Not yet a registered plugin: the formula only (the scheduler's snapshot has no usage yet).
public enum TargetLoadPackingScore {
  /// `hostTargetUtilizationPercent` default (TargetLoadPackingArgs, 40).
  public static let defaultTargetUtilization: Int64 = 40

  /// The score (0…100) of a node using `usedMillis` of `allocatableMillis` for a pod needing
  /// `podMillis`.
  public static func score(
    usedMillis: Int64, podMillis: Int64, allocatableMillis: Int64,
    targetUtilization: Int64 = defaultTargetUtilization
  ) -> Int64 {
    guard allocatableMillis > 0 else { return 0 }
    let predicted = Double(usedMillis + podMillis) * 100 / Double(allocatableMillis)
    let target = Double(targetUtilization)
    if predicted > 100 { return 0 }
    if predicted <= target { return Int64((100 - target) * predicted / target + target) }
    return Int64(target * (100 - predicted) / (100 - target))
  }
}
