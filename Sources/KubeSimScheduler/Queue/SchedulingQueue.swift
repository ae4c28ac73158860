import KubeSimKernel

/// The scheduling queue: activeQ, backoffQ and the unschedulable pool of upstream
/// pkg/scheduler/backend/queue/scheduling_queue.go (v1.35, SchedulerPopFromBackoffQ on).
///
/// - activeQ is ordered as PrioritySort (`queuesort/priority_sort.go`): higher `spec.priority`
///   first, then the earlier queue timestamp; KubeSim breaks remaining ties by insertion
///   sequence (upstream's heap has no defined order for full ties).
/// - A pod rejected by plugins goes to the unschedulable pool with `timestamp = now` and the
///   names of the rejecting plugins. A cluster event (`moveToActiveOrBackoff(on:)`) moves the
///   pooled pods one of whose rejecting plugins registered for it (`ClusterEvents`; QueueingHints
///   simplified to "always Queue") to activeQ if their backoff is over, else to backoffQ.
/// - Backoff: `1s · 2^(attempts−1)` capped at 10s (`calculateBackoffDuration`); the expiry is
///   aligned to the 1s ordering window (`alignToWindow` truncates), and a pod is still backing off
///   while `expiry ≥ truncate(now, 1s)`; so its backoff ends at `truncate(ts + d, 1s) + 1s`.
/// - `flushBackoffQCompleted` runs every 1s on whole seconds; `flushUnschedulablePodsLeftover`
///   every 30s moves pods pooled for more than 5 minutes.
/// - When activeQ is empty, `pop` takes the head of backoffQ even before its backoff ends
///   (SchedulerPopFromBackoffQ, beta and on since v1.33).
/// - A pod whose attempt hit an error (no rejecting plugin: no nodes, a failed bind, a PreBind or
///   Bind error) goes straight to the error backoffQ (`addAfterError`; backoff_queue.go
///   `podErrorBackoffQ`, ordered by backoff expiry only): it is retried when its backoff ends,
///   cluster events do not move it, and `pop` never takes it early.
/// - Events that arrive while a pod is in flight are remembered; if one concerns a plugin that
///   then rejects the pod, the pod is requeued (backoffQ or activeQ) instead of pooled
///   (scheduling_queue.go `determineSchedulingHintForInFlightPod`, hints simplified to Queue).
public struct SchedulingQueue<Item: Sendable>: Sendable {
  /// A queued pod (upstream `QueuedPodInfo`).
  public struct Entry: Sendable {
    public var item: Item
    public var key: String
    public var priority: Int32
    /// When the pod was last added to the queue (upstream `Timestamp`).
    public var timestamp: SimTime
    /// Scheduling attempts so far (upstream `Attempts`, incremented on pop).
    public var attempts: Int
    /// When the pod was first added (upstream `InitialAttemptTimestamp`).
    public var initialTimestamp: SimTime
    /// Where it is now.
    public var location: Location
    /// The plugins that rejected the pod in its last attempt (upstream
    /// `UnschedulablePlugins`); empty = an error or unknown cause, requeued on any event.
    public var rejectors: [String] = []
    fileprivate var seq: UInt64
  }

  /// Where a pod is; `errorBackoff` is the error backoffQ (`podErrorBackoffQ`).
  public enum Location: Sendable, Hashable {
    case active, backoff, errorBackoff, unschedulable, inFlight
  }

  public var initialBackoff: SimDuration
  public var maxBackoff: SimDuration
  /// `DefaultPodMaxInUnschedulablePodsDuration` (scheduling_queue.go): 5 minutes.
  public var maxInUnschedulable: SimDuration = .minutes(5)

  private var entries: [String: Entry] = [:]
  /// Keys of the pods in the unschedulable pool, so requeues do not scan the whole queue.
  private var pooled: Set<String> = []
  private var active: [Key] = []  // binary heap
  private var backoff: [Key] = []  // binary heap
  private var errorBackoff: [Key] = []  // binary heap: expiry window, then sequence
  /// The events seen while a pod is in flight (since the last `pop`).
  private var inFlightEvents: ClusterEvents = []
  private var inFlightCount = 0
  private var nextSeq: UInt64 = 0

