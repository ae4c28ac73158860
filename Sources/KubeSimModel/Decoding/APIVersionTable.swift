/// Which (apiVersion, kind) pairs KubeSim serves, and why older ones are refused.
enum APIVersionTable {
  /// Every kind name KubeSim accepts, for "did you mean" hints.
  static let allKindNames: [String] =
    ObjectKind.allCases.map(\.name) + [
      "NodePool", "Image", "Scenario", "KubeSchedulerConfiguration", "List",
    ]

  /// The served apiVersions of a kind name (the first is preferred), or nil for unknown kinds.
  static func servedVersions(of kind: String) -> [String]? {
    switch kind {
    case "NodePool", "Image", "Scenario": return ["kubesim.io/v1alpha1"]
    case "KubeSchedulerConfiguration": return ["kubescheduler.config.k8s.io/v1"]
    case "List": return ["v1"]
    case "HorizontalPodAutoscaler": return ["autoscaling/v2", "autoscaling/v1"]
    default: return ObjectKind(rawValue: kind).map { [$0.apiVersion] }
    }
  }

  /// Why a version that Kubernetes once served is refused by a current API server, per the
  /// Kubernetes deprecated API migration guide
  /// (kubernetes.io/docs/reference/using-api/deprecation-guide/).
  static func removal(apiVersion: String, kind: String) -> String? {
    switch (apiVersion, kind) {
    case ("batch/v1beta1", "CronJob"), ("batch/v2alpha1", "CronJob"):
      return "\(apiVersion) CronJob was removed in Kubernetes v1.25; use apiVersion batch/v1"
    case ("policy/v1beta1", "PodDisruptionBudget"):
      return
        "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes v1.25; use apiVersion policy/v1"
    case ("autoscaling/v2beta1", "HorizontalPodAutoscaler"):
      return
        "autoscaling/v2beta1 HorizontalPodAutoscaler was removed in Kubernetes v1.25; use apiVersion autoscaling/v2"
    case ("autoscaling/v2beta2", "HorizontalPodAutoscaler"):
      return
        "autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes v1.26; use apiVersion autoscaling/v2"
    case ("extensions/v1beta1", "Deployment"), ("extensions/v1beta1", "DaemonSet"),
      ("extensions/v1beta1", "ReplicaSet"), ("apps/v1beta1", "Deployment"),
      ("apps/v1beta1", "StatefulSet"), ("apps/v1beta2", "Deployment"),
      ("apps/v1beta2", "StatefulSet"), ("apps/v1beta2", "DaemonSet"),
      ("apps/v1beta2", "ReplicaSet"):
      return "\(apiVersion) \(kind) was removed in Kubernetes v1.16; use apiVersion apps/v1"
    case ("scheduling.k8s.io/v1beta1", "PriorityClass"),
      ("scheduling.k8s.io/v1alpha1", "PriorityClass"):
      return
        "\(apiVersion) PriorityClass was removed in Kubernetes v1.22; use apiVersion scheduling.k8s.io/v1"
    case ("storage.k8s.io/v1beta1", "StorageClass"):
      return
        "storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes v1.22; use apiVersion storage.k8s.io/v1"
    case ("discovery.k8s.io/v1beta1", "EndpointSlice"):
      return
        "discovery.k8s.io/v1beta1 EndpointSlice was removed in Kubernetes v1.25; use apiVersion discovery.k8s.io/v1"
    case ("kubescheduler.config.k8s.io/v1beta2", "KubeSchedulerConfiguration"):
      return
        "kubescheduler.config.k8s.io/v1beta2 was removed in Kubernetes v1.28; use kubescheduler.config.k8s.io/v1"
    case ("kubescheduler.config.k8s.io/v1beta3", "KubeSchedulerConfiguration"):
      return
        "kubescheduler.config.k8s.io/v1beta3 was removed in Kubernetes v1.29; use kubescheduler.config.k8s.io/v1"
    default: return nil
    }
  }
}
