/// The score of scheduler-plugins' Trimaran TargetLoadPacking
/// (kubernetes-sigs/scheduler-plugins pkg/trimaran/targetloadpacking/targetloadpacking.go
/// `Score`): pack nodes up to a target CPU utilization by measured usage, then spread.
///
/// With U the node's predicted utilization in percent, (measured usage + the pod's predicted
/// CPU + recently bound pods' predicted CPU) / capacity: U ≤ target →
/// round((100 − target) · U / target + target) (rising to 100 at the target); U > 100 → 0;
/// otherwise round(target · (100 − U) / (100 − target)) (falling to 0 at 100%).
public enum TargetLoadPackingScore {
  /// `targetUtilization` default (scheduler-plugins apis/config/v1 defaults.go
  /// `DefaultTargetUtilizationPercent`, 40).
  public static let defaultTargetUtilization: Int64 = 40

  /// The score (0…100) of a node using `usedMillis` of `capacityMillis` for a pod needing
  /// `podMillis` (Go's `math.Round`, half away from zero, as upstream).
  public static func score(
    usedMillis: Double, podMillis: Int64, capacityMillis: Int64,
    targetUtilization: Int64 = defaultTargetUtilization
  ) -> Int64 {
    guard capacityMillis > 0 else { return 0 }
    let predicted = (usedMillis + Double(podMillis)) * 100 / Double(capacityMillis)
    let target = Double(targetUtilization)
    if predicted > target {
      if predicted > 100 { return 0 }
      return Int64((target * (100 - predicted) / (100 - target)).rounded())
    }
    return Int64(((100 - target) * predicted / target + target).rounded())
  }

  /// The same with integer usage (kept for callers of the first slice).
  public static func score(
    usedMillis: Int64, podMillis: Int64, allocatableMillis: Int64,
    targetUtilization: Int64 = defaultTargetUtilization
  ) -> Int64 {
    score(
      usedMillis: Double(usedMillis), podMillis: podMillis, capacityMillis: allocatableMillis,
      targetUtilization: targetUtilization)
  }
}
