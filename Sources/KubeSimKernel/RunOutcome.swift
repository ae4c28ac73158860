/// Why `Simulator.run` returned (errors, including invariant violations, are thrown instead).
public enum RunOutcome: Hashable, Sendable, CustomStringConvertible {
  /// Every event up to the requested time was processed and events remain after it; `now` is
  /// that time.
  case reachedTime(SimTime)
  /// No event is pending any more (stop-when-idle).
  case idle
  /// The named limit `eventsMax` was reached with events still due; the run can be resumed by
  /// raising the limit.
  case eventsMaxReached(limit: Int, at: SimTime)

  public var description: String {
    switch self {
    case .reachedTime(let time): return "reached \(time)"
    case .idle: return "idle: no pending events"
    case .eventsMaxReached(let limit, let time):
      return "stopped: eventsMax (\(limit)) reached at \(time)"
    }
  }
}
