/// Upstream `RunPostFilterPlugins` (pkg/scheduler/framework/runtime/framework.go): the PostFilter
/// plugins run in configured order until one returns Success, UnschedulableAndUnresolvable or
/// Error; an Unschedulable status adds its reasons and the next plugin runs. The message put in
/// the FitError (`Diagnosis.PostFilterMsg`) is the deciding status's message, or every
/// collected reason joined by ", " (`Status.Message()`).
///
/// DefaultPreemption's real work needs the API server's pods and PDBs, so `SchedulingAlgorithm`
/// runs the plugins configured before it and `DefaultScheduler` runs preemption and then the
/// plugins configured after it (with a fresh `CycleState`: KubeSim differs here, upstream
/// shares the cycle's state), each half through `run`.
public enum PostFilterRun {
  /// Runs `plugins` in order, continuing from `reasons`.
  /// - Returns: true when a plugin ended the phase; `fe.postFilterMessage` is then final.
  ///   Otherwise `reasons` holds every reason so far and `fe.postFilterMessage` their join.
  public static func run(
    _ plugins: ArraySlice<any PostFilterPlugin>, _ state: inout CycleState, _ pod: PodInfo,
    _ snapshot: NodeSnapshot, _ statuses: [(node: String, status: Status)],
    reasons: inout [String], into fe: inout FitError
  ) -> Bool {
    for p in plugins {
      let r = p.postFilter(&state, pod, snapshot, statuses)
      // framework.go: Success returns its result; UnschedulableAndUnresolvable and Error
      // (any other non-rejection) end the phase too.
      if r.status.isSuccess || r.status.code == .unschedulableAndUnresolvable
        || !r.status.isRejected
      {
        fe.nominatedNodeName = r.nominatedNode ?? fe.nominatedNodeName
        fe.postFilterMessage = r.status.message
        fe.postFilterEnded = true
        return true
      }
      // "`result` records the last meaningful (non-noop) PostFilterResult".
      if let n = r.nominatedNode { fe.nominatedNodeName = n }
      reasons += r.status.reasons
    }
    fe.postFilterMessage = reasons.joined(separator: ", ")
    return false
  }
}

extension Profile {
  /// The PostFilter plugins configured before and after DefaultPreemption (`preemption`): all
  /// of them before when preemption is disabled; a profile built without a PostFilter list
  /// (`Profile.init`) preempts first.
  public var postFiltersAroundPreemption:
    (before: ArraySlice<any PostFilterPlugin>, after: ArraySlice<any PostFilterPlugin>)
  {
    let all = postFilters
    if preemption == nil { return (all[...], []) }
    guard let i = all.firstIndex(where: { $0 is DefaultPreemption }) else { return ([], all[...]) }
    return (all[..<i], all[(i + 1)...])
  }
}

extension DefaultPreemption: PostFilterPlugin {
  /// The framework-level stand-in used where nothing may be evicted (`kubesim explain
  /// --snapshot`): the message DefaultPreemption gives when it finds no victims. The scheduler
  /// runs the real preemption (`postFilter(_:profile:snapshot:statuses:order:pdbs:now:random:)`)
  /// in this plugin's place.
  public func postFilter(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot,
    _ statuses: [(node: String, status: Status)]
  ) -> (nominatedNode: String?, status: Status) {
    let msg = FitError.noVictimsPostFilterMessage(
      numAllNodes: snapshot.table.isLive.lazy.filter { $0 }.count, statuses: statuses.map(\.status),
      preemptionNever: pod.pod.spec.preemptionPolicy == .never)
    return (nil, Status(.unschedulable, [msg], plugin: name))
  }
}
