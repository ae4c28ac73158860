import KubeSimKernel

/// Finds when a usage curve first goes above a threshold, so enforcement (the OOM killer at a
/// memory limit) costs one timer per crossing instead of one event per sample.
public enum UsageScan {
  /// The first cAdvisor-granularity time in (`from`, `from + horizon`] at which `model` exceeds
  /// `limit`, probing every `step`; nil if it does not within the horizon. Random walks are
  /// stepped incrementally (O(steps), not O(steps²)).
  public static func firstAbove(
    _ model: UsageModel, _ input: UsageInput, limit: Int64, from: SimTime, horizon: SimDuration,
    step: SimDuration
  ) -> SimTime? {
    let end = from + horizon
    if case .constant = model {
      var i = input
      i.time = from
      return model.value(i) > limit ? from : nil
    }
    if case .walk(let start, let stepAmount, let every, let lo, let hi) = model,
      every.microseconds > 0
    {
      let r = input.request
      let s = stepAmount.resolve(request: r)
      let l = lo.resolve(request: r)
      let h = hi.resolve(request: r)
      var k = UsageMath.bucket(from, every)
      var v = UsageMath.walk(
        start: start.resolve(request: r), step: s, min: l, max: h, steps: k, seed: input.seed)
      if v > limit { return from }
      while true {
        k += 1
        let t = SimTime(microseconds: k * every.microseconds)
        if t > end { return nil }
        v = UsageMath.walkStep(v, index: k, step: s, min: l, max: h, seed: input.seed)
        if v > limit { return t }
      }
    }
    let dt = Swift.max(step.microseconds, 1)
    var t = from.microseconds
    while t <= end.microseconds {
      var i = input
      i.time = SimTime(microseconds: t)
      if model.value(i) > limit { return SimTime(microseconds: t) }
      t += dt
    }
    return nil
  }
}
