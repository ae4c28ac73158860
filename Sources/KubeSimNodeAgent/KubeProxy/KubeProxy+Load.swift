import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension KubeProxy {
  /// Sets the offered load of `service` ("namespace/name") from now on (the timeline's `load:`
  /// action); an off profile (`0rps`) stops it. Starts the traffic interval if it is not running.
  public func setLoad(_ service: String, _ profile: LoadProfile, _ ctx: inout ComponentContext) {
    flush(&ctx)
    if profile.isOff {
      loads[service] = nil
    } else {
      loads[service] = profile
      if traffic[service] == nil { traffic[service] = ServiceTraffic(service: service) }
    }
    if !ticking && !loads.isEmpty {
      ticking = true
      segmentStart = ctx.now
      intervalStart = ctx.now
      ctx.setTimer(at: ctx.now + ctx.settings.trafficInterval, token: Self.tickToken)
    }
  }

  /// The proxy mode from the settings.
  static func mode(_ s: SimulationSettings) -> ProxyMode {
    guard s.kubeProxyMode == "ipvs" else { return .iptables }
    return s.ipvsScheduler == "lc" ? .ipvsLeastConnection : .ipvsRoundRobin
  }

  /// The end of a traffic interval: the last segment is served, then each pod's served rate
  /// over the interval goes to the ledger, and the next interval starts.
  func tick(_ ctx: inout ComponentContext) {
    let now = ctx.now
    flush(&ctx)
    let intervalUs = max((now - (intervalStart ?? now)).microseconds, 1)
    lastInFlight.removeAll()
    settle(intervalUs, &ctx)
    var rates: [String: (served: Int64, inFlight: Int64)] = [:]
    for (key, served) in intervalServed {
      rates[key] = (served * 1_000_000_000 / intervalUs, lastInFlight[key] ?? 0)
    }
    podRates = rates
    intervalServed.removeAll()
    recordUsage(now, &ctx)
    intervalStart = now
    if loads.isEmpty {
      ticking = false
      segmentStart = nil
      intervalStart = nil
    } else {
      ctx.setTimer(at: now + ctx.settings.trafficInterval, token: Self.tickToken)
    }
  }

  /// Serves the load offered since the last segment boundary with the rules and pods as they
  /// were over it. Called before anything that changes routing (a rule sync, a pod that stops
  /// serving, a new load), so that failures are counted for exactly the time a stale rule was
  /// in place, not rounded to the traffic interval.
  func flush(_ ctx: inout ComponentContext) {
    let now = ctx.now
    guard ticking, let start = segmentStart, now > start else { return }
    let durationUs = (now - start).microseconds
    for service in loads.keys.sorted() {
      guard let profile = loads[service] else { continue }
      var stats = traffic[service] ?? ServiceTraffic(service: service)
      // milli-rps × µs = 10⁻⁹ requests; the remainder carries to the next segment.
      let acc = (carry[service] ?? 0) + profile.milliRPS(at: start) * durationUs
      let requests = acc / 1_000_000_000
      carry[service] = acc % 1_000_000_000
      stats.offered += requests
      serve(service, requests, durationUs, at: start, &stats, &ctx)
      traffic[service] = stats
    }
    segmentStart = now
  }

  func serve(
    _ service: String, _ requests: Int64, _ durationUs: Int64, at start: SimTime,
    _ stats: inout ServiceTraffic, _ ctx: inout ComponentContext
  ) {
    guard requests > 0 else { return }
    let endpoints = routedEndpoints(service)
    guard !endpoints.isEmpty else {
      stats.failed += requests
      stats.failedNoEndpoints += requests
      return
    }
    let keys = endpoints.map { e in
      (e.targetRef?.namespace ?? "default") + "/" + (e.targetRef?.name ?? "")
    }
    let routed = keys.map { RoutedEndpoint(name: $0, inFlight: (lastInFlight[$0] ?? 0) / 1000) }
    var router = routers[service] ?? ServiceRouter(mode: Self.mode(ctx.settings))
    let counts = ctx.withRandom("load") { rng in router.route(requests, to: routed, rng: &rng) }
    routers[service] = router
    for (i, key) in keys.enumerated() where counts[i] > 0 {
      let c = counts[i]
      guard let pod = servingPod(endpoints[i], at: start, ctx) else {
        stats.failed += c
        stats.failedStale += c
        continue
      }
      intervalRouted[service + "|" + key, default: (0, model(of: pod).capacity)].count += c
    }
  }

  /// Serves what each pod was sent over the interval that ends now: up to its capacity (the
  /// excess fails), with M/M/1 response times at the interval's arrival rate. Capacity is
  /// judged per traffic interval, not per segment, as a pod's queue absorbs sub-second bursts.
  func settle(_ intervalUs: Int64, _ ctx: inout ComponentContext) {
    for pair in intervalRouted.keys.sorted() {
      guard let routed = intervalRouted[pair] else { continue }
      let parts = pair.split(separator: "|", maxSplits: 1).map(String.init)
      let (service, key) = (parts[0], parts[1])
      var stats = traffic[service] ?? ServiceTraffic(service: service)
      let c = routed.count
      let arrival = c * 1_000_000_000 / intervalUs  // milli-rps
      var served = c
      var inFlight: Int64 = 0
      if let capacity = routed.capacity {
        served = min(c, capacity * intervalUs / 1_000_000_000)
        let over = c - served
        stats.failed += over
        stats.failedOverload += over
        if arrival < capacity {
          stats.latency.add(spareMilliRPS: capacity - arrival, count: served)
          // M/M/1 mean number in system ρ/(1 − ρ), in thousandths.
          inFlight = arrival * 1000 / (capacity - arrival)
        } else {
          stats.latency.addSaturated(served)
          inFlight = capacity * ctx.settings.requestTimeout.microseconds / 1_000_000
        }
      } else {
        stats.latency.addInstant(served)
      }
      stats.served += served
      traffic[service] = stats
      intervalServed[key, default: 0] += served
      lastInFlight[key, default: 0] += inFlight
    }
    intervalRouted.removeAll()
  }

  /// The pod behind `endpoint` if it still serves: it exists, runs, its containers run, and
  /// if it is being deleted its kubelet has not stopped it yet (the kubelet sees the deletion a
  /// watch delay after it, then runs the preStop hook, `sim.kubesim.io/prestop`, before SIGTERM;
  /// KubeSim's containers stop accepting requests at SIGTERM).
  func servingPod(_ endpoint: Endpoint, at time: SimTime, _ ctx: ComponentContext) -> Pod? {
    guard let ref = endpoint.targetRef, let name = ref.name,
      case .pod(let pod)? = ctx.api.get(.pod, ref.namespace ?? "default", name),
      pod.metadata.uid == ref.uid, pod.status.phase == .running
    else { return nil }
    for s in pod.status.containerStatuses where s.state.running == nil { return nil }
    if let deadline = pod.metadata.deletionTimestamp {
      let grace = SimDuration.seconds(pod.metadata.deletionGracePeriodSeconds ?? 0)
      let stopsAt = deadline - grace + ctx.settings.watchDelay + model(of: pod).preStop
      if time >= stopsAt { return nil }
    }
    return pod
  }

  /// The pod's capacity (the sum of its containers' `traffic(capacity=…)`, each capped by what
  /// its CPU limit allows: (limit − base) / per-request CPU) and preStop time, cached by uid.
  func model(of pod: Pod) -> (capacity: Int64?, preStop: SimDuration) {
    if let m = podModels[pod.metadata.uid] { return m }
    var capacity: Int64? = nil
    var preStop = SimDuration.zero
    for c in pod.spec.containers {
      let usage = UsageAnnotations.models(pod.metadata.annotations, container: c.name)
      var cap = usage.cpu?.capacityMilliRPS ?? usage.memory?.capacityMilliRPS
      if case .traffic(let base, let perRequest, _, _)? = usage.cpu,
        let limit = c.resources.limits["cpu"]?.milliValue
      {
        let request = c.resources.requests["cpu"]?.milliValue ?? 0
        let per = perRequest.resolve(request: request)
        if per > 0 {
          // CFS quota hook: a throttled container serves at most what its limit pays for.
          let byLimit = max(0, limit - base.resolve(request: request)) * 1_000_000 / per
          cap = min(cap ?? Int64.max, byLimit)
        }
      }
      if let cap { capacity = (capacity ?? 0) + cap }
      let behavior = ContainerBehavior.parse(pod.metadata.annotations, container: c.name).behavior
      preStop = max(preStop, behavior.preStop ?? .zero)
    }
    podModels[pod.metadata.uid] = (capacity, preStop)
    return (capacity, preStop)
  }

  /// Gives the traffic ledger each pod's served rate at every cAdvisor housekeeping instant
  /// (the first interval at or after it), so traffic-driven usage follows the load.
  func recordUsage(_ now: SimTime, _ ctx: inout ComponentContext) {
    let hk = MetricsPipeline.defaultHousekeepingInterval.microseconds
    let bucket = now.microseconds / hk
    guard bucket != lastHousekeeping else { return }
    lastHousekeeping = bucket
    let at = SimTime(microseconds: bucket * hk)
    var next: Set<String> = []
    for key in podRates.keys.sorted() {
      guard let r = podRates[key] else { continue }
      ctx.api.traffic.record(key, at: at, servedMilliRPS: r.served, inFlightMilli: r.inFlight)
      if r.served > 0 || r.inFlight > 0 { next.insert(key) }
    }
    for key in recordedPods.sorted() where podRates[key] == nil {
      ctx.api.traffic.record(key, at: at, servedMilliRPS: 0, inFlightMilli: 0)
    }
    recordedPods = next
  }
}
