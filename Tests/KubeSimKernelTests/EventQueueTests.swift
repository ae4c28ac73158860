import Testing

@testable import KubeSimKernel

@Suite struct EventQueueTests {
  private func t(_ us: Int64) -> SimTime { SimTime(microseconds: us) }

  @Test func popsInTimeOrder() {
    var q = EventQueue<String>()
    q.schedule("c", at: t(30))
    q.schedule("a", at: t(10))
    q.schedule("b", at: t(20))
    #expect(q.count == 3)
    #expect(q.peekTime == t(10))
    #expect(q.popNext()?.payload == "a")
    #expect(q.popNext()?.payload == "b")
    #expect(q.popNext()?.payload == "c")
    #expect(q.popNext() == nil)
    #expect(q.isEmpty)
  }

  @Test func popsEqualTimeEventsInScheduleOrder() {
    var q = EventQueue<Int>()
    // Interleave two instants, schedule the later one first, and go through redistributions.
    for i in 0..<100 { q.schedule(1_000 + i, at: t(1_000_000)) }
    for i in 0..<100 { q.schedule(i, at: t(5)) }
    q.schedule(-1, at: t(1))
    var popped: [Int] = []
    while let e = q.popNext() {
      popped.append(e.payload)
      // Events added during the instant go after the ones already there.
      if e.payload == 50 { q.schedule(100, at: t(5)) }
    }
    #expect(popped == [-1] + Array(0...100) + Array(1_000..<1_100))
  }

  @Test func sequenceNumbersCountFromZero() {
    var q = EventQueue<Int>()
    let a = q.schedule(0, at: t(9))
    let b = q.schedule(0, at: t(3))
    #expect(a.sequence == 0)
    #expect(b.sequence == 1)
    #expect(a < b)
    #expect(q.popNext()?.id == b)
  }

  @Test func cancelledEventsNeverPop() {
    var q = EventQueue<String>()
    let a = q.schedule("a", at: t(5))
    q.schedule("b", at: t(5))
    let c = q.schedule("c", at: t(7))
    #expect(q.isPending(a))
    let r1 = q.cancel(a)
    #expect(r1)
    #expect(!q.isPending(a))
    let r2 = q.cancel(a)  // twice: no effect
    #expect(!r2)
    #expect(q.count == 2)
    #expect(q.popNext()?.payload == "b")
    let r3 = q.cancel(c)
    #expect(r3)
    #expect(q.peekTime == nil)
    #expect(q.popNext() == nil)
    #expect(q.count == 0)
  }

  @Test func staleIDsDoNotCancelTheEventThatReusedTheirSlot() {
    var q = EventQueue<String>()
    let a = q.schedule("a", at: t(1))
    #expect(q.popNext()?.id == a)
    let b = q.schedule("b", at: t(2))  // reuses a's slot
    let r4 = q.cancel(a)
    #expect(!r4)
    #expect(q.isPending(b))
    #expect(q.popNext()?.payload == "b")
  }

  @Test func popNotAfterLeavesLaterEvents() {
    var q = EventQueue<Int>()
    q.schedule(1, at: t(10))
    let cancelled = q.schedule(2, at: t(15))
    q.schedule(3, at: t(20))
    q.cancel(cancelled)
    #expect(q.popNext(notAfter: t(19))?.payload == 1)
    #expect(q.popNext(notAfter: t(19)) == nil)
    // Scheduling between the last pop and the skipped stale entry is still allowed.
    q.schedule(4, at: t(12))
    #expect(q.peekTime == t(12))
    #expect(q.popNext(notAfter: t(19))?.payload == 4)
    #expect(q.popNext(notAfter: t(20))?.payload == 3)
    #expect(q.lastPoppedTime == t(20))
  }

  @Test func copiesAreIndependent() {
    var a = EventQueue<String>()
    a.schedule("x", at: t(1))
    let y = a.schedule("y", at: t(2))
    var b = a
    b.cancel(y)
    b.schedule("z", at: t(3))
    #expect(a.popNext()?.payload == "x")
    #expect(a.popNext()?.payload == "y")
    #expect(a.popNext() == nil)
    #expect(b.count == 2)
    #expect(b.popNext()?.payload == "x")
    #expect(b.popNext()?.payload == "z")
  }

  @Test func releasesPayloads() {
    final class Token {}
    weak var weakToken: Token?
    do {
      var q = EventQueue<Token>()
      let token = Token()
      weakToken = token
      q.schedule(token, at: t(1))
      q.schedule(Token(), at: t(2))
      #expect(weakToken != nil)
    }
    #expect(weakToken == nil)
    var q = EventQueue<Token>()
    let token = Token()
    weakToken = token
    let id = q.schedule(token, at: t(1))
    _ = consume token
    q.cancel(id)
    #expect(weakToken == nil)
  }

