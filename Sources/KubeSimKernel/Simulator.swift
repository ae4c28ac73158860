/// The discrete-event kernel: the clock, the pending events and the random streams, and the run
/// loop that dispatches events to an `EventHandler` in `(time, sequence)` order.
///
/// It knows nothing of Kubernetes (SimPy's `core.py` is the model). `now` is set to an event's
/// time before the event is handled; events are values (`Payload`), never closures.
///
/// ```swift
/// struct Ping: EventHandler {
///   var count = 0
///   mutating func handle(_ p: Int, id: EventID, simulator: inout Simulator<Int>) {
///     count += 1
///     if p < 3 { simulator.schedule(p + 1, after: .seconds(10)) }
///   }
/// }
/// var sim = Simulator<Int>(seed: 42)
/// sim.schedule(0, at: .zero)
/// var handler = Ping()
/// try sim.run(handler: &handler)   // .idle; sim.now == 30s; handler.count == 4
/// ```
public struct Simulator<Payload> {
  /// The current simulated time.
  @inlinable
  public var now: SimTime { _now }
  /// The pending events (read-only; schedule and cancel through the simulator).
  @inlinable
  public var queue: EventQueue<Payload> { _queue }
  @usableFromInline var _now: SimTime = .zero
  @usableFromInline var _queue = EventQueue<Payload>()
  @usableFromInline var _eventsProcessed: Int = 0
  /// The run's random streams (root seed `seed`).
  public var random: RandomStreams
  /// The named limit on processed events over the simulator's life (`Int.max`: none).
  public var eventsMax: Int
  /// Events processed so far.
  @inlinable
  public var eventsProcessed: Int { _eventsProcessed }

  /// The run's root seed.
  @inlinable
  public var seed: UInt64 { random.seed }

  /// Creates a simulator at time zero with the random streams of `seed`.
  @inlinable
  public init(seed: UInt64, eventsMax: Int = .max) {
    random = RandomStreams(seed: seed)
    self.eventsMax = eventsMax
  }

  /// The time of the next pending event, or nil when idle.
  @inlinable
  public var nextEventTime: SimTime? { _queue.peekTime }

  /// The number of pending events.
  @inlinable
  public var pendingCount: Int { _queue.count }

  /// Schedules `payload` at `time`; a time before `now` is treated as `now` (nothing runs in the
  /// past; settings validation rejects negative delays before they get here).
  @inlinable
  @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime) -> EventID {
    _queue.schedule(payload, at: time < now ? now : time)
  }

  /// Schedules `payload` at `now + delay`; a negative delay is treated as zero, and a sum past
  /// the end of time saturates at `SimTime.max`.
  @inlinable
  @discardableResult
  public mutating func schedule(_ payload: Payload, after delay: SimDuration) -> EventID {
    guard delay.microseconds > 0 else { return _queue.schedule(payload, at: now) }
    let (sum, overflow) = now.microseconds.addingReportingOverflow(delay.microseconds)
    return _queue.schedule(payload, at: overflow ? .max : SimTime(microseconds: sum))
  }

  /// Cancels a pending event; returns false if it was not pending.
  @inlinable
  @discardableResult
  public mutating func cancel(_ id: EventID) -> Bool {
    _queue.cancel(id)
  }

  /// Moves the clock forward to `time` without processing anything (ignored if `time` is not
  /// later than `now`). Events due before `time` must have been run first.
  @inlinable
  public mutating func advance(to time: SimTime) {
    if time > _now { _now = time }
  }

  /// Processes events in `(time, sequence)` order until none is due at or before `limit`
  /// (or none at all when `limit` is nil), then moves the clock to `limit`.
  ///
  /// After each event it calls `handler.checkInvariants`; a violation throws
  /// `InvariantViolation` naming the seed. After the last event of each instant it calls
  /// `handler.instantCompleted`. Errors thrown by the handler propagate.
  ///
  /// - Returns: `.reachedTime(limit)` when events remain after `limit`, `.idle` when nothing is
  ///   pending (`now` is then `limit`, or the last event's time when `limit` is nil), or
  ///   `.eventsMaxReached` when the named limit stopped it with events still due.
  @inlinable
  @discardableResult
  public mutating func run<Handler: EventHandler>(
    until limit: SimTime? = nil, handler: inout Handler
  ) throws -> RunOutcome where Handler.Payload == Payload {
    let horizon = limit ?? .max
    while true {
      if eventsProcessed >= eventsMax {
        if let next = _queue.peekTime, next <= horizon {
          return .eventsMaxReached(limit: eventsMax, at: now)
        }
        break
      }
      guard let event = _queue.popNext(notAfter: horizon) else { break }
      _now = event.time
      _eventsProcessed += 1
      try handler.handle(event.payload, id: event.id, simulator: &self)
      if let violation = handler.checkInvariants(self) {
        throw InvariantViolation(
          message: violation, time: now, eventIndex: eventsProcessed, seed: seed)
      }
      if !_queue.hasMoreAtLastPoppedInstant() {
        try handler.instantCompleted(&self)
      }
    }
    if let limit { advance(to: limit) }
    return _queue.isEmpty ? .idle : .reachedTime(now)
  }
}
