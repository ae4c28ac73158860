import KubeSimKernel

/// What one injected fault cost, for the summary (see `SelfHealingRecorder` for definitions).
public struct FaultOutcome: Sendable, Equatable {
  /// 1-based, in injection order (`recovery(fault N)`).
  public var index: Int
  /// The fault as the timeline shows it.
  public var text: String
  public var injectedAt: SimTime
  /// Durations from the injection; nil when it did not happen.
  public var detection: SimDuration?
  public var eviction: SimDuration?
  public var recovery: SimDuration?
  public var podsLost: Int
  public var jobWorkLost: SimDuration
}

/// A Service's availability over the run, in parts per million.
public struct ServiceAvailability: Sendable, Equatable {
  /// `namespace/name`.
  public var service: String
  /// Fraction of time with at least one ready endpoint.
  public var anyReadyPPM: Int64
  /// Fraction of time with every desired endpoint ready.
  public var allReadyPPM: Int64
}

extension SelfHealingRecorder {
  /// The per-fault outcomes so far.
  public func outcomes() -> [FaultOutcome] {
    faults.map { f in
      FaultOutcome(
        index: f.index, text: f.text, injectedAt: f.injectedAt,
        detection: f.detectedAt.map { $0 - f.injectedAt },
        eviction: f.firstEvictionAt.map { $0 - f.injectedAt },
        recovery: f.recoveredAt.map { $0 - f.injectedAt }, podsLost: f.podsLost,
        jobWorkLost: f.jobWorkLost)
    }
  }

  /// Every Service's availability at `now`, sorted by key.
  public func availability(now: SimTime) -> [ServiceAvailability] {
    serviceKeys.compactMap { key in
      guard let any = availabilityPPM(key, all: false, now: now),
        let all = availabilityPPM(key, all: true, now: now)
      else { return nil }
      return ServiceAvailability(service: key, anyReadyPPM: any, allReadyPPM: all)
    }
  }
}