  @Test func peekCacheSurvivesStaleEntriesBelowIt() {
    var q = EventQueue<Int>()
    q.schedule(0, at: t(0))
    #expect(q.popNext()?.payload == 0)
    let early = q.schedule(1, at: t(100))
    q.schedule(2, at: t(110))
    q.schedule(3, at: t(120))
    q.cancel(early)
    #expect(q.peekTime == t(110))  // caches 110; the stale 100 sits in the same bucket
    q.schedule(4, at: t(105))  // lowers the cache
    #expect(q.peekTime == t(105))
    #expect(q.invariantViolation() == nil)
    #expect(q.popNext()?.payload == 4)
    #expect(q.invariantViolation() == nil)
    #expect(q.popNext()?.payload == 2)
    #expect(q.popNext()?.payload == 3)
    #expect(q.invariantViolation() == nil)
    #expect(q.tombstoneCount == 0)
  }

  /// The sim lane's loop: peek the next time, then pop while the peeked time is that instant.
  @Test func peekThenPopLoopsSeeWholeInstants() {
    var q = EventQueue<Int>()
    for i in 0..<1_000 { q.schedule(i, at: t(Int64(i % 7) * 1_000)) }
    var instants: [Int64] = []
    var popped = 0
    while let now = q.peekTime {
      instants.append(now.microseconds)
      while let next = q.peekTime, next == now {
        guard let e = q.popNext() else { break }
        #expect(e.time == now)
        popped += 1
        if popped % 10 == 0 { q.schedule(e.payload, at: now) }  // same instant, still drained
      }
    }
    #expect(instants == [0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000])
    #expect(popped > 1_000)
  }

  @Test func findsEventsAtTheEndOfTime() {
    var q = EventQueue<Int>()
    q.schedule(0, at: SimTime(microseconds: .max - 5))
    #expect(q.popNext()?.payload == 0)
    q.schedule(1, at: .max)
    q.schedule(2, at: .max)
    #expect(q.peekTime == .max)
    #expect(q.invariantViolation() == nil)
    #expect(q.popNext()?.payload == 1)
    #expect(q.peekTime == .max)
    #expect(q.popNext()?.payload == 2)
    #expect(q.peekTime == nil)
  }

  @Test func handlesNegativeAndExtremeTimes() {
    var q = EventQueue<Int>()
    q.schedule(3, at: .max)
    q.schedule(2, at: t(0))
    q.schedule(1, at: t(-5))
    q.schedule(0, at: SimTime(microseconds: .min))
    #expect((0..<4).map { _ in q.popNext()?.payload ?? -1 } == [0, 1, 2, 3])
  }

  @Test func compactsTombstones() {
    var q = EventQueue<Int>()
    var ids: [EventID] = []
    for i in 0..<20_000 { ids.append(q.schedule(i, at: t(Int64(1_000 + i)))) }
    for id in ids.dropLast() { q.cancel(id) }
    #expect(q.count == 1)
    #expect(q.tombstoneCount < 4_200)
    #expect(q.popNext()?.payload == 19_999)
  }

  /// Compares against a sorted-array model under random schedule/cancel/pop mixes.
  @Test(arguments: 0..<24)
  func matchesAReferenceModel(seed: UInt64) {
    var rng = RandomStream(seed: seed)
    var q = EventQueue<Int>()
    var model: [(time: Int64, seq: UInt64, id: EventID, value: Int)] = []
    // Start at zero, far in the negative, or near the end of time (keys near UInt64.max).
    var now: Int64 = [0, -(1 << 50), Int64.max - (1 << 53)][Int(seed / 4 % 3)]
    var value = 0
    let spread = [1, 10, 1_000, 1 << 40][Int(seed % 4)]
    for step in 0..<3_000 {
      let action = rng.uniform(below: 10)
      if action < 5 {
        let time = now + Int64(rng.uniform(below: UInt64(spread)))
        let id = q.schedule(value, at: SimTime(microseconds: time))
        model.append((time, id.sequence, id, value))
        value += 1
      } else if action < 7, !model.isEmpty {
        let victim = rng.uniform(below: model.count)
        let r5 = q.cancel(model[victim].id)
        #expect(r5)
        model.remove(at: victim)
      } else {
        let limit = now + Int64(rng.uniform(below: UInt64(spread) * 2))
        model.sort { ($0.time, $0.seq) < ($1.time, $1.seq) }
        let expected = model.first.flatMap { $0.time <= limit ? $0 : nil }
        let got = q.popNext(notAfter: SimTime(microseconds: limit))
        #expect(got?.payload == expected?.value, "seed \(seed) step \(step); replay with seed")
        if let expected {
          model.removeFirst()
          now = expected.time
        }
      }
      #expect(q.count == model.count)
      if step % 3 != 0 {  // also run without peeking, so pops find no cache
        #expect(q.peekTime?.microseconds == model.map(\.time).min(), "seed \(seed) step \(step)")
      }
      let violation = q.invariantViolation()
      #expect(violation == nil, "seed \(seed) step \(step)")
      if violation != nil { return }
    }
  }
}
