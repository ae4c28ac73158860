import KubeSimKernel

/// What a run produced besides the World's own outputs: expectation verdicts, action failures
/// and counts, for the summary and the exit code.
public struct RunReport: Sendable {
  /// One verdict per `expect` entry, in file order.
  public var expectations: [ExpectationResult] = []
  /// Timeline actions that failed at run time (e.g. an object that does not exist).
  public var actionFailures: [String] = []
  /// The simulated time the run stopped at.
  public var endTime: SimTime = .zero
  /// Why the run stopped (`idle`, time reached, event limit).
  public var outcome: String = ""
  /// Kernel events processed.
  public var processedEvents = 0
  /// Pods added to the store during the run (including initial ones).
  public var podsCreated = 0
  /// Binds.
  public var podsScheduled = 0
  /// Pods that reached phase Running at least once.
  public var podsEverRunning = 0
  /// Pods in phase Running at the end.
  public var podsRunningAtEnd = 0
  /// Pods without a node at the end.
  public var podsPendingAtEnd = 0
  /// Pods that reached phase Succeeded.
  public var podsSucceeded = 0
  /// Pods that reached phase Failed.
  public var podsFailed = 0
  /// Pods removed from the store.
  public var podsDeleted = 0
  /// FailedScheduling events recorded.
  public var failedSchedulingEvents = 0
  /// The root seed the run used.
  public var seed: UInt64 = 0
  /// Per injected fault: detection, eviction, recovery, pods and Job work lost (issue 5).
  public var faults: [FaultOutcome] = []
  /// Per Service: availability over the run (issue 5).
  public var availability: [ServiceAvailability] = []
  /// Per Service with offered load: what it came to (issue 6).
  public var traffic: [ServiceTrafficResult] = []

  /// True when every expectation held and every action succeeded.
  public var succeeded: Bool {
    actionFailures.isEmpty && expectations.allSatisfy(\.passed)
  }
}
