import KubeSimAPIServer
import KubeSimControllers
import KubeSimModel
import KubeSimNodeAgent
import KubeSimScheduler

extension ComponentSet {
  /// The components of the first end-to-end slice, in registration order: the scheduler
  /// (`DefaultScheduler` with the input's KubeSchedulerConfigurations) and the load watchers of
  /// its usage-aware plugins (none without them), then the ReplicaSet,
  /// Deployment, DaemonSet and StatefulSet controllers, the Job and CronJob controllers, the
  /// garbage collector, PodGC and the disruption controller (lane batch), the node lifecycle and
  /// taint eviction controllers, the HorizontalPodAutoscaler controller, the namespace
  /// controller, the cluster autoscaler (only when a NodePool sets `min`/`max`), and a kubelet
  /// per node (lane comp's types).
  public static var standard: ComponentSet {
    ComponentSet(
      controlPlane: { input in
        let scheduler = DefaultScheduler(
          settings: input.settings, configurations: input.schedulerConfigurations,
          images: input.images)
        return [scheduler as any Component] + LoadWatcher.instances(in: scheduler.profiles) + [
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
          NamespaceController(),
          EndpointSliceController(),
          KubeProxy(),
        ] + clusterAutoscaler(input, scheduler)
      },
      kubelet: { node, input in
        Kubelet(node: node, settings: input.settings, images: input.images)
      })
  }
}

extension ComponentSet {
  /// The cluster autoscaler for the input's autoscaled NodePools (none without one), checking
  /// fits with `scheduler`'s profiles.
  static func clusterAutoscaler(_ input: WorldInput, _ scheduler: DefaultScheduler)
    -> [any Component]
  {
    guard input.nodePools.contains(where: \.isAutoscaled) else { return [] }
    return [
      ClusterAutoscaler(pools: input.nodePools) { [unowned scheduler] in
        SchedulerClusterSnapshot(profiles: scheduler.profiles)
      }
    ]
  }
}
