import KubeSimKernel
import KubeSimModel

/// Pod predicates the workload controllers share (upstream pkg/api/v1/pod/util.go and
/// pkg/controller/controller_utils.go, v1.35).
public enum PodUtil {
  /// `podutil.IsPodReady`: the Ready condition is True.
  public static func isReady(_ p: Pod) -> Bool { readyCondition(p)?.status == .true }

  /// The Ready condition, if any.
  public static func readyCondition(_ p: Pod) -> PodCondition? {
    p.status.conditions.first { $0.type == "Ready" }
  }

  /// `podutil.IsPodAvailable`: ready, and ready since at least `minReadySeconds`.
  public static func isAvailable(_ p: Pod, minReadySeconds: Int32, now: SimTime) -> Bool {
    guard let c = readyCondition(p), c.status == .true else { return false }
    if minReadySeconds == 0 { return true }
    guard let t = c.lastTransitionTime else { return false }
    return t + .seconds(Int64(minReadySeconds)) <= now
  }

  /// `controller.IsPodActive`: not Succeeded, not Failed, not being deleted.
  public static func isActive(_ p: Pod) -> Bool {
    p.status.phase != .succeeded && p.status.phase != .failed
      && p.metadata.deletionTimestamp == nil
  }

  /// `controller.IsPodTerminating`: being deleted and not terminal (Succeeded or Failed).
  public static func isTerminating(_ p: Pod) -> Bool {
    p.metadata.deletionTimestamp != nil && p.status.phase != .succeeded
      && p.status.phase != .failed
  }

  /// The controller owner reference (`metav1.GetControllerOf`).
  public static func controllerRef(_ meta: ObjectMeta) -> OwnerReference? {
    meta.ownerReferences.first { $0.controller == true }
  }

  /// `namespace/name`.
  public static func key(_ meta: ObjectMeta) -> String {
    "\(meta.namespace ?? "default")/\(meta.name)"
  }
}