  private struct Key: Sendable {
    var window: Int64  // backoff heap: expiry window in seconds; activeQ: 0
    var priority: Int32
    var timestamp: Int64
    var seq: UInt64
    var key: String
    func less(_ o: Key) -> Bool {
      if window != o.window { return window < o.window }
      if priority != o.priority { return priority > o.priority }
      if timestamp != o.timestamp { return timestamp < o.timestamp }
      return seq < o.seq
    }
  }

  public init(initialBackoff: SimDuration = .seconds(1), maxBackoff: SimDuration = .seconds(10)) {
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
  }

  /// Number of pods the queue knows (any location, including in flight).
  public var count: Int { entries.count }
  /// Whether activeQ or backoffQ has a pod `pop` can return (not the error backoffQ).
  public var hasPoppable: Bool { activeCount > 0 || backoffCount > errorBackoffCount }
  public private(set) var activeCount = 0
  /// Pods in backoffQ, both heaps (the error backoffQ's are also in `errorBackoffCount`).
  public private(set) var backoffCount = 0
  /// Pods in the error backoffQ.
  public private(set) var errorBackoffCount = 0
  /// Whether a popped pod has not been given back yet (`done`, `addUnschedulable`, …).
  public var hasInFlight: Bool { inFlightCount > 0 }
  public private(set) var unschedulableCount = 0

  /// The entry of a pod, if queued or in flight.
  public func entry(_ key: String) -> Entry? { entries[key] }

  /// Adds a new pod to activeQ (upstream `Add`), or refreshes its item if already known.
  public mutating func add(_ item: Item, key: String, priority: Int32, now: SimTime) {
    if var e = entries[key] {
      e.item = item
      entries[key] = e
      return
    }
    let e = Entry(
      item: item, key: key, priority: priority, timestamp: now, attempts: 0,
      initialTimestamp: now, location: .active, seq: takeSeq())
    entries[key] = e
    pushActive(e)
  }

  /// Replaces the item of a known pod (an update of a pending pod).
  public mutating func update(_ item: Item, key: String) {
    entries[key]?.item = item
  }

  /// Forgets a pod (deleted, or bound by someone else).
  public mutating func remove(_ key: String) {
    guard let e = entries.removeValue(forKey: key) else { return }
    switch e.location {
    case .active: activeCount -= 1
    case .backoff: backoffCount -= 1
    case .errorBackoff:
      backoffCount -= 1
      errorBackoffCount -= 1
    case .unschedulable:
      unschedulableCount -= 1
      pooled.remove(key)
    case .inFlight: inFlightCount -= 1
    }
    // Heap keys of removed pods are skipped lazily by `pop`/`flush`.
  }

  /// Pops the next pod to schedule: activeQ's head, else backoffQ's head. Increments attempts.
  public mutating func pop() -> Entry? {
    while let k = Self.popHeap(&active) {
      if var e = entries[k.key], e.location == .active, e.seq == k.seq {
        activeCount -= 1
        e.location = .inFlight
        e.attempts += 1
        entries[k.key] = e
        startFlight()
        return e
      }
    }
    while let k = Self.popHeap(&backoff) {
      if var e = entries[k.key], e.location == .backoff, e.seq == k.seq {
        backoffCount -= 1
        e.location = .inFlight
        e.attempts += 1
        entries[k.key] = e
        startFlight()
        return e
      }
    }
    return nil
  }

  /// The pod in flight was bound (or will be): forget it.
  public mutating func done(_ key: String) { remove(key) }

  /// The pod in flight was rejected by plugins: pool it as unschedulable with `timestamp = now`
  /// (upstream `AddUnschedulableIfNotPresent`). When an event seen during its flight concerns
  /// one of `rejectors` (per `registered`), it is requeued to backoffQ or activeQ instead.
  public mutating func addUnschedulable(
    _ key: String, now: SimTime, rejectors: [String] = [],
    registered: ((String) -> ClusterEvents)? = nil
  ) {
    guard var e = entries[key], e.location == .inFlight else { return }
    inFlightCount -= 1
    e.timestamp = now
    e.rejectors = rejectors
    e.location = .unschedulable
    e.seq = takeSeq()
    entries[key] = e
    unschedulableCount += 1
    pooled.insert(key)
    // `determineSchedulingHintForInFlightPod`: an event during the flight that a rejecting
    // plugin registered for → queueAfterBackoff.
    if let registered, !inFlightEvents.isEmpty,
      rejectors.contains(where: { !registered($0).intersection(inFlightEvents).isEmpty })
    {
      requeue(e, now: now)
    }
  }

