import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimYAML
import Testing

@testable import KubeSimControllers

enum JW {
  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func node(_ name: String) -> APIObject {
    var n = Node(metadata: ObjectMeta(name: name))
    n.status.capacity = ["cpu": q("4"), "memory": q("8Gi"), "pods": q("110")]
    n.status.allocatable = n.status.capacity
    return .node(n)
  }

  static func job(
    _ name: String, completions: Int32? = nil, parallelism: Int32? = nil,
    annotations: StringMap, restart: RestartPolicy = .never, configure: (inout Job) -> Void = { _ in }
  ) -> APIObject {
    var j = Job(metadata: ObjectMeta(name: name, namespace: "default"))
    j.spec.completions = completions
    j.spec.parallelism = parallelism
    j.spec.template.metadata.annotations = annotations
    j.spec.template.spec.restartPolicy = restart
    j.spec.template.spec.containers = [Container(name: "work", image: "busybox:1.36")]
    configure(&j)
    return .job(j)
  }

  static func world(_ objects: [APIObject], seed: UInt64 = 1) throws -> World {
    try World(WorldInput(seed: seed, objects: [node("n1")] + objects), components: .standard)
  }

  static func events(_ w: World, _ reasons: Set<String>, kind: String = "Job") -> [String] {
    w.recordedEvents.filter { reasons.contains($0.reason) && $0.object.kind == kind }.map {
      "\($0.time) \($0.reason) \($0.message)"
    }
  }

  static func creationTimes(_ w: World) -> [String] {
    w.recordedEvents.filter { $0.reason == "SuccessfulCreate" && $0.object.kind == "Job" }.map {
      "\($0.time)"
    }
  }
}

