import KubeSimKernel
import Testing

@testable import KubeSimAPIServer

/// `TrafficLedger+WakeLevels.swift`: registered levels, the per-Service minimum, wakes in name
/// order, dropped registrations, watched pod keys.
@Suite struct TrafficLedgerWakeLevelTests {
  static func ledger() -> (TrafficLedger, () -> [String]) {
    let l = TrafficLedger()
    final class Log { var woken: [String] = [] }
    let log = Log()
    l.onWake = { log.woken.append($0) }
    return (l, { log.woken })
  }

  static func level(_ served: Int64, _ inFlight: Int64) -> TrafficLedger.WakeLevel {
    TrafficLedger.WakeLevel(servedMilliRPS: served, inFlightMilli: inFlight)
  }

  static func at(_ s: Int64) -> SimTime { .zero + .seconds(s) }

  /// The global level: 100 rps and 1 in flight at first; a record above it doubles it until it
  /// covers the record, bumps the generation and wakes its watchers once, in name order.
  @Test func globalLevelRisesByDoublingAndWakesItsWatchersOnce() {
    let (l, woken) = Self.ledger()
    #expect(l.globalLevel == Self.level(100_000, 1_000))
    l.watchGlobalLevel("n2")
    l.watchGlobalLevel("n1")
    l.record(service: "default/web", at: Self.at(10), servedMilliRPS: 100_000, inFlightMilli: 1_000)
    #expect(woken() == [])
    #expect(l.globalLevelGeneration == 0)
    l.record(service: "default/web", at: Self.at(20), servedMilliRPS: 100_000, inFlightMilli: 5_000)
    #expect(woken() == ["n1", "n2"])
    #expect(l.globalLevel == Self.level(100_000, 8_000))
    #expect(l.globalLevelGeneration == 1)
    #expect(l.globalWatchers.isEmpty)
    // Nobody watches now: a further rise (served 250 rps → 400) wakes nobody.
    l.record(service: "default/api", at: Self.at(20), servedMilliRPS: 250_000, inFlightMilli: 0)
    #expect(woken() == ["n1", "n2"])
    #expect(l.globalLevel == Self.level(400_000, 8_000))
    #expect(l.globalLevelGeneration == 2)
  }

  @Test func recordBelowTheLevelWakesNobodyAboveWakesOnceAndDropsTheRegistration() {
    let (l, woken) = Self.ledger()
    l.register(
      node: "n1", levels: [("default/web", Self.level(50_000, 8_000))], watching: ["default/a"])
    l.record(service: "default/web", at: Self.at(10), servedMilliRPS: 50_000, inFlightMilli: 8_000)
    #expect(woken() == [])
    #expect(l.isRegistered("n1"))
    l.record(service: "default/web", at: Self.at(20), servedMilliRPS: 50_000, inFlightMilli: 8_001)
    #expect(woken() == ["n1"])
    #expect(!l.isRegistered("n1"))
    #expect(l.wakeLevels.isEmpty)
    #expect(l.minWakeLevels.isEmpty)
    #expect(l.watchers.isEmpty)
    // Dropped: a higher record wakes nobody again.
    l.record(service: "default/web", at: Self.at(30), servedMilliRPS: 90_000, inFlightMilli: 9_000)
    #expect(woken() == ["n1"])
    // The served rate alone wakes too.
    l.register(node: "n1", levels: [("default/web", Self.level(90_000, 100_000))], watching: [])
    l.record(service: "default/web", at: Self.at(40), servedMilliRPS: 90_001, inFlightMilli: 9_000)
    #expect(woken() == ["n1", "n1"])
  }

  @Test func wakesExceededNodesInNameOrderAndKeepsTheMinimumOfTheRest() {
    let (l, woken) = Self.ledger()
    l.register(node: "n3", levels: [("s", Self.level(100, 100))], watching: [])
    l.register(
      node: "n1", levels: [("s", Self.level(300, 300)), ("t", Self.level(5, 5))], watching: [])
    l.register(node: "n2", levels: [("s", Self.level(200, 200))], watching: [])
    #expect(l.minWakeLevels["s"] == Self.level(100, 100))
    l.record(service: "s", at: Self.at(10), servedMilliRPS: 250, inFlightMilli: 0)
    #expect(woken() == ["n2", "n3"])
    #expect(l.minWakeLevels["s"] == Self.level(300, 300))
    #expect(l.isRegistered("n1"))
    // n1's levels for "t" still hold; a record of "t" above them wakes it.
    l.record(service: "t", at: Self.at(10), servedMilliRPS: 0, inFlightMilli: 6)
    #expect(woken() == ["n2", "n3", "n1"])
    #expect(l.minWakeLevels.isEmpty)
  }