  /// The pod in flight hit an error (no plugin rejected it): it goes to the error backoffQ with
  /// `timestamp = now`, or to activeQ if its backoff is already over (scheduling_queue.go
  /// `AddUnschedulableIfNotPresent` with no rejector plugins → `queueAfterBackoff`;
  /// backoff_queue.go `add` → `podErrorBackoffQ`).
  public mutating func addAfterError(_ key: String, now: SimTime) {
    guard var e = entries[key], e.location == .inFlight else { return }
    inFlightCount -= 1
    e.timestamp = now
    e.rejectors = []
    e.seq = takeSeq()
    if backoffEnd(e) <= now {
      e.location = .active
      entries[key] = e
      pushActive(e)
      return
    }
    e.location = .errorBackoff
    entries[key] = e
    backoffCount += 1
    errorBackoffCount += 1
    let window = (e.timestamp + backoffDuration(attempts: e.attempts)).microseconds / 1_000_000
    Self.pushHeap(
      &errorBackoff, Key(window: window, priority: 0, timestamp: 0, seq: e.seq, key: e.key))
  }

  /// Records a cluster event for the pod in flight (see `addUnschedulable`).
  public mutating func noteEvent(_ event: ClusterEvents) {
    if inFlightCount > 0 { inFlightEvents.formUnion(event) }
  }

  private mutating func startFlight() {
    inFlightCount += 1
    inFlightEvents = []
  }

  /// `calculateBackoffDuration`: 0 with no attempts, else initial doubled (attempts−1) times,
  /// capped at `maxBackoff`.
  public func backoffDuration(attempts: Int) -> SimDuration {
    if attempts <= 0 { return .zero }
    var d = initialBackoff
    for _ in 1..<attempts {
      if d >= maxBackoff { break }
      d = d * 2
    }
    return min(d, maxBackoff)
  }

  /// The time at which the pod's backoff is over (see the type's documentation).
  public func backoffEnd(_ e: Entry) -> SimTime {
    let raw = e.timestamp + backoffDuration(attempts: e.attempts)
    let window = raw.microseconds / 1_000_000
    return SimTime(microseconds: (window + 1) * 1_000_000)
  }

  /// `MoveAllToActiveOrBackoffQueue`: every pooled pod goes to activeQ if its backoff is over,
  /// else to backoffQ. Pods are moved in (timestamp, sequence) order so the result is
  /// deterministic. - Returns: how many pods moved.
  @discardableResult
  public mutating func moveAllToActiveOrBackoff(now: SimTime) -> Int {
    let moving = pooled.compactMap { entries[$0] }
      .sorted { ($0.timestamp, $0.seq) < ($1.timestamp, $1.seq) }
    for e in moving { requeue(e, now: now) }
    return moving.count
  }

  /// `MoveAllToActiveOrBackoffQueue(event)` with the rejecting plugins' registrations: moves the
  /// pooled pods with no recorded rejector, or one whose `registered` events meet `event`.
  /// - Returns: how many pods moved.
  @discardableResult
  public mutating func moveToActiveOrBackoff(
    on event: ClusterEvents, now: SimTime, registered: (String) -> ClusterEvents
  ) -> Int {
    if unschedulableCount == 0 || event.isEmpty { return 0 }
    let moving = pooled.compactMap { entries[$0] }
      .filter { e in
        e.rejectors.isEmpty || e.rejectors.contains { !registered($0).intersection(event).isEmpty }
      }
      .sorted { ($0.timestamp, $0.seq) < ($1.timestamp, $1.seq) }
    for e in moving { requeue(e, now: now) }
    return moving.count
  }