@Suite struct JobControllerTests {
  @Test func backoffSequenceEndsWithBackoffLimitExceeded() throws {
    // Every pod exits 1 after 5 s; backoffLimit 6 (the default): 7 pods, each replacement
    // created 10 s, 20 s, 40 s, 80 s, 160 s, 320 s after the previous failure.
    let w = try JW.world([
      JW.job("flaky", annotations: ["sim.kubesim.io/duration": "5s", "sim.kubesim.io/exit-code": "1"])
    ])
    try w.run(until: .zero + .seconds(1200))
    let times = JW.creationTimes(w)
    #expect(times.count == 7)
    // The failure times: each pod's container finishes 5 s after it started.
    let pods = w.api.list(.pod).compactMap(\.asPod).sorted {
      ($0.metadata.creationTimestamp ?? .zero) < ($1.metadata.creationTimestamp ?? .zero)
    }
    #expect(pods.count == 7)
    let finishes = pods.map { JobRecord.finishTime($0, now: .zero) }
    let created = pods.map { $0.metadata.creationTimestamp ?? .zero }
    for i in 1..<7 {
      #expect(created[i] - finishes[i - 1] == JobBackoff.delay(failures: i))
    }
    #expect(times == TestTimes.backoff)
    let job = try #require(w.api.get(.job, "default", "flaky")?.asJob)
    #expect(job.status.failed == 7 && job.status.succeeded == 0 && job.status.active == 0)
    #expect(job.status.conditions.map(\.type) == ["FailureTarget", "Failed"])
    #expect(job.status.conditions.last?.reason == "BackoffLimitExceeded")
    #expect(
      JW.events(w, ["BackoffLimitExceeded"]) == [
        "\(TestTimes.failedAt) BackoffLimitExceeded Job has reached the specified backoff limit"
      ])
  }

  @Test func backoffDelaysDoubleAndCap() {
    #expect(JobBackoff.delay(failures: 0) == .zero)
    #expect(JobBackoff.delay(failures: 1) == .seconds(10))
    #expect(JobBackoff.delay(failures: 6) == .seconds(320))
    #expect(JobBackoff.delay(failures: 7) == .seconds(600))
    #expect(JobBackoff.delay(failures: 40) == .seconds(600))
  }

  @Test func completesWithParallelism() throws {
    let w = try JW.world([
      JW.job("batch", completions: 5, parallelism: 2, annotations: ["sim.kubesim.io/duration": "10s"])
    ])
    try w.run(until: .zero + .seconds(120))
    let job = try #require(w.api.get(.job, "default", "batch")?.asJob)
    #expect(job.status.succeeded == 5 && job.status.failed == 0 && job.status.active == 0)
    #expect(job.status.conditions.map(\.type) == ["SuccessCriteriaMet", "Complete"])
    #expect(JW.creationTimes(w) == TestTimes.parallel)
    #expect(JW.events(w, ["Completed"]) == ["\(TestTimes.parallelDone) Completed Job completed"])
  }

  @Test func indexedJobAnnotatesAndCompletesEveryIndex() throws {
    let w = try JW.world([
      JW.job("idx", completions: 3, parallelism: 3, annotations: ["sim.kubesim.io/duration": "5s"]) {
        $0.spec.completionMode = .indexed
      }
    ])
    try w.run(until: .zero + .seconds(60))
    let pods = w.api.list(.pod).compactMap(\.asPod)
    let indexes = pods.compactMap { $0.metadata.annotations[JobController.completionIndexKey] }.sorted()
    #expect(indexes == ["0", "1", "2"])
    for p in pods {
      let i = p.metadata.annotations[JobController.completionIndexKey] ?? "?"
      #expect(p.metadata.name.hasPrefix("idx-\(i)-"))
      #expect(p.metadata.labels[JobController.completionIndexKey] == i)
      #expect(p.metadata.labels["job-name"] == "idx")
      // job_controller.go `manageJob`: hostname `<job>-<index>`.
      #expect(p.spec.hostname == "idx-\(i)")
    }
    let job = try #require(w.api.get(.job, "default", "idx")?.asJob)
    #expect(job.status.completedIndexes == "0-2")
    #expect(job.status.conditions.last?.type == "Complete")
  }

  @Test func activeDeadlineFailsTheJob() throws {
    let w = try JW.world([
      JW.job("slow", annotations: ["sim.kubesim.io/duration": "10m"]) {
        $0.spec.activeDeadlineSeconds = 30
      }
    ])
    try w.run(until: .zero + .seconds(120))
    let job = try #require(w.api.get(.job, "default", "slow")?.asJob)
    #expect(job.status.conditions.first?.reason == "DeadlineExceeded")
    #expect(JW.events(w, ["SuccessfulDelete"]).count == 1)
    #expect(JW.events(w, ["DeadlineExceeded"]).map { $0.split(separator: " ", maxSplits: 1)[1] } == [
      "DeadlineExceeded Job was active longer than specified deadline"
    ])
  }

  @Test func podFailurePolicyIgnoreAndFailJob() throws {
    let policy = """
      rules:
      - action: FailJob
        onExitCodes:
          operator: In
          values: [42]
      """
    let node = try YAMLParserShim.node(policy)
    let w = try JW.world([
      JW.job("pfp", annotations: ["sim.kubesim.io/duration": "5s", "sim.kubesim.io/exit-code": "42"]) {
        $0.spec.podFailurePolicy = node
      }
    ])
    try w.run(until: .zero + .seconds(60))
    let job = try #require(w.api.get(.job, "default", "pfp")?.asJob)
    #expect(job.status.conditions.last?.type == "Failed")
    #expect(job.status.conditions.last?.reason == "PodFailurePolicy")
    #expect(JW.creationTimes(w).count == 1)
  }

  @Test func suspendDeletesActivePodsAndResumeRecreatesThem() throws {
    let w = try JW.world([JW.job("pause", annotations: ["sim.kubesim.io/duration": "10m"])])
    try w.run(until: .zero + .seconds(30))
    var job = try #require(w.api.get(.job, "default", "pause")?.asJob)
    job.spec.suspend = true
    job.metadata.resourceVersion = nil
    try w.api.update(.job(job))
    try w.run(until: .zero + .seconds(90))
    job = try #require(w.api.get(.job, "default", "pause")?.asJob)
    #expect(job.status.conditions.map(\.reason) == ["JobSuspended"])
    #expect(job.status.active == 0)
    job.spec.suspend = false
    job.metadata.resourceVersion = nil
    try w.api.update(.job(job))
    try w.run(until: .zero + .seconds(100))
    job = try #require(w.api.get(.job, "default", "pause")?.asJob)
    #expect(job.status.conditions.map(\.reason) == ["JobResumed"])
    #expect(job.status.active == 1)
    #expect(
      JW.events(w, ["Suspended", "Resumed", "SuccessfulDelete"]).map {
        $0.split(separator: " ", maxSplits: 1)[1]
      } == ["Suspended Job suspended", "SuccessfulDelete Deleted pod: \(TestTimes.firstPod(w))",
        "Resumed Job resumed"])
  }

  @Test func ttlDeletesTheFinishedJob() throws {
    let w = try JW.world([
      JW.job("short", annotations: ["sim.kubesim.io/duration": "1s"]) {
        $0.spec.ttlSecondsAfterFinished = 30
      }
    ])
    try w.run(until: .zero + .seconds(20))
    #expect(w.api.get(.job, "default", "short") != nil)
    try w.run(until: .zero + .seconds(60))
    #expect(w.api.get(.job, "default", "short") == nil)
    #expect(w.api.count(.pod) == 0)
  }
}

enum TestTimes {
  static func firstPod(_ w: World) -> String {
    w.recordedEvents.first { $0.reason == "SuccessfulCreate" }?.message
      .replacingOccurrences(of: "Created pod: ", with: "") ?? ""
  }
  /// Pod 1 at 10 ms; every pod starts 1.025 s after its creation and fails 5 s later; each
  /// replacement comes 10 s, 20 s, 40 s, 80 s, 160 s, 320 s after the previous failure.
  static let backoff = [
    "10ms", "18.035s", "44.06s", "1m30.085s", "2m56.11s", "5m42.135s", "11m8.16s",
  ]
  /// Pod 7 fails at 11m14.185s; the batched sync 10 ms + 1 s later fails the Job.
  static let failedAt = "11m15.195s"
  /// Two at once; each finish (10 s run) is seen after the 1 s batch period.
  static let parallel = ["10ms", "10ms", "14.045s", "14.045s", "26.08s"]
  static let parallelDone = "38.115s"
}

enum YAMLParserShim {
  static func node(_ text: String) throws -> YAMLNode {
    try #require(try YAMLParser.parseStream(text, file: "policy.yaml").first)
  }
}
