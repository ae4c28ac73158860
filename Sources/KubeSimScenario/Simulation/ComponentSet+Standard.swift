import KubeSimAPIServer
import KubeSimControllers
import KubeSimModel
import KubeSimNodeAgent
import KubeSimScheduler

extension ComponentSet {
  /// The components of the first end-to-end slice, in registration order: the scheduler
  /// (`DefaultScheduler` with the input's KubeSchedulerConfigurations), then the ReplicaSet,
  /// Deployment, DaemonSet and StatefulSet controllers, the Job and CronJob controllers, the
  /// garbage collector, PodGC and the disruption controller (lane batch), the node lifecycle and
  /// taint eviction controllers, the HorizontalPodAutoscaler controller, and a kubelet per node
  /// (lane comp's types).
  public static var standard: ComponentSet {
    ComponentSet(
      controlPlane: { input in
        [
          DefaultScheduler(
            settings: input.settings, configurations: input.schedulerConfigurations,
            images: input.images),
          ReplicaSetController(),
          DeploymentController(),
          DaemonSetController(),
          StatefulSetController(),
          JobController(),
          CronJobController(),
          GarbageCollector(),
          PodGCController(),
          DisruptionController(),
          NodeLifecycleController(),
          TaintEvictionController(),
          HorizontalPodAutoscalerController(),
          EndpointSliceController(),
          KubeProxy(),
        ]
      },
      kubelet: { node, input in
        Kubelet(node: node, settings: input.settings, images: input.images)
      })
  }
}
