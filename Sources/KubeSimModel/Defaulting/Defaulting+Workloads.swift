extension Defaulting {
  /// Deployment defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment): replicas 1,
  /// strategy RollingUpdate with maxUnavailable 25% and maxSurge 25%, revisionHistoryLimit 10,
  /// progressDeadlineSeconds 600; the template's PodSpec defaults.
  public static func apply(to d: inout Deployment) {
    if d.spec.replicas == nil { d.spec.replicas = 1 }
    var strategy = d.spec.strategy ?? DeploymentStrategy()
    if strategy.type == nil { strategy.type = .rollingUpdate }
    if strategy.type == .rollingUpdate {
      var ru = strategy.rollingUpdate ?? RollingUpdateDeployment()
      if ru.maxUnavailable == nil { ru.maxUnavailable = .string("25%") }
      if ru.maxSurge == nil { ru.maxSurge = .string("25%") }
      strategy.rollingUpdate = ru
    }
    d.spec.strategy = strategy
    if d.spec.revisionHistoryLimit == nil { d.spec.revisionHistoryLimit = 10 }
    if d.spec.progressDeadlineSeconds == nil { d.spec.progressDeadlineSeconds = 600 }
    apply(to: &d.spec.template.spec)
  }

  /// ReplicaSet defaults (SetDefaults_ReplicaSet): replicas 1; template PodSpec defaults.
  public static func apply(to rs: inout ReplicaSet) {
    if rs.spec.replicas == nil { rs.spec.replicas = 1 }
    apply(to: &rs.spec.template.spec)
  }

  /// DaemonSet defaults (SetDefaults_DaemonSet): updateStrategy RollingUpdate with
  /// maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10; template PodSpec defaults.
  public static func apply(to ds: inout DaemonSet) {
    var s = ds.spec.updateStrategy ?? DaemonSetUpdateStrategy()
    if s.type == nil || s.type == "" { s.type = "RollingUpdate" }
    if s.type == "RollingUpdate" {
      var ru = s.rollingUpdate ?? RollingUpdateDaemonSet()
      if ru.maxUnavailable == nil { ru.maxUnavailable = .int(1) }
      if ru.maxSurge == nil { ru.maxSurge = .int(0) }
      s.rollingUpdate = ru
    }
    ds.spec.updateStrategy = s
    if ds.spec.revisionHistoryLimit == nil { ds.spec.revisionHistoryLimit = 10 }
    apply(to: &ds.spec.template.spec)
  }

  /// StatefulSet defaults (SetDefaults_StatefulSet): podManagementPolicy OrderedReady,
  /// updateStrategy RollingUpdate with partition 0, PVC retention Retain/Retain, replicas 1,
  /// revisionHistoryLimit 10; template PodSpec defaults. (`rollingUpdate.maxUnavailable` is
  /// defaulted upstream only with the MaxUnavailableStatefulSet gate, off here.)
  public static func apply(to sts: inout StatefulSet) {
    if sts.spec.podManagementPolicy == nil || sts.spec.podManagementPolicy == "" {
      sts.spec.podManagementPolicy = "OrderedReady"
    }
    var s = sts.spec.updateStrategy ?? StatefulSetUpdateStrategy()
    if s.type == nil || s.type == "" {
      s.type = "RollingUpdate"
      if s.rollingUpdate == nil { s.rollingUpdate = RollingUpdateStatefulSetStrategy() }
    }
    if s.type == "RollingUpdate", var ru = s.rollingUpdate {
      if ru.partition == nil { ru.partition = 0 }
      s.rollingUpdate = ru
    }
    sts.spec.updateStrategy = s
    var retention =
      sts.spec.persistentVolumeClaimRetentionPolicy
      ?? StatefulSetPersistentVolumeClaimRetentionPolicy()
    if retention.whenDeleted == nil { retention.whenDeleted = "Retain" }
    if retention.whenScaled == nil { retention.whenScaled = "Retain" }
    sts.spec.persistentVolumeClaimRetentionPolicy = retention
    if sts.spec.replicas == nil { sts.spec.replicas = 1 }
    if sts.spec.revisionHistoryLimit == nil { sts.spec.revisionHistoryLimit = 10 }
    apply(to: &sts.spec.template.spec)
    for i in sts.spec.volumeClaimTemplates.indices {
      if sts.spec.volumeClaimTemplates[i].spec.volumeMode == nil {
        sts.spec.volumeClaimTemplates[i].spec.volumeMode = "Filesystem"
      }
    }
  }

  /// Job defaults (pkg/apis/batch/v1/defaults.go SetDefaults_Job): completions and parallelism
  /// 1 when both are unset, parallelism 1, backoffLimit 6 (MaxInt32 with backoffLimitPerIndex),
  /// labels from the template when the Job has none, completionMode NonIndexed, suspend false,
  /// manualSelector false, podReplacementPolicy TerminatingOrFailed (Failed with a
  /// podFailurePolicy); template PodSpec defaults.
  public static func apply(to job: inout Job) {
    if job.spec.completions == nil && job.spec.parallelism == nil {
      job.spec.completions = 1
      job.spec.parallelism = 1
    }
    if job.spec.parallelism == nil { job.spec.parallelism = 1 }
    if job.spec.backoffLimit == nil {
      job.spec.backoffLimit = job.spec.backoffLimitPerIndex != nil ? Int32.max : 6
    }
    if job.metadata.labels.isEmpty && !job.spec.template.metadata.labels.isEmpty {
      job.metadata.labels = job.spec.template.metadata.labels
    }
    if job.spec.completionMode == nil { job.spec.completionMode = .nonIndexed }
    if job.spec.suspend == nil { job.spec.suspend = false }
    if job.spec.manualSelector == nil { job.spec.manualSelector = false }
    if job.spec.podReplacementPolicy == nil {
      job.spec.podReplacementPolicy =
        job.spec.podFailurePolicy != nil ? "Failed" : "TerminatingOrFailed"
    }
    apply(to: &job.spec.template.spec)
  }

  /// The selector and template labels the Job registry adds on create when `manualSelector` is
  /// not true (`pkg/registry/batch/job/strategy.go` generateSelector): the
  /// `batch.kubernetes.io/controller-uid` and `batch.kubernetes.io/job-name` labels (and their
  /// legacy unprefixed forms) on the template, and a selector on the controller uid.
  public static func generateJobSelector(_ job: inout Job) {
    guard job.spec.manualSelector != true else { return }
    let uid = job.metadata.uid
    var labels = job.spec.template.metadata.labels
    labels["batch.kubernetes.io/controller-uid"] = uid
    labels["batch.kubernetes.io/job-name"] = job.metadata.name
    labels["controller-uid"] = uid
    labels["job-name"] = job.metadata.name
    job.spec.template.metadata.labels = labels
    if job.spec.selector == nil {
      job.spec.selector = LabelSelector(matchLabels: ["batch.kubernetes.io/controller-uid": uid])
    }
  }

  /// CronJob defaults (SetDefaults_CronJob): concurrencyPolicy Allow, suspend false, history
  /// limits 3 successful / 1 failed; the job template's PodSpec defaults (the Job-level defaults
  /// apply when the controller creates each Job).
  public static func apply(to cj: inout CronJob) {
    if cj.spec.concurrencyPolicy == nil { cj.spec.concurrencyPolicy = .allow }
    if cj.spec.suspend == nil { cj.spec.suspend = false }
    if cj.spec.successfulJobsHistoryLimit == nil { cj.spec.successfulJobsHistoryLimit = 3 }
    if cj.spec.failedJobsHistoryLimit == nil { cj.spec.failedJobsHistoryLimit = 1 }
    apply(to: &cj.spec.jobTemplate.spec.template.spec)
  }

  /// HorizontalPodAutoscaler defaults (pkg/apis/autoscaling/v2/defaults.go): minReplicas 1, a
  /// CPU utilization metric of 80% when none is given, and, when `behavior` is set, its unset
  /// rules filled from the defaults (GenerateHPAScaleUpRules / GenerateHPAScaleDownRules).
  public static func apply(to hpa: inout HorizontalPodAutoscaler) {
    if hpa.spec.minReplicas == nil { hpa.spec.minReplicas = 1 }
    if hpa.spec.metrics.isEmpty {
      // autoscaling v2 defaults.go: DefaultCPUUtilization = 80.
      let target = MetricTarget(type: "Utilization", averageUtilization: 80)
      hpa.spec.metrics = [
        MetricSpec(type: "Resource", resource: ResourceMetricSource(name: "cpu", target: target))
      ]
    }
    if var b = hpa.spec.behavior {
      b.scaleUp = fill(b.scaleUp, with: defaultScaleUp)
      b.scaleDown = fill(b.scaleDown, with: defaultScaleDown)
      hpa.spec.behavior = b
    }
  }

  /// Upstream scaleUpLimitPercent 100 / 15s, scaleUpLimitMinimumPods 4 / 15s, window 0, Max.
  public static let defaultScaleUp = HPAScalingRules(
    stabilizationWindowSeconds: 0, selectPolicy: "Max",
    policies: [
      HPAScalingPolicy(type: "Pods", value: 4, periodSeconds: 15),
      HPAScalingPolicy(type: "Percent", value: 100, periodSeconds: 15),
    ])

  /// Upstream scale-down default: 100% per 15s, stabilization window 300s, Max.
  public static let defaultScaleDown = HPAScalingRules(
    stabilizationWindowSeconds: 300, selectPolicy: "Max",
    policies: [HPAScalingPolicy(type: "Percent", value: 100, periodSeconds: 15)])

  static func fill(_ rules: HPAScalingRules?, with d: HPAScalingRules) -> HPAScalingRules {
    guard var r = rules else { return d }
    if r.stabilizationWindowSeconds == nil {
      r.stabilizationWindowSeconds = d.stabilizationWindowSeconds
    }
    if r.selectPolicy == nil { r.selectPolicy = d.selectPolicy }
    if r.policies.isEmpty { r.policies = d.policies }
    return r
  }

  /// PriorityClass defaults (pkg/apis/scheduling/v1/defaults.go): preemptionPolicy
  /// PreemptLowerPriority.
  public static func apply(to pc: inout PriorityClass) {
    if pc.preemptionPolicy == nil { pc.preemptionPolicy = .preemptLowerPriority }
  }

  /// StorageClass defaults (pkg/apis/storage/v1/defaults.go): reclaimPolicy Delete,
  /// volumeBindingMode Immediate.
  public static func apply(to sc: inout StorageClass) {
    if sc.reclaimPolicy == nil { sc.reclaimPolicy = "Delete" }
    if sc.volumeBindingMode == nil { sc.volumeBindingMode = "Immediate" }
  }
}
