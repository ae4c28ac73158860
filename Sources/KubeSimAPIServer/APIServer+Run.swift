import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Registers a component (see `Component`): its watches take effect now, its initial lists
  /// and `start` follow per the `Component` contract. Components receive deliveries of one
  /// instant in registration order.
  public func register(_ component: any Component) {
    loop.register(component) { filter in
      if let node = filter.nodeName, filter.kind == .pod {
        return pods(onNode: node).map { .pod($0) }
      }
      return list(filter.kind)
    }
  }

  /// The registered components, in registration order (e.g. to read the scheduler's recorded
  /// attempts for `kubesim explain`).
  public var components: [any Component] { loop.components }

  /// The time of the next pending event, or nil.
  public var nextEventTime: SimTime? { loop.nextEventTime }

  /// True when a pending event is not a background timer (see
  /// `ComponentContext.setBackgroundTimer`).
  public var hasForegroundEvents: Bool { loop.hasForegroundEvents }

  /// Kernel events processed so far.
  public var processedEvents: Int { loop.processedEvents }

  /// Processes every event with time <= `t` in (time, sequence) order, then sets now = `t`.
  ///
  /// After each instant it checks invariants (when `settings.checkInvariants`), then calls
  /// `afterEach(now)`; a throw from either stops the run (the clock stays at that instant).
  /// - Returns: `.idle` if nothing is pending afterwards, `.reachedTime(t)` otherwise, or
  ///   `.eventsMaxReached` when `settings.maxEvents` events have been processed.
  @discardableResult
  public func run(
    until t: SimTime, afterEach: (SimTime) throws -> Void = { _ in }
  ) throws -> RunOutcome {
    while let next = loop.nextEventTime, next <= t {
      if loop.processedEvents >= settings.maxEvents {
        return .eventsMaxReached(limit: settings.maxEvents, at: now)
      }
      _ = loop.processInstant(self, limit: settings.maxEvents)
      if settings.checkInvariants, let violation = checkInstantInvariants() {
        throw InvariantViolation(
          message: violation, time: now, eventIndex: loop.processedEvents, seed: seed)
      }
      touchedNodes.removeAll(keepingCapacity: true)
      touchedPods.removeAll(keepingCapacity: true)
      touchedIndexNodes.removeAll(keepingCapacity: true)
      try afterEach(now)
    }
    loop.advance(to: t)
    return loop.nextEventTime == nil ? .idle : .reachedTime(now)
  }
}
