import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension KubeProxy {
  /// Sets the offered load of `service` ("namespace/name") from now on (the timeline's `load:`
  /// action); an off profile (`0rps`) stops it. Starts the traffic interval if it is not running.
  public func setLoad(_ service: String, _ profile: LoadProfile, _ ctx: inout ComponentContext) {
    flush(&ctx)
    let i = slot(service)
    if profile.isOff {
      slots[i].profile = nil
      loaded.removeAll { $0 == i }
    } else {
      if slots[i].profile == nil {
        let at = loaded.firstIndex { slots[$0].key > service } ?? loaded.count
        loaded.insert(i, at: at)
      }
      slots[i].profile = profile
      if slots[i].stats == nil { slots[i].stats = ServiceTraffic(service: service) }
    }
    if !ticking && !loaded.isEmpty {
      ticking = true
      segmentStart = ctx.now
      intervalStart = ctx.now
      ctx.setBackgroundTimer(at: ctx.now + ctx.settings.trafficInterval, token: Self.tickToken)
    }
  }

  /// The proxy mode from the settings.
  static func mode(_ s: SimulationSettings) -> ProxyMode {
    guard s.kubeProxyMode == "ipvs" else { return .iptables }
    return s.ipvsScheduler == "lc" ? .ipvsLeastConnection : .ipvsRoundRobin
  }

  /// The proxy mode, traffic interval (µs) and request timeout, read from the settings once.
  func settings(_ ctx: ComponentContext) -> (
    mode: ProxyMode, intervalUs: Int64, timeout: SimDuration
  ) {
    if let c = config { return c }
    let s = ctx.settings
    let c = (Self.mode(s), s.trafficInterval.microseconds, s.requestTimeout)
    config = c
    return c
  }

  /// The end of a traffic interval: the last segment is served, what each pod was sent is
  /// settled against its capacity, each Service's served rate goes to the ledger, and the next
  /// interval starts.
  func tick(_ ctx: inout ComponentContext) {
    let now = ctx.now
    flush(&ctx)
    let intervalUs = max((now - (intervalStart ?? now)).microseconds, 1)
    lastInFlight.removeAll()
    settle(intervalUs, &ctx)
    recordUsage(now, intervalUs, &ctx)
    recordHistory(now)
    for i in slotOrder {
      slots[i].served = 0
      slots[i].inFlight = 0
    }
    intervalStart = now
    if loaded.isEmpty {
      ticking = false
      segmentStart = nil
      intervalStart = nil
    } else {
      ctx.setBackgroundTimer(at: now + ctx.settings.trafficInterval, token: Self.tickToken)
    }
  }

  /// Serves the load offered since the last segment boundary with the rules and pods as they
  /// were over it. Called before anything that changes routing (a rule sync, a pod that stops
  /// serving, a new load), so that failures are counted for exactly the time a stale rule was
  /// in place, not rounded to the traffic interval.
  ///
  /// Aggregate path: when every routed pod serves and has the same capacity, the mode is not
  /// least-connection, and the outcome cannot depend on the split (over a traffic interval at
  /// this segment's rate, every pod's share is clearly within its capacity or clearly past it:
  /// IPVS rr the larger and the smaller share, iptables the mean share ± 6 standard deviations
  /// of the random split; capacity is judged per interval, `settle`), the split is summarised by
  /// its mean and no draw is taken. Otherwise every endpoint's count is drawn (`serveEach`).
  func flush(_ ctx: inout ComponentContext) {
    let now = ctx.now
    guard ticking, let start = segmentStart, now > start else { return }
    let durationUs = (now - start).microseconds
    let (mode, intervalUs, _) = settings(ctx)
    for i in loaded {
      let (requests, rate) = slots[i].offer(from: start, durationUs: durationUs)
      guard requests > 0 else { continue }
      // Only the aggregate path asks whether every endpoint serves.
      if slots[i].allServing == nil, mode != .ipvsLeastConnection, slots[i].uniform != nil {
        slots[i].allServing = servesAll(i, at: start, ctx)
      }
      if !slots[i].takeAggregate(requests, rate: rate, mode: mode, intervalUs: intervalUs) {
        serveEach(i, requests, mode: mode, at: start, &ctx)
      }
    }
    segmentStart = now
  }

  /// Routes one segment's requests of the Service in slot `i` endpoint by endpoint: every
  /// endpoint's count is drawn (`ServiceRouter`); those sent to a pod that no longer serves
  /// fail, the others wait for `settle`.
  func serveEach(
    _ i: Int, _ requests: Int64, mode: ProxyMode, at start: SimTime,
    _ ctx: inout ComponentContext
  ) {
    guard let route = slots[i].route else { return }
    let routed = route.keys.map {
      RoutedEndpoint(name: $0, inFlight: (lastInFlight[$0] ?? 0) / 1000)
    }
    var router = slots[i].router ?? ServiceRouter(mode: mode)
    let counts = ctx.withRandom("load") { rng in router.route(requests, to: routed, rng: &rng) }
    slots[i].router = router
    for (j, key) in route.keys.enumerated() where counts[j] > 0 {
      let c = counts[j]
      guard servingPod(route.targets[j], key: key, at: start, ctx) else {
        slots[i].stats?.failed += c
        slots[i].stats?.failedStale += c
        continue
      }
      intervalRouted[i, default: [:]][key, default: (0, route.capacities[j])].count += c
    }
  }

  /// Whether every routed endpoint of the Service in slot `i` serves at `time` (the caller
  /// caches it in `allServing` until a rule sync, a pod change or a preStop end invalidates it).
  func servesAll(_ i: Int, at time: SimTime, _ ctx: ComponentContext) -> Bool {
    guard let route = slots[i].route else { return false }
    for j in route.targets.indices
    where !servingPod(route.targets[j], key: route.keys[j], at: time, ctx) {
      return false
    }
    return true
  }

  /// Serves what each pod was sent over the interval that ends now: up to its capacity (the
  /// excess fails), with M/M/1 response times at the interval's arrival rate. Capacity is
  /// judged per traffic interval, not per segment, as a pod's queue absorbs sub-second bursts.
  func settle(_ intervalUs: Int64, _ ctx: inout ComponentContext) {
    let timeout = settings(ctx).timeout
    for i in slotOrder where slots[i].aggregate > 0 {
      let n = slots[i].aggregatePods
      let capacity = slots[i].aggregateCapacity
      if intervalRouted[i] != nil, let route = slots[i].route, Int64(route.keys.count) == n,
        route.uniform == .some(capacity)
      {
        // Part of the interval went endpoint by endpoint: the mean shares join those counts
        // (the remainder to the first endpoints), so each pod's capacity is judged once.
        let total = slots[i].aggregate
        slots[i].aggregate = 0
        let each = total / n
        let extra = Int(total % n)
        for (j, key) in route.keys.enumerated() {
          let share = each + (j < extra ? 1 : 0)
          guard share > 0 else { continue }
          intervalRouted[i, default: [:]][key, default: (0, capacity)].count += share
        }
      } else {
        slots[i].settleAggregate(intervalUs, timeout)
      }
    }
    // Each pod's share is settled on its own and only summed: the order does not matter.
    for (i, pods) in intervalRouted {
      if slots[i].stats == nil { slots[i].stats = ServiceTraffic(service: slots[i].key) }
      for (key, routed) in pods {
        guard
          let (served, inFlight) = slots[i].stats?.queue(
            routed.count, pods: 1, capacity: routed.capacity, intervalUs, timeout)
        else { continue }
        slots[i].served += served
        slots[i].inFlight += inFlight
        lastInFlight[key, default: 0] += inFlight
      }
    }
    intervalRouted.removeAll()
  }

  /// Whether the pod an endpoint names (`ref`, whose "namespace/name" is `key`) still serves: it
  /// exists, runs, its containers run, and if it is being deleted its kubelet has not stopped it
  /// yet (the kubelet sees the deletion a
  /// watch delay after it, then runs the preStop hook, `sim.kubesim.io/prestop`, before SIGTERM;
  /// KubeSim's containers stop accepting requests at SIGTERM).
  func servingPod(_ ref: PodTarget, key: String, at time: SimTime, _ ctx: ComponentContext)
    -> Bool
  {
    guard let name = ref.name else { return false }
    dropStaleFacts(ctx)
    var facts: PodServingFacts
    if let cached = servingFacts[key] {
      facts = cached
    } else {
      guard case .pod(let pod)? = ctx.api.get(.pod, ref.namespace, name) else {
        return false
      }
      facts = PodServingFacts(
        uid: pod.metadata.uid,
        runs: pod.status.phase == .running
          && pod.status.containerStatuses.allSatisfy { $0.state.running != nil },
        node: pod.spec.nodeName, deletion: nil)
      if let deadline = pod.metadata.deletionTimestamp {
        let grace = SimDuration.seconds(pod.metadata.deletionGracePeriodSeconds ?? 0)
        facts.deletion = deadline - grace + ctx.settings.watchDelay + model(of: pod).preStop
      }
      servingFacts[key] = facts
    }
    guard facts.uid == ref.uid, facts.runs else { return false }
    if let node = facts.node, ctx.api.traffic.downNodes.contains(node) { return false }
    if let stopsAt = facts.deletion, time >= stopsAt { return false }
    return true
  }

  /// Forgets what was read of pods written since (the API server's pod change tracker), so a
  /// cached fact or capacity is always the stored pod's.
  func dropStaleFacts(_ ctx: ComponentContext) {
    if podTracker == nil { podTracker = ctx.api.registerPodChangeTracker() }
    guard let t = podTracker, ctx.api.hasPodChanges(t) else { return }
    for key in ctx.api.takePodChanges(t) {
      servingFacts[key] = nil
      capacityByPod[key] = nil
    }
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
      if let cpu = usage.cpu,
        let byLimit = CPUThrottling.maxServedMilliRPS(
          cpu, request: c.resources.requests["cpu"]?.milliValue ?? 0,
          limitMillis: c.resources.limits["cpu"]?.milliValue)
      {
        // CFS quota: a throttled container serves at most what its CPU limit pays for.
        cap = min(cap ?? Int64.max, byLimit)
      }
      if let cap { capacity = (capacity ?? 0) + cap }
      let behavior = ContainerBehavior.parse(pod.metadata.annotations, container: c.name).behavior
      preStop = max(preStop, behavior.preStop ?? .zero)
    }
    podModels[pod.metadata.uid] = (capacity, preStop)
    return (capacity, preStop)
  }

  /// Gives the traffic ledger each Service's served rate per endpoint at every cAdvisor
  /// housekeeping instant (the first interval at or after it), so traffic-driven usage follows
  /// the load.
  func recordUsage(_ now: SimTime, _ intervalUs: Int64, _ ctx: inout ComponentContext) {
    let hk = MetricsPipeline.defaultHousekeepingInterval.microseconds
    let bucket = now.microseconds / hk
    guard bucket != lastHousekeeping else { return }
    lastHousekeeping = bucket
    let at = SimTime(microseconds: bucket * hk)
    for i in slotOrder {
      let n = slots[i].endpointCount
      guard n > 0 else { continue }
      ctx.api.traffic.record(
        service: slots[i].key, at: at,
        servedMilliRPS: slots[i].served * 1_000_000_000 / intervalUs / n,
        inFlightMilli: slots[i].inFlight / n)
    }
  }

  /// Keeps each loaded Service's totals at the first interval of every `historyStep`.
  func recordHistory(_ now: SimTime) {
    guard let step = historyStep, step.microseconds > 0 else { return }
    let bucket = now.microseconds / step.microseconds
    guard bucket != lastHistoryBucket else { return }
    lastHistoryBucket = bucket
    for i in slotOrder {
      guard let s = slots[i].stats else { continue }
      history[i, default: []].append((now, s.offered, s.served, s.failed))
    }
  }

  /// A machine went down or came back (a fault): serve the load up to now with the old state,
  /// then mark it, so requests fail from this instant exactly.
  public func setNode(_ node: String, down: Bool, _ ctx: inout ComponentContext) {
    flush(&ctx)
    ctx.api.traffic.setNode(node, down: down)
    for i in slots.indices { slots[i].allServing = nil }
  }
}
