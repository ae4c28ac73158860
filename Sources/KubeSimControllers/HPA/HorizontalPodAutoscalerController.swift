import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The HorizontalPodAutoscaler controller (autoscaling/v2, resource metrics) for Deployments:
/// every sync period it reads the metrics-server view of the target's pods (`MetricsPipeline`),
/// computes a recommendation per metric (`ReplicaCalculator`, the largest wins, as upstream's
/// `computeReplicasForMetrics`), normalizes it with `behavior` (`ScalingBehavior`) and sets the
/// Deployment's `spec.replicas`, recording `SuccessfulRescale`.
///
/// It writes the HPA's status as upstream does: `currentReplicas`, `desiredReplicas`,
/// `currentMetrics`, `lastScaleTime` and the conditions AbleToScale, ScalingActive and
/// ScalingLimited with upstream's reasons and messages, and records `FailedGetResourceMetric`
/// and `FailedComputeMetricsReplicas` when metrics-server has no usable metric. Pods are grouped
/// with the CPU initialization period (5m) and initial readiness delay (30s) (`PodGrouping`).
/// Without `spec.behavior` the legacy normalization applies (`HPANormalization.legacy`).
///
/// KubeSim differences: only `Resource` metrics (cpu, memory) on Deployment targets; events are
/// recorded at every sync (upstream's event recorder aggregates repeats).
public final class HorizontalPodAutoscalerController: Component {
  /// `--horizontal-pod-autoscaler-sync-period` default (kube-controller-manager, 15s).
  public static let defaultSyncPeriod = SimDuration.seconds(15)

  public let componentName = "horizontal-pod-autoscaler"
  public var watches: [WatchFilter] { [WatchFilter(kind: .horizontalPodAutoscaler)] }
  /// Whether the sync timer runs (only while HPAs exist, so runs without one are unchanged).
  var ticking = false
  let syncPeriod: SimDuration
  let pipeline: MetricsPipeline
  var histories: [String: ScalingHistory] = [:]

