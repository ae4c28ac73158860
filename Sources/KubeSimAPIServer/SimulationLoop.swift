import KubeSimKernel
import KubeSimModel

/// The event loop under the API server: the clock, the kernel queue, timers, watch deliveries,
/// subscriptions and the named random streams of one run.
///
/// Events are small values (`Event`), not closures. A write enqueues one delivery event per
/// write, `watchDelay` later; when it fires, the change goes to every matching subscription in
/// registration order. Subscriptions with a `nodeName` filter are indexed by node, so a pod
/// write costs O(subscribers of its kind without a node filter + 1), not O(nodes).
package final class SimulationLoop {
  /// A kernel event.
  package enum Event: Sendable {
    /// Deliver pending delivery number `seq` (a change, or a component's initial list).
    case deliver(UInt64)
    /// A component's timer.
    case timer(component: Int32, token: UInt64, id: UInt64)
    /// A component's `start` callback.
    case start(component: Int32)
    /// A paused component comes back (`pause(component:until:restart:)`).
    case resume(component: Int32)
    /// A heartbeat train fires (`SimulationLoop+HeartbeatTrains.swift`).
    case train(Int32)
  }

  /// What a delivery event carries.
  package enum Delivery {
    /// One change, for subscriptions registered before the write (`subscriptionLimit`).
    case change(kind: ObjectKind, change: WatchChange, subscriptionLimit: Int)
    /// The informer's initial list for one subscription.
    case initialList(subscription: Int, objects: [APIObject])
  }

  /// A component's interest in one `WatchFilter`.
  package struct Subscription {
    package var component: Int
    package var filter: WatchFilter
  }

  package private(set) var now: SimTime = .zero
  package var queue = EventQueue<Event>()
  /// Heartbeat trains by id (`SimulationLoop+HeartbeatTrains.swift`); nil once every member left.
  var trains: [HeartbeatTrain?] = []
  /// Trains with a pending event (background work, like heartbeat timers).
  var pendingTrains = 0
  /// The train a heartbeat starting now may join: nothing else has been scheduled for its
  /// next fire time since it was created or last joined (see `joinTrain`).
  var mergeableTrain: (id: Int, fireTime: SimTime)?
  package var streams: RandomStreams
  package let watchDelay: SimDuration

  package private(set) var components: [any Component] = []
  package private(set) var subscriptions: [Subscription] = []
  /// Subscriptions without a node filter, by kind, in registration order.
  private var subscriptionsByKind: [ObjectKind: [Int]] = [:]
  /// Subscriptions with a node filter, by kind then node, in registration order.
  private var subscriptionsByNode: [ObjectKind: [String: [Int]]] = [:]

  /// Pending deliveries; entry `i` has sequence number `deliveryBase + i`.
  private var deliveries: [Delivery?] = []
  private var deliveryBase: UInt64 = 0
  private var deliveryHead = 0

  private var nextTimerID: UInt64 = 1
  /// Live timers: id → kernel event, for cancellation. Only looked up, never iterated.
  private var liveTimers: [UInt64: EventID] = [:]
  /// Ids of pending background timers (periodic housekeeping such as heartbeats). Only looked
  /// up, never iterated.
  private var backgroundTimers: Set<UInt64> = []

  /// Called on every write, before its delivery is enqueued (the API server's change tracking,
  /// `APIServer+ChangeTracking.swift`).
  package var onWrite: ((ObjectKind, WatchChange) -> Void)?

  /// Number of kernel events processed so far.
  package private(set) var processedEvents = 0

  /// Per component: paused until then (a control-plane outage), and whether it comes back as a
  /// restarted process. Only indexed, never iterated.
  private var pausedUntil: [Int: (until: SimTime, restart: Bool)] = [:]
  /// Changes a paused component missed, in delivery order, per component.
  private var held: [Int: [WatchChange]] = [:]

  package init(seed: UInt64, watchDelay: SimDuration) {
    self.streams = RandomStreams(seed: seed)
    self.watchDelay = watchDelay
  }

  // MARK: Components and subscriptions

  /// Registers a component: its subscriptions take effect for every later write; its initial
  /// lists (`initial(filter)`) and `start` are delivered per the `Component` contract.
  package func register(
    _ component: any Component, initial: (WatchFilter) -> [APIObject]
  ) {
    let index = components.count
    components.append(component)
    scheduleEvent(.start(component: Int32(index)), at: now)
    for filter in component.watches {
      let sub = subscriptions.count
      subscriptions.append(Subscription(component: index, filter: filter))
      if let node = filter.nodeName {
        subscriptionsByNode[filter.kind, default: [:]][node, default: []].append(sub)
      } else {
        subscriptionsByKind[filter.kind, default: []].append(sub)
      }
      let objects = initial(filter)
      if !objects.isEmpty {
        enqueue(.initialList(subscription: sub, objects: objects))
      }
    }
  }

  /// Enqueues the delivery of a change `watchDelay` from now.
  package func publish(_ kind: ObjectKind, _ change: WatchChange) {
    onWrite?(kind, change)
    guard subscriptionsByKind[kind] != nil || subscriptionsByNode[kind] != nil else { return }
    enqueue(.change(kind: kind, change: change, subscriptionLimit: subscriptions.count))
  }

  private func enqueue(_ delivery: Delivery) {
    let seq = deliveryBase + UInt64(deliveries.count)
    deliveries.append(delivery)
    scheduleEvent(.deliver(seq), at: now + watchDelay)
  }

  private func takeDelivery(_ seq: UInt64) -> Delivery? {
    guard seq >= deliveryBase else { return nil }
    let i = Int(seq - deliveryBase)
    guard i < deliveries.count, let d = deliveries[i] else { return nil }
    deliveries[i] = nil
    // Compact the consumed prefix now and then (deliveries are consumed in order).
    while deliveryHead < deliveries.count, deliveries[deliveryHead] == nil { deliveryHead += 1 }
    if deliveryHead > 4096, deliveryHead * 2 > deliveries.count {
      deliveries.removeFirst(deliveryHead)
      deliveryBase += UInt64(deliveryHead)
      deliveryHead = 0
    }
    return d
  }

  // MARK: Timers and randomness

  package func setTimer(
    component: Int, at time: SimTime, token: UInt64, background: Bool = false
  ) -> TimerID {
    let id = nextTimerID
    nextTimerID += 1
    if background { backgroundTimers.insert(id) }
    let event = scheduleEvent(
      .timer(component: Int32(component), token: token, id: id), at: max(time, now))
    liveTimers[id] = event
    return TimerID(rawValue: id)
  }

  package func cancelTimer(_ id: TimerID) {
    if let event = liveTimers.removeValue(forKey: id.rawValue) {
      queue.cancel(event)
      backgroundTimers.remove(id.rawValue)
    }
  }

  package func withRandom<R>(_ name: String, _ body: (inout RandomStream) -> R) -> R {
    streams.withStream(named: name, body)
  }

  // MARK: Outages

  /// Pauses component `index` until `until`: its timers that come due meanwhile fire at
  /// `until` instead (in their order), the changes it would have received are held and
  /// delivered then, in order, after `LeaderElectedComponent.restarted` when `restart`. A later
  /// pause extends an earlier one.
  package func pause(component index: Int, until: SimTime, restart: Bool) {
    let previous = pausedUntil[index]
    let end = max(previous?.until ?? until, until)
    pausedUntil[index] = (end, restart || (previous?.restart ?? false))
    scheduleEvent(.resume(component: Int32(index)), at: end)
  }

  /// Whether component `index` is paused now.
  package func isPaused(_ index: Int) -> Bool {
    guard let p = pausedUntil[index] else { return false }
    return now < p.until
  }

  private func resume(_ index: Int, _ api: APIServer) {
    guard let p = pausedUntil[index], p.until <= now else { return }
    pausedUntil[index] = nil
    if p.restart, let c = components[index] as? any LeaderElectedComponent {
      var ctx = ComponentContext(api: api, componentIndex: index)
      c.restarted(&ctx)
    }
    let missed = held.removeValue(forKey: index) ?? []
    for change in missed {
      var ctx = ComponentContext(api: api, componentIndex: index)
      components[index].observe(change, &ctx)
    }
  }

  // MARK: Running

  /// The time of the next pending event.
  package var nextEventTime: SimTime? { queue.peekTime }

  /// True when some pending event is not a background timer: the run has work left besides
  /// periodic housekeeping.
  package var hasForegroundEvents: Bool {
    queue.count > backgroundTimers.count + pendingTrains
  }

  /// Schedules a kernel event. Every event goes through here, so that a heartbeat train stops
  /// accepting members once anything else is scheduled for its next fire time (it would have
  /// been ordered between them).
  @discardableResult
  func scheduleEvent(_ event: Event, at time: SimTime) -> EventID {
    if let m = mergeableTrain, m.fireTime == time { mergeableTrain = nil }
    return queue.schedule(event, at: time)
  }

  /// Processes every event of the next instant (including events scheduled for that same
  /// instant while processing it). Returns false when nothing is pending.
  package func processInstant(_ api: APIServer, limit: Int) -> Bool {
    guard let t = queue.peekTime else { return false }
    now = t
    while let next = queue.peekTime, next == t, processedEvents < limit {
      guard let (_, _, event) = queue.popNext() else { break }
      processedEvents += 1
      dispatch(event, api)
    }
    return true
  }

  /// Moves the clock forward to `t` without processing (the caller has processed every event
  /// before `t`).
  package func advance(to t: SimTime) {
    if t > now { now = t }
  }

  private func dispatch(_ event: Event, _ api: APIServer) {
    switch event {
    case .start(let c):
      var ctx = ComponentContext(api: api, componentIndex: Int(c))
      components[Int(c)].start(&ctx)
    case .resume(let c):
      resume(Int(c), api)
    case .train(let id):
      fireTrain(Int(id), api)
    case .timer(let c, let token, let id) where !pausedUntil.isEmpty && isPaused(Int(c)):
      // A paused component's timer waits for its return.
      if let until = pausedUntil[Int(c)]?.until {
        liveTimers[id] = scheduleEvent(.timer(component: c, token: token, id: id), at: until)
      }
    case .timer(let c, let token, let id):
      liveTimers[id] = nil
      if !backgroundTimers.isEmpty { backgroundTimers.remove(id) }
      var ctx = ComponentContext(api: api, componentIndex: Int(c))
      components[Int(c)].timerFired(token, &ctx)
    case .deliver(let seq):
      guard let delivery = takeDelivery(seq) else { return }
      switch delivery {
      case .initialList(let sub, let objects):
        let component = components[subscriptions[sub].component]
        if isPaused(subscriptions[sub].component) {
          held[subscriptions[sub].component, default: []] += objects.map { .added($0) }
          return
        }
        for object in objects {
          var ctx = ComponentContext(api: api, componentIndex: subscriptions[sub].component)
          component.observe(.added(object), &ctx)
        }
      case .change(let kind, let change, let limit):
        deliver(kind, change, limit, api)
      }
    }
  }

  private func deliver(_ kind: ObjectKind, _ change: WatchChange, _ limit: Int, _ api: APIServer) {
    // Three ascending lists (all-objects subscriptions, the old node's, the new node's) merged
    // on the fly, so delivery is in registration order without allocating.
    let all = subscriptionsByKind[kind] ?? []
    var oldSubs: [Int] = []
    var newSubs: [Int] = []
    if let byNode = subscriptionsByNode[kind] {
      let (oldNode, newNode) = change.nodeNames
      if let oldNode { oldSubs = byNode[oldNode] ?? [] }
      if let newNode, newNode != oldNode { newSubs = byNode[newNode] ?? [] }
    }
    var i = 0
    var j = 0
    var k = 0
    while true {
      let a = i < all.count ? all[i] : Int.max
      let b = j < oldSubs.count ? oldSubs[j] : Int.max
      let c = k < newSubs.count ? newSubs[k] : Int.max
      let sub = min(a, b, c)
      guard sub < limit else { return }
      if sub == a { i += 1 } else if sub == b { j += 1 } else { k += 1 }
      let subscription = subscriptions[sub]
      let paused = !pausedUntil.isEmpty && isPaused(subscription.component)
      var ctx = ComponentContext(api: api, componentIndex: subscription.component)
      if let node = subscription.filter.nodeName {
        guard let filtered = change.filtered(byNode: node) else { continue }
        if paused {
          held[subscription.component, default: []].append(filtered)
        } else {
          components[subscription.component].observe(filtered, &ctx)
        }
      } else if paused {
        held[subscription.component, default: []].append(change)
      } else {
        // Without a node filter the change goes as it is (no copy of its objects).
        components[subscription.component].observe(change, &ctx)
      }
    }
  }
}

