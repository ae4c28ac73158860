/// API-server defaulting, as upstream's `SetDefaults_*` functions apply it on create and update.
///
/// Pure functions over value types; the API server calls `apply(to:)` before validation. Each
/// default cites its upstream function (kubernetes/kubernetes, v1.35). Pod specs inside
/// workload templates get the PodSpec/Container defaults too (upstream's generated defaulters
/// walk templates), but not the Pod-only ones (requests from limits, `enableServiceLinks`).
///
/// Admission-time helpers that need cluster state (`defaultTolerationSeconds`,
/// `resolvePriority`) are separate: the API server calls them for pods on create.
public enum Defaulting {
  /// Applies every API-server default for the object's kind.
  public static func apply(to object: inout APIObject) {
    switch object {
    case .pod(var o):
      apply(to: &o)
      object = .pod(o)
    case .node(var o):
      apply(to: &o)
      object = .node(o)
    case .namespace(var o):
      apply(to: &o)
      object = .namespace(o)
    case .service(var o):
      apply(to: &o)
      object = .service(o)
    case .secret(var o):
      apply(to: &o)
      object = .secret(o)
    case .persistentVolume(var o):
      apply(to: &o)
      object = .persistentVolume(o)
    case .persistentVolumeClaim(var o):
      apply(to: &o)
      object = .persistentVolumeClaim(o)
    case .limitRange(var o):
      apply(to: &o)
      object = .limitRange(o)
    case .endpointSlice(var o):
      apply(to: &o)
      object = .endpointSlice(o)
    case .deployment(var o):
      apply(to: &o)
      object = .deployment(o)
    case .replicaSet(var o):
      apply(to: &o)
      object = .replicaSet(o)
    case .daemonSet(var o):
      apply(to: &o)
      object = .daemonSet(o)
    case .statefulSet(var o):
      apply(to: &o)
      object = .statefulSet(o)
    case .job(var o):
      apply(to: &o)
      object = .job(o)
    case .cronJob(var o):
      apply(to: &o)
      object = .cronJob(o)
    case .horizontalPodAutoscaler(var o):
      apply(to: &o)
      object = .horizontalPodAutoscaler(o)
    case .priorityClass(var o):
      apply(to: &o)
      object = .priorityClass(o)
    case .storageClass(var o):
      apply(to: &o)
      object = .storageClass(o)
    case .configMap, .resourceQuota, .podDisruptionBudget:
      // No SetDefaults_ functions upstream for these kinds.
      break
    }
    if object.kind.isNamespaced {
      if object.metadata.namespace == nil || object.metadata.namespace == "" {
        // The request namespace (kubectl's context namespace, "default" here) fills an empty
        // one (`rest.EnsureObjectNamespaceMatchesRequestNamespace`, apiserver v1.35).
        object.metadata.namespace = "default"
      }
    } else if object.metadata.namespace != nil {
      // Cluster-scoped kinds: the namespace is cleared (same function).
      object.metadata.namespace = nil
    }
  }
}
