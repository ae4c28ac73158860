/// What a `Simulator` dispatches events to: the world's event handling, generic so that the
/// run loop is specialised for it (no closure or existential per event).
///
/// The simulator passes itself `inout` to every callback, so a handler schedules and cancels
/// events through that parameter. A handler that is a class owning the simulator must not touch
/// its own stored simulator during a callback (Swift's exclusivity checks would stop the run).
public protocol EventHandler<Payload> {
  /// The events' payload type (typically an enum of small values).
  associatedtype Payload

  /// Handles one event. `simulator.now` is the event's time. A thrown error stops the run and
  /// propagates out of `Simulator.run`.
  mutating func handle(_ payload: Payload, id: EventID, simulator: inout Simulator<Payload>)
    throws

  /// Checks invariants after each event; returns a description of the first violation, or nil.
  /// A violation stops the run with `InvariantViolation` naming the seed. Defaults to nil.
  mutating func checkInvariants(_ simulator: Simulator<Payload>) -> String?

  /// Called once the last event of an instant has been handled (no other event is due at
  /// `simulator.now`). Events it schedules at `now` extend the instant, and it is called again
  /// afterwards. A thrown error stops the run. Defaults to doing nothing.
  mutating func instantCompleted(_ simulator: inout Simulator<Payload>) throws
}

extension EventHandler {
  /// No invariants.
  @inlinable
  public mutating func checkInvariants(_ simulator: Simulator<Payload>) -> String? { nil }

  /// Nothing to do at the end of an instant.
  @inlinable
  public mutating func instantCompleted(_ simulator: inout Simulator<Payload>) throws {}
}