extension WatchChange {
  /// The pod's `spec.nodeName` before and after the change (nil for other kinds).
  var nodeNames: (old: String?, new: String?) {
    switch self {
    case .added(let o): return (nil, o.podNodeName)
    case .modified(let old, let new): return (old.podNodeName, new.podNodeName)
    case .deleted(let o): return (o.podNodeName, nil)
    }
  }

  /// The change as a watch with field selector `spec.nodeName=node` sees it, or nil if the
  /// object matches neither before nor after. Upstream: cacher `cache_watcher.go`
  /// `convertToWatchEvent` (object entering the selector → ADDED, leaving → DELETED).
  func filtered(byNode node: String?) -> WatchChange? {
    guard let node else { return self }
    switch self {
    case .added(let o): return o.podNodeName == node ? self : nil
    case .deleted(let o): return o.podNodeName == node ? self : nil
    case .modified(let old, let new):
      let was = old.podNodeName == node
      let isNow = new.podNodeName == node
      if was && isNow { return self }
      if isNow { return .added(new) }
      if was { return .deleted(old) }
      return nil
    }
  }
}

extension APIObject {
  /// `spec.nodeName` of a pod; nil for other kinds and unbound pods.
  var podNodeName: String? {
    if case .pod(let pod) = self { return pod.spec.nodeName }
    return nil
  }
}