  public init(
    syncPeriod: SimDuration = HorizontalPodAutoscalerController.defaultSyncPeriod,
    pipeline: MetricsPipeline = MetricsPipeline()
  ) {
    self.syncPeriod = syncPeriod
    self.pipeline = pipeline
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    if case .added = change, !ticking {
      ticking = true
      ctx.setBackgroundTimer(at: ctx.now + syncPeriod, token: 0)
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    let all = ctx.api.list(.horizontalPodAutoscaler)
    for object in all {
      guard case .horizontalPodAutoscaler(let hpa) = object else { continue }
      sync(hpa, &ctx)
    }
    if all.isEmpty {
      ticking = false
    } else {
      ctx.setBackgroundTimer(at: ctx.now + syncPeriod, token: 0)
    }
  }

  func sync(_ hpa: HorizontalPodAutoscaler, _ ctx: inout ComponentContext) {
    let ns = hpa.metadata.namespace ?? "default"
    var status = hpa.status
    let ref = ObjectReference.to(.horizontalPodAutoscaler(hpa))
    guard hpa.spec.scaleTargetRef.kind == "Deployment",
      case .deployment(let d)? = ctx.api.get(.deployment, ns, hpa.spec.scaleTargetRef.name)
    else {
      // horizontal.go reconcileAutoscaler: FailedGetScale.
      let message =
        "deployments.apps \"\(hpa.spec.scaleTargetRef.name)\" not found"
      ctx.recordEvent(
        type: .warning, reason: "FailedGetScale", object: ref, node: nil, message: message)
      Self.setCondition(
        &status, "AbleToScale", .false, "FailedGetScale",
        "the HPA controller was unable to get the target's current scale: " + message, ctx.now)
      write(hpa, status, &ctx)
      return
    }
    let current = d.spec.replicas ?? 1
    Self.setCondition(
      &status, "AbleToScale", .true, "SucceededGetScale",
      "the HPA controller was able to get the target's current scale", ctx.now)
    status.currentReplicas = current
    let minReplicas = hpa.spec.minReplicas ?? 1
    var desired: Int32
    var reason = ""
    if current == 0 && minReplicas != 0 {
      // "scaling is disabled since the replica count of the target is zero".
      Self.setCondition(
        &status, "ScalingActive", .false, "ScalingDisabled",
        "scaling is disabled since the replica count of the target is zero", ctx.now)
      status.desiredReplicas = 0
      write(hpa, status, &ctx)
      return
    } else if current > hpa.spec.maxReplicas {
      desired = hpa.spec.maxReplicas
      reason = "Current number of replicas above Spec.MaxReplicas"
    } else if current < minReplicas {
      desired = minReplicas
      reason = "Current number of replicas below Spec.MinReplicas"
    } else {
      guard let proposal = computeReplicas(hpa, d, current: current, status: &status, &ctx) else {
        write(hpa, status, &ctx)
        return
      }
      let key = ns + "/" + hpa.metadata.name
      var history = histories[key] ?? ScalingHistory()
      let n =
        hpa.spec.behavior == nil
        ? HPANormalization.legacy(
          desired: proposal.replicas, current: current, min: minReplicas,
          max: hpa.spec.maxReplicas, now: ctx.now, history: &history)
        : Self.behavior(hpa.spec.behavior).normalizeWithConditions(
          desired: proposal.replicas, current: current, min: minReplicas,
          max: hpa.spec.maxReplicas, now: ctx.now, history: &history)
      histories[key] = history
      Self.setCondition(&status, "AbleToScale", .true, n.ableReason, n.ableMessage, ctx.now)
      Self.setCondition(
        &status, "ScalingLimited", n.scalingLimited ? .true : .false, n.limitedReason,
        n.limitedMessage, ctx.now)
      desired = n.replicas
      // horizontal.go reconcileAutoscaler, from the recommendation before normalization:
      // "%s above target" naming the metric, or "All metrics below target".
      if proposal.replicas > current {
        reason = "\(proposal.metricName) above target"
      } else if proposal.replicas < current {
        reason = "All metrics below target"
      }
    }
    status.desiredReplicas = desired
    if desired != current {
      var updated = d
      updated.spec.replicas = desired
      if (try? ctx.api.update(.deployment(updated))) != nil {
        let key = ns + "/" + hpa.metadata.name
        histories[key, default: ScalingHistory()].recordScale(
          from: current, to: desired, at: ctx.now)
        status.lastScaleTime = ctx.now
        Self.setCondition(
          &status, "AbleToScale", .true, "SucceededRescale",
          "the HPA controller was able to update the target scale to \(desired)", ctx.now)
        // horizontal.go: "New size: %d; reason: %s".
        ctx.recordEvent(
          type: .normal, reason: "SuccessfulRescale", object: ref, node: nil,
          message: "New size: \(desired); reason: \(reason)")
      }
    }
    write(hpa, status, &ctx)
  }

  /// Writes the status when it changed (upstream `updateStatusIfNeeded`).
  func write(
    _ hpa: HorizontalPodAutoscaler, _ status: HorizontalPodAutoscalerStatus,
    _ ctx: inout ComponentContext
  ) {
    guard status != hpa.status else { return }
    var updated = hpa
    updated.status = status
    _ = try? ctx.api.updateStatus(.horizontalPodAutoscaler(updated))
  }

  /// A proposal from the metrics: the largest recommendation and its metric's name.
  struct Proposal {
    var replicas: Int32
    var metricName: String
  }

  /// `computeReplicasForMetrics`: one recommendation per Resource metric (the largest wins),
  /// `currentMetrics` in the status, ScalingActive, and `FailedGetResourceMetric` /
  /// `FailedComputeMetricsReplicas` when metrics are missing. nil when no metric is usable.
  func computeReplicas(
    _ hpa: HorizontalPodAutoscaler, _ d: Deployment, current: Int32,
    status: inout HorizontalPodAutoscalerStatus, _ ctx: inout ComponentContext
  ) -> Proposal? {
    let ns = hpa.metadata.namespace ?? "default"
    let ref = ObjectReference.to(.horizontalPodAutoscaler(hpa))
    var best: Proposal?
    var metricStatuses: [HPAMetricStatus] = []
    var invalid = 0
    var firstError: String?
    let specs = hpa.spec.metrics.filter { $0.type == "Resource" && $0.resource != nil }
    for metric in specs {
      guard let source = metric.resource else { continue }
      let pods = samples(d, ns, resource: source.name, &ctx)
      do throws(ReplicaCalculator.Failure) {
        // replica_calculator.go: the metrics client fails first when metrics-server has
        // nothing for the selector ("no metrics returned from resource metrics API").
        if !pods.contains(where: { $0.metric != nil }) {
          throw ReplicaCalculator.Failure(
            message: "unable to get metrics for resource \(source.name): no metrics returned "
              + "from resource metrics API")
        }
        let rec: ReplicaCalculator.Recommendation
        let name: String
        if let target = source.target.averageUtilization {
          rec = try ReplicaCalculator.utilizationReplicas(
            current: current, targetUtilization: target, pods: pods)
          name = "\(source.name) resource utilization (percentage of request)"
          metricStatuses.append(
            HPAMetricStatus(
              resource: source.name, averageUtilization: Int32(clamping: rec.current),
              averageValueMilli: source.name == "cpu"
                ? rec.currentAverage : rec.currentAverage * 1000))
        } else if let avg = source.target.averageValue {
          let cpu = source.name == "cpu"
          rec = try ReplicaCalculator.averageValueReplicas(
            current: current, targetAverage: cpu ? avg.milliValue : avg.value, pods: pods)
          name = "\(source.name) resource"
          metricStatuses.append(
            HPAMetricStatus(
              resource: source.name, averageUtilization: nil,
              averageValueMilli: cpu ? rec.current : rec.current * 1000))
        } else {
          continue
        }
        if best == nil || rec.replicas > best?.replicas ?? 0 {
          best = Proposal(replicas: rec.replicas, metricName: name)
        }
      } catch {
        // computeStatusForResourceMetricGeneric: "failed to get %s utilization: %v".
        let err = "failed to get \(source.name) utilization: \(error.message)"
        ctx.recordEvent(
          type: .warning, reason: "FailedGetResourceMetric", object: ref, node: nil, message: err)
        Self.setCondition(
          &status, "ScalingActive", .false, "FailedGetResourceMetric",
          "the HPA was unable to compute the replica count: " + err, ctx.now)
        invalid += 1
        if firstError == nil {
          firstError = "failed to get \(source.name) resource metric value: " + err
        }
      }
    }
    status.currentMetrics = HPAMetricStatus.node(metricStatuses)
    if best == nil, let firstError {
      // computeReplicasForMetrics: "invalid metrics (%v invalid out of %v), first error is: %v".
      ctx.recordEvent(
        type: .warning, reason: "FailedComputeMetricsReplicas", object: ref, node: nil,
        message:
          "invalid metrics (\(invalid) invalid out of \(specs.count)), first error is: \(firstError)"
      )
      return nil
    }
    guard let best else { return nil }
    if invalid == 0 {
      Self.setCondition(
        &status, "ScalingActive", .true, "ValidMetricFound",
        "the HPA was able to successfully calculate a replica count from \(best.metricName)",
        ctx.now)
    }
    return best
  }

  /// upstream `setCondition`: replaces the condition of that type, keeping its transition time
  /// when the status does not change.
  static func setCondition(
    _ status: inout HorizontalPodAutoscalerStatus, _ type: String, _ value: ConditionStatus,
    _ reason: String, _ message: String, _ now: SimTime
  ) {
    var c = HorizontalPodAutoscalerCondition(
      type: type, status: value, lastTransitionTime: now, reason: reason, message: message)
    if let i = status.conditions.firstIndex(where: { $0.type == type }) {
      if status.conditions[i].status == value {
        c.lastTransitionTime = status.conditions[i].lastTransitionTime
      }
      status.conditions[i] = c
    } else {
      status.conditions.append(c)
    }
  }

  /// The target's pods as the replica calculator sees them.
  func samples(_ d: Deployment, _ ns: String, resource: String, _ ctx: inout ComponentContext)
    -> [ReplicaCalculator.PodSample]
  {
    var result: [ReplicaCalculator.PodSample] = []
    let metricTime = pipeline.housekeepingTime(at: pipeline.scrapeTime(at: ctx.now))
    for object in ctx.api.list(.pod, namespace: ns) {
      guard case .pod(let p) = object, d.spec.selector.matches(p.metadata.labels) else { continue }
      let request = p.spec.containers.reduce(Int64(0)) {
        let q = $1.resources.requests[resource]
        return $0 + (resource == "cpu" ? (q?.milliValue ?? 0) : (q?.value ?? 0))
      }
      let metric = pipeline.podMetrics(
        p, at: ctx.now, runSeed: ctx.api.seed, traffic: ctx.api.traffic
      ).map {
        resource == "cpu" ? $0.cpuMillis : $0.memoryBytes
      }
      let state = PodGrouping.state(
        p, resource: resource, hasMetric: metric != nil, metricTime: metricTime,
        window: pipeline.metricResolution, now: ctx.now)
      result.append(.init(name: p.metadata.name, state: state, metric: metric, request: request))
    }
    return result.sorted { $0.name < $1.name }
  }

  /// The spec's behavior with upstream's defaults for what is unset.
  static func behavior(_ b: HorizontalPodAutoscalerBehavior?) -> ScalingBehavior {
    var result = ScalingBehavior.default
    func rules(_ r: HPAScalingRules?, _ base: ScalingBehavior.Rules) -> ScalingBehavior.Rules {
      guard let r else { return base }
      var out = base
      if let w = r.stabilizationWindowSeconds { out.stabilizationWindow = .seconds(Int64(w)) }
      switch r.selectPolicy {
      case "Min": out.select = .min
      case "Disabled": out.select = .disabled
      case "Max": out.select = .max
      default: break
      }
      if !r.policies.isEmpty {
        out.policies = r.policies.map {
          .init(
            $0.type == "Pods" ? .pods : .percent, $0.value,
            period: .seconds(Int64($0.periodSeconds)))
        }
      }
      return out
    }
    result.scaleUp = rules(b?.scaleUp, result.scaleUp)
    result.scaleDown = rules(b?.scaleDown, result.scaleDown)
    return result
  }
}
