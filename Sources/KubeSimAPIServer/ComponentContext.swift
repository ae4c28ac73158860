import KubeSimKernel
import KubeSimModel

/// What a component may do while handling a delivery or a timer: read the clock, read and write
/// the store, set and cancel its own timers, draw from a named random stream, record Events.
///
/// A context is created by the API server for one callback and names the component it was made
/// for; it is passed `inout` so that a component cannot keep it beyond the callback.
public struct ComponentContext {
  /// The API server: reads, and writes that go through defaulting, validation and admission.
  public unowned let api: APIServer
  /// The registration index of the component this context belongs to.
  @usableFromInline let componentIndex: Int

  package init(api: APIServer, componentIndex: Int) {
    self.api = api
    self.componentIndex = componentIndex
  }

  /// The current simulated time.
  public var now: SimTime { api.now }

  /// The run's settings (latencies, bandwidths, time base).
  public var settings: SimulationSettings { api.settings }

  /// Sets a timer that calls `timerFired(token, …)` on this component `after` from now.
  ///
  /// Timers of the same instant fire in the order they were set (the kernel's (time, sequence)
  /// order). A negative duration is treated as zero.
  @discardableResult
  public mutating func setTimer(after: SimDuration, token: UInt64) -> TimerID {
    api.loop.setTimer(component: componentIndex, at: api.now + max(after, .zero), token: token)
  }

  /// Sets a timer at an absolute simulated time (not before now).
  @discardableResult
  public mutating func setTimer(at time: SimTime, token: UInt64) -> TimerID {
    api.loop.setTimer(component: componentIndex, at: max(time, api.now), token: token)
  }

  /// Sets a background timer at an absolute time: periodic housekeeping (heartbeats, monitor
  /// passes) that does not by itself keep a run going. A run without a fixed duration stops
  /// when only background timers are pending.
  @discardableResult
  public mutating func setBackgroundTimer(at time: SimTime, token: UInt64) -> TimerID {
    api.loop.setTimer(
      component: componentIndex, at: max(time, api.now), token: token, background: true)
  }

  /// Cancels a timer set by this component; cancelling a fired or cancelled timer does nothing.
  public mutating func cancelTimer(_ id: TimerID) {
    api.loop.cancelTimer(id)
  }

  /// Runs `body` with the named random stream of this run (derived from the run's seed and the
  /// name, so that one feature's draws never shift another's). Draws advance the stream.
  public mutating func withRandom<R>(_ stream: String, _ body: (inout RandomStream) -> R) -> R {
    api.loop.withRandom(stream, body)
  }

  /// Records a Kubernetes Event (written to `events.jsonl` in simulation order).
  public mutating func recordEvent(
    type: EventType, reason: String, object: ObjectReference, node: String?, message: String
  ) {
    api.recordEvent(type: type, reason: reason, object: object, node: node, message: message)
  }
}
