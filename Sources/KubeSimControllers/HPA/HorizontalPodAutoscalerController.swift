import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The HorizontalPodAutoscaler controller (autoscaling/v2, resource metrics) for Deployments:
/// every sync period it reads the metrics-server view of the target's pods (`MetricsPipeline`),
/// computes a recommendation per metric (`ReplicaCalculator`, the largest wins, as upstream's
/// `computeReplicasForMetrics`), normalizes it with `behavior` (`ScalingBehavior`) and sets the
/// Deployment's `spec.replicas`, recording `SuccessfulRescale`.
///
/// KubeSim differences: only `Resource` metrics (cpu, memory) on Deployment targets; every pod with
/// a metric is treated as ready-for-CPU (no CPU initialization period yet); status is not written.
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
    guard hpa.spec.scaleTargetRef.kind == "Deployment",
      case .deployment(let d)? = ctx.api.get(.deployment, ns, hpa.spec.scaleTargetRef.name)
    else { return }
    let current = d.spec.replicas ?? 1
    // Upstream: "scaling is disabled since the replica count of the target is zero".
    if current == 0 { return }
    var desired: Int32 = -1
    var reason = ""
    for metric in hpa.spec.metrics where metric.type == "Resource" {
      guard let source = metric.resource else { continue }
      let pods = samples(d, ns, resource: source.name, &ctx)
      let rec: ReplicaCalculator.Recommendation
      let utilization: Bool
      do {
        if let target = source.target.averageUtilization {
          rec = try ReplicaCalculator.utilizationReplicas(
            current: current, targetUtilization: target, pods: pods)
          utilization = true
        } else if let avg = source.target.averageValue {
          rec = try ReplicaCalculator.averageValueReplicas(
            current: current,
            targetAverage: source.name == "cpu" ? avg.milliValue : avg.value, pods: pods)
          utilization = false
        } else {
          continue
        }
      } catch {
        continue
      }
      if rec.replicas > desired {
        desired = rec.replicas
        let what =
          utilization
          ? "\(source.name) resource utilization (percentage of request)"
          : "\(source.name) resource"
        reason = what
      }
    }
    if desired < 0 { return }
    let key = ns + "/" + hpa.metadata.name
    var history = histories[key] ?? ScalingHistory()
    let behavior = Self.behavior(hpa.spec.behavior)
    let next = behavior.normalize(
      desired: desired, current: current, min: hpa.spec.minReplicas ?? 1,
      max: hpa.spec.maxReplicas, now: ctx.now, history: &history)
    if next != current {
      var updated = d
      updated.spec.replicas = next
      if (try? ctx.api.update(.deployment(updated))) != nil {
        history.recordScale(from: current, to: next, at: ctx.now)
        // horizontal.go: "New size: %d; reason: %s", with "%s above target" / "below target".
        ctx.recordEvent(
          type: .normal, reason: "SuccessfulRescale",
          object: ObjectReference.to(.horizontalPodAutoscaler(hpa)),
          node: nil,
          message:
            "New size: \(next); reason: \(reason) \(next > current ? "above" : "below") target")
      }
    }
    histories[key] = history
  }

  /// The target's pods as the replica calculator sees them.
  func samples(_ d: Deployment, _ ns: String, resource: String, _ ctx: inout ComponentContext)
    -> [ReplicaCalculator.PodSample]
  {
    var result: [ReplicaCalculator.PodSample] = []
    for object in ctx.api.list(.pod, namespace: ns) {
      guard case .pod(let p) = object, d.spec.selector.matches(p.metadata.labels) else { continue }
      let state: ReplicaCalculator.PodState
      if p.metadata.deletionTimestamp != nil || p.status.phase == .failed {
        state = .ignored
      } else if PodUtil.isReady(p) {
        state = .ready
      } else {
        state = .unready
      }
      let request = p.spec.containers.reduce(Int64(0)) {
        let q = $1.resources.requests[resource]
        return $0 + (resource == "cpu" ? (q?.milliValue ?? 0) : (q?.value ?? 0))
      }
      let metric = pipeline.podMetrics(
        p, at: ctx.now, runSeed: ctx.api.seed, traffic: ctx.api.traffic
      ).map {
        resource == "cpu" ? $0.cpuMillis : $0.memoryBytes
      }
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