  @Test func aStaleLowMinimumCostsARescanNotAWake() {
    let (l, woken) = Self.ledger()
    l.register(node: "n1", levels: [("s", Self.level(100, 100))], watching: [])
    l.register(node: "n2", levels: [("s", Self.level(500, 500))], watching: [])
    // n1 re-registers higher: the minimum stays stale-low (100) until a record passes it.
    l.register(node: "n1", levels: [("s", Self.level(400, 400))], watching: [])
    #expect(l.minWakeLevels["s"] == Self.level(100, 100))
    l.record(service: "s", at: Self.at(10), servedMilliRPS: 200, inFlightMilli: 0)
    #expect(woken() == [])
    #expect(l.minWakeLevels["s"] == Self.level(400, 400))
    l.record(service: "s", at: Self.at(20), servedMilliRPS: 450, inFlightMilli: 0)
    #expect(woken() == ["n1"])
  }

  @Test func assignOfAWatchedKeyWakesItsNode() {
    let (l, woken) = Self.ledger()
    l.assign("default/a", at: Self.at(0), service: "s")
    l.register(node: "n1", levels: [("s", Self.level(100, 100))], watching: ["default/a"])
    l.register(node: "n2", levels: [], watching: ["default/b"])
    // The same Service again changes nothing.
    l.assign("default/a", at: Self.at(5), service: "s")
    #expect(woken() == [])
    l.assign("default/a", at: Self.at(10), service: nil)
    #expect(woken() == ["n1"])
    #expect(!l.isRegistered("n1"))
    #expect(l.isRegistered("n2"))
    l.assign("default/b", at: Self.at(10), service: "s")
    #expect(woken() == ["n1", "n2"])
    #expect(l.registrations.isEmpty)
  }

  @Test func latestIsSettledOnlyWhenNothingChangedAfterTheTime() {
    let l = TrafficLedger()
    #expect(l.latest("default/a", settledBy: Self.at(0))! == (nil, 0, 0))
    l.assign("default/a", at: Self.at(3), service: "s")
    #expect(l.latest("default/a", settledBy: Self.at(0)) == nil)
    #expect(l.latest("default/a", settledBy: Self.at(3))! == ("s", 0, 0))
    l.record(service: "s", at: Self.at(10), servedMilliRPS: 7, inFlightMilli: 9)
    #expect(l.latest("default/a", settledBy: Self.at(9)) == nil)
    #expect(l.latest("default/a", settledBy: Self.at(10))! == ("s", 7, 9))
    #expect(l.sample("default/a", at: Self.at(10)) == (7, 9))
  }

  @Test func withoutAWakeHandlerNobodyIsCalledButLevelsAreDropped() {
    let l = TrafficLedger()
    l.register(node: "n1", levels: [("s", Self.level(1, 1))], watching: [])
    l.record(service: "s", at: Self.at(10), servedMilliRPS: 2, inFlightMilli: 0)
    #expect(!l.isRegistered("n1"))
  }

  @Test func extendAddsLevelsAndKeysToTheRegistration() {
    let (l, woken) = Self.ledger()
    l.register(node: "n1", levels: [("s", Self.level(100, 100))], watching: ["default/a"])
    l.extend(node: "n1", levels: [("t", Self.level(50, 50))], watching: ["default/b"])
    #expect(l.registrations["n1"]?.services == ["s", "t"])
    #expect(l.registrations["n1"]?.keys == ["default/a", "default/b"])
    #expect(l.minWakeLevels["t"] == Self.level(50, 50))
    l.record(service: "t", at: Self.at(10), servedMilliRPS: 51, inFlightMilli: 0)
    #expect(woken() == ["n1"])
    // Woken: everything is dropped, also what `register` put there.
    #expect(l.registrations.isEmpty)
    #expect(l.wakeLevels.isEmpty)
    #expect(l.watchers.isEmpty)
    // Extending an unregistered node with nothing registers nothing.
    l.extend(node: "n2", levels: [], watching: [])
    #expect(!l.isRegistered("n2"))
  }
}
