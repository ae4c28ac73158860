import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

@Suite struct CronScheduleTests {
  /// 2026-01-01T00:00:00Z, a Thursday (KubeSim's default time base).
  static let base: Int64 = 1_767_225_600

  static func next(_ spec: String, after: Int64 = base, count: Int = 3) throws -> [String] {
    let s = try CronSchedule(parsing: spec)
    var out: [String] = []
    var t = after
    for _ in 0..<count {
      guard let n = s.next(after: t) else { break }
      out.append(TimeBase.formatUnix(n))
      t = n
    }
    return out
  }

  @Test func descriptorsStepsRangesAndNames() throws {
    #expect(try Self.next("@hourly") == [
      "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z",
    ])
    #expect(try Self.next("*/20 9-10 * * *") == [
      "2026-01-01T09:00:00Z", "2026-01-01T09:20:00Z", "2026-01-01T09:40:00Z",
    ])
    // Thursday 1 Jan: the next MON,WED at 08:15 are 5 and 7 January.
    #expect(try Self.next("15 8 * * mon,WED", count: 2) == [
      "2026-01-05T08:15:00Z", "2026-01-07T08:15:00Z",
    ])
    #expect(try Self.next("0 0 1 FEB-MAR/1 ?", count: 2) == [
      "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z",
    ])
    #expect(try Self.next("@yearly", count: 1) == ["2027-01-01T00:00:00Z"])
    // 29 February exists in 2028 only.
    #expect(try Self.next("0 12 29 2 *", count: 1) == ["2028-02-29T12:00:00Z"])
  }

  @Test func dayOfMonthOrDayOfWeekWhenBothRestricted() throws {
    // Either the 10th or a Saturday (3 Jan is the first Saturday).
    #expect(try Self.next("0 0 10 * 6", count: 3) == [
      "2026-01-03T00:00:00Z", "2026-01-10T00:00:00Z", "2026-01-17T00:00:00Z",
    ])
  }

  /// `MissSchedule` prints the scheduled time as Go's `time.RFC1123Z` in UTC.
  @Test func rfc1123ZAsGoFormatsIt() {
    #expect(CivilTime.rfc1123Z(unixSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 +0000")
    #expect(CivilTime.rfc1123Z(unixSeconds: 1_700_000_000) == "Tue, 14 Nov 2023 22:13:20 +0000")
    #expect(CivilTime.rfc1123Z(unixSeconds: 1_835_481_600) == "Wed, 01 Mar 2028 00:00:00 +0000")
  }

  @Test func rejectsBadSchedules() {
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: "* * * *") }
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: "60 * * * *") }
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: "@fortnightly") }
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: "*/0 * * * *") }
  }
}

@Suite struct CronJobControllerTests {
  static func cronJob(
    _ name: String, schedule: String, duration: String, policy: ConcurrencyPolicy? = nil
  ) -> APIObject {
    var c = CronJob(metadata: ObjectMeta(name: name, namespace: "default"))
    c.spec.schedule = schedule
    c.spec.concurrencyPolicy = policy
    c.spec.jobTemplate.spec.template.metadata.annotations = ["sim.kubesim.io/duration": duration]
    c.spec.jobTemplate.spec.template.spec.restartPolicy = .onFailure
    c.spec.jobTemplate.spec.template.spec.containers = [
      Container(name: "report", image: "busybox:1.36")
    ]
    return .cronJob(c)
  }