  /// A pooled pod changed itself (upstream `Update` of an unschedulable pod): retry it.
  public mutating func requeueIfPooled(_ key: String, now: SimTime) {
    guard let e = entries[key], e.location == .unschedulable else { return }
    requeue(e, now: now)
  }

  /// `flushBackoffQCompleted`: moves pods whose backoff is over to activeQ, from backoffQ then
  /// from the error backoffQ (backoff_queue.go `popAllBackoffCompleted`).
  public mutating func flushBackoffCompleted(now: SimTime) {
    // Moved out while flushing so the heap is not also reachable through `self`.
    var h = backoff
    backoff = []
    flush(&h, .backoff, now: now)
    backoff = h
    h = errorBackoff
    errorBackoff = []
    flush(&h, .errorBackoff, now: now)
    errorBackoff = h
  }

  private mutating func flush(_ heap: inout [Key], _ location: Location, now: SimTime) {
    while let top = heap.first {
      guard let e = entries[top.key], e.location == location, e.seq == top.seq else {
        _ = Self.popHeap(&heap)
        continue
      }
      if backoffEnd(e) > now { break }
      _ = Self.popHeap(&heap)
      backoffCount -= 1
      if location == .errorBackoff { errorBackoffCount -= 1 }
      var moved = e
      moved.location = .active
      moved.seq = takeSeq()
      entries[e.key] = moved
      pushActive(moved)
    }
  }

  /// `flushUnschedulablePodsLeftover`: pods pooled for more than 5 minutes are requeued.
  public mutating func flushUnschedulableLeftover(now: SimTime) {
    let stale = pooled.compactMap { entries[$0] }.filter {
      now - $0.timestamp > maxInUnschedulable
    }.sorted { ($0.timestamp, $0.seq) < ($1.timestamp, $1.seq) }
    for e in stale { requeue(e, now: now) }
  }

  /// The earliest backoff end among pods in backoffQ, for the flush timer.
  public var nextBackoffEnd: SimTime? {
    var best: SimTime? = nil
    for k in backoff + errorBackoff {
      guard let e = entries[k.key], e.location == .backoff || e.location == .errorBackoff,
        e.seq == k.seq
      else { continue }
      let end = backoffEnd(e)
      if let b = best, b <= end { continue }
      best = end
    }
    return best
  }

  private mutating func requeue(_ e: Entry, now: SimTime) {
    var m = e
    unschedulableCount -= 1
    pooled.remove(e.key)
    m.seq = takeSeq()
    if backoffEnd(e) <= now {
      m.location = .active
      entries[e.key] = m
      pushActive(m)
    } else {
      m.location = .backoff
      entries[e.key] = m
      backoffCount += 1
      let window = (m.timestamp + backoffDuration(attempts: m.attempts)).microseconds / 1_000_000
      Self.pushHeap(
        &backoff,
        Key(
          window: window, priority: m.priority, timestamp: m.timestamp.microseconds, seq: m.seq,
          key: m.key))
    }
  }

  private mutating func pushActive(_ e: Entry) {
    activeCount += 1
    Self.pushHeap(
      &active,
      Key(
        window: 0, priority: e.priority, timestamp: e.timestamp.microseconds, seq: e.seq, key: e.key
      ))
  }

  private mutating func takeSeq() -> UInt64 {
    nextSeq += 1
    return nextSeq
  }

  // Static: a non-mutating method called with `&self.active` would keep a second reference to
  // the array (through `self`) and copy all of it on every push and pop.
  private static func pushHeap(_ h: inout [Key], _ k: Key) {
    h.append(k)
    var i = h.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      if h[i].less(h[p]) {
        h.swapAt(i, p)
        i = p
      } else {
        break
      }
    }
  }

  private static func popHeap(_ h: inout [Key]) -> Key? {
    guard !h.isEmpty else { return nil }
    let top = h[0]
    let last = h.removeLast()
    if !h.isEmpty {
      h[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < h.count && h[l].less(h[m]) { m = l }
        if r < h.count && h[r].less(h[m]) { m = r }
        if m == i { break }
        h.swapAt(i, m)
        i = m
      }
    }
    return top
  }
}
