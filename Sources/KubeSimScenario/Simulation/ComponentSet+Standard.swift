import KubeSimAPIServer
import KubeSimModel

extension ComponentSet {
  /// The components of the first end-to-end slice: the scheduler, the ReplicaSet and
  /// Deployment controllers, and a kubelet per node (lane comp's types).
  /// Until they are merged this is `.none`.
  public static var standard: ComponentSet { .none }
}
