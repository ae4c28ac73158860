import KubeSimAPIServer
import KubeSimControllers
import KubeSimModel
import KubeSimScheduler

extension ComponentSet {
  /// The components of the first end-to-end slice, in registration order: the scheduler
  /// (`DefaultScheduler` with the input's KubeSchedulerConfigurations), then the ReplicaSet and
  /// Deployment controllers, and a kubelet per node (lane comp's types).
  /// KubeSim differs: the controllers and kubelets are wired in as lane comp delivers them.
  public static var standard: ComponentSet {
    ComponentSet(
      controlPlane: { input in
        [
          DefaultScheduler(
            settings: input.settings, configurations: input.schedulerConfigurations),
          ReplicaSetController(),
          DeploymentController(),
        ]
      },
      kubelet: { _, _ in nil })
  }
}