  @Test func createsJobsOverASimulatedDay() throws {
    let w = try JW.world([Self.cronJob("report", schedule: "30 */6 * * *", duration: "1m")])
    try w.run(until: .zero + .seconds(86_400))
    // Scheduled 00:30, 06:30, 12:30, 18:30 UTC; created 100 ms later; named by Unix minutes.
    #expect(
      JW.events(w, ["SuccessfulCreate"], kind: "CronJob") == [
        "30m0.1s SuccessfulCreate Created job report-29453790",
        "6h30m0.1s SuccessfulCreate Created job report-29454150",
        "12h30m0.1s SuccessfulCreate Created job report-29454510",
        "18h30m0.1s SuccessfulCreate Created job report-29454870",
      ])
    // successfulJobsHistoryLimit 3: the first Job goes when the fourth finishes.
    #expect(
      JW.events(w, ["SuccessfulDelete"], kind: "CronJob").map { $0.split(separator: " ")[1...].joined(separator: " ") } == [
        "SuccessfulDelete Deleted job report-29453790"
      ])
    #expect(JW.events(w, ["SawCompletedJob"], kind: "CronJob").count == 4)
    let cj = try #require(w.api.get(.cronJob, "default", "report")?.asCronJob)
    #expect(cj.status.lastScheduleTime == SimTime(microseconds: (18 * 3600 + 1800) * 1_000_000))
    #expect(cj.status.active.isEmpty)
    let job = try #require(w.api.get(.job, "default", "report-29454870")?.asJob)
    #expect(
      job.metadata.annotations[CronJobController.scheduledTimestampKey] == "2026-01-01T18:30:00Z")
  }

  @Test func forbidSkipsWhileAJobRuns() throws {
    let w = try JW.world([
      Self.cronJob("sweep", schedule: "*/5 * * * *", duration: "7m", policy: .forbid)
    ])
    try w.run(until: .zero + .seconds(16 * 60))
    #expect(
      JW.events(w, ["SuccessfulCreate", "JobAlreadyActive"], kind: "CronJob").map {
        $0.split(separator: " ").prefix(2).joined(separator: " ")
      } == [
        // As upstream: the skipped 00:10 run leaves lastScheduleTime alone, so when the first
        // Job finishes (7 m run from 5m4.155s) the missed time is still due (no
        // startingDeadlineSeconds) and starts late; at 00:15 that one is running.
        "5m0.1s SuccessfulCreate", "10m0.1s JobAlreadyActive", "12m4.155s SuccessfulCreate",
        "15m0.1s JobAlreadyActive",
      ])
  }

  @Test func replaceDeletesTheRunningJob() throws {
    let w = try JW.world([
      Self.cronJob("sweep", schedule: "*/5 * * * *", duration: "7m", policy: .replace)
    ])
    try w.run(until: .zero + .seconds(11 * 60))
    #expect(
      JW.events(w, ["SuccessfulCreate", "SuccessfulDelete"], kind: "CronJob") == [
        "5m0.1s SuccessfulCreate Created job sweep-29453765",
        "10m0.1s SuccessfulDelete Deleted job sweep-29453765",
        "10m0.1s SuccessfulCreate Created job sweep-29453770",
      ])
  }
}

extension CronJobControllerTests {
  /// Resumed after 3 hours of suspension with a 1-minute schedule: more than 100 start times
  /// were missed (utils.go `mostRecentScheduleTime`), so `TooManyMissedTimes` is recorded and
  /// only the most recent one runs.
  @Test func resumingAfterManyMissedStartsWarnsOnce() throws {
    guard case .cronJob(var c) = Self.cronJob("tick", schedule: "* * * * *", duration: "10s") else {
      return
    }
    c.spec.suspend = true
    let w = try JW.world([.cronJob(c)])
    try w.run(until: .zero + .hours(3) + .seconds(30))
    var cur = try #require(w.api.get(.cronJob, "default", "tick")?.asCronJob)
    cur.spec.suspend = false
    cur.metadata.resourceVersion = nil
    try w.api.update(.cronJob(cur))
    try w.run(until: .zero + .hours(3) + .seconds(50))
    #expect(
      JW.events(w, ["TooManyMissedTimes", "SuccessfulCreate"], kind: "CronJob") == [
        "3h0m30.01s TooManyMissedTimes too many missed start times. Set or decrease "
          + ".spec.startingDeadlineSeconds or check clock skew",
        "3h0m30.01s SuccessfulCreate Created job tick-29453940",
      ])
  }
}
