import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension Kubelet {
  /// How far ahead one scan for a memory-limit crossing looks; a background re-check continues
  /// the next window, so a long run costs one scan per container per day.
  static let usageScanHorizon = SimDuration.hours(24)

  /// Schedules the OOM kill of container `i` at the first cAdvisor sample (10s grid) where its
  /// memory curve is above its limit (KubeSim: the kernel kills at the crossing; the curve is
  /// sampled, not integrated). Constant memory is handled at start; traffic-driven memory uses
  /// its baseline here (a base above the limit), its traffic at the kubelet's housekeeping
  /// (`killTrafficOverLimit`, `Kubelet+TrafficMemory.swift`).
  func scheduleMemoryCrossing(_ key: String, _ i: Int, _ ctx: inout ComponentContext) {
    guard let run = pods[key], i < run.containers.count else { return }
    let c = run.containers[i]
    guard let model = c.behavior.memoryUsage, let limit = c.memoryLimitBytes, c.running else {
      return
    }
    if case .constant = model { return }
    let spec =
      (c.isInit ? run.pod.spec.initContainers : run.pod.spec.containers).first { $0.name == c.name }
    let request = spec?.resources.requests["memory"]?.value ?? 0
    let p = run.pod.metadata
    let seed = UsageSeed.container(
      runSeed: ctx.api.seed, namespace: p.namespace ?? "default", pod: p.name, container: c.name)
    // Same per-container seed as `MetricsPipeline.podMetrics` (memory uses seed ^ 1).
    let input = UsageInput(time: ctx.now, request: request, seed: seed ^ 1)
    let from = ctx.now
    if let t = UsageScan.firstAbove(
      model, input, limit: limit, from: from, horizon: Self.usageScanHorizon,
      step: MetricsPipeline.defaultHousekeepingInterval)
    {
      schedule(.oom(pod: key, gen: run.gen, container: i, run: c.runs), at: t, &ctx)
    } else {
      schedule(
        .usageCheck(pod: key, gen: run.gen, container: i, run: c.runs),
        at: from + Self.usageScanHorizon, background: true, &ctx)
    }
  }
}
