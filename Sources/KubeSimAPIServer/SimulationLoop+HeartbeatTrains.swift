import KubeSimKernel

/// A member's place in a heartbeat train (see `SimulationLoop.joinTrain`).
public struct HeartbeatMembership: Sendable, Hashable {
  /// The train.
  let train: Int
  /// The member's index in it.
  let index: Int
}

/// Periodic heartbeats of many components on one grid, as one kernel event per period.
///
/// Five thousand kubelets each renewing a Lease and computing their node status every 10 s are
/// 43 million timer events a day, nearly all of which change nothing anyone can see. A train
/// replaces the timers of the members that started their heartbeats together: it fires once per
/// period at the instant their timers would have fired, at the place in that instant's order the
/// first of them would have had (it is scheduled when they would have scheduled theirs, and a new
/// member joins only while nothing else has been scheduled for the same fire time), and calls
/// back only the members whose work is *due* (`setDue`); the others cost a comparison. A fire
/// also records, when the API server takes writes, the renewal of every member's node Lease
/// (`lastRenewal`), which the API server reads lazily (`APIServer+Lease.swift`).
///
/// Members are called in join order, with `timerFired(token)`; members also run at every fire
/// while the API server is down (a failing heartbeat is what they react to). A train lives while
/// it has members.
struct HeartbeatTrain {
  var period: SimDuration
  /// When the pending event fires.
  var fireTime: SimTime
  var event: EventID
  var components: [Int32] = []
  var tokens: [UInt64] = []
  /// Per member: when its work is next due (`SimTime.max`: never); nil once it left.
  var due: [SimTime?] = []
  /// Per member: the kernel event index at which it joined.
  var joinedAt: [Int] = []
  var live = 0
  /// The last fire at which the API server took writes: its time and kernel event index.
  var lastRenewal: (time: SimTime, event: Int)?
}

extension SimulationLoop {
  /// Adds component `component` to a heartbeat train of `period` whose first fire is one period
  /// from now: the train created or joined last, when nothing else has been scheduled for that
  /// time since (the member's own timer would have come right after the others'), else a new one.
  /// The member is due at the first fire.
  package func joinTrain(component: Int, token: UInt64, period: SimDuration)
    -> HeartbeatMembership
  {
    let fire = now + period
    let id: Int
    if let m = mergeableTrain, m.fireTime == fire, let t = trains[m.id], t.period == period {
      id = m.id
    } else {
      id = trains.count
      let event = scheduleEvent(.train(Int32(id)), at: fire)
      trains.append(HeartbeatTrain(period: period, fireTime: fire, event: event))
      pendingTrains += 1
    }
    mergeableTrain = (id, fire)
    trains[id]?.components.append(Int32(component))
    trains[id]?.tokens.append(token)
    trains[id]?.due.append(fire)
    trains[id]?.joinedAt.append(processedEvents)
    trains[id]?.live += 1
    return HeartbeatMembership(train: id, index: (trains[id]?.components.count ?? 1) - 1)
  }

  /// Removes a member; a train without members is cancelled.
  package func leaveTrain(_ m: HeartbeatMembership) {
    guard var t = trains[m.train], m.index < t.due.count, t.due[m.index] != nil else { return }
    t.due[m.index] = nil
    t.live -= 1
    if t.live == 0 {
      queue.cancel(t.event)
      pendingTrains -= 1
      trains[m.train] = nil
      if mergeableTrain?.id == m.train { mergeableTrain = nil }
    } else {
      trains[m.train] = t
    }
  }

  /// Sets when the member's work is next due: it is called back at the first fire at or after
  /// `time` (at the pending fire when `time` is not after it).
  package func setTrainDue(_ m: HeartbeatMembership, _ time: SimTime) {
    guard let t = trains[m.train], m.index < t.due.count, t.due[m.index] != nil else { return }
    trains[m.train]?.due[m.index] = time
  }

  /// The member's last renewal: the last fire since it joined at which the API server took
  /// writes (time and kernel event index), or nil.
  package func trainRenewal(_ m: HeartbeatMembership) -> (time: SimTime, event: Int)? {
    guard let t = trains[m.train], m.index < t.due.count, t.due[m.index] != nil,
      let r = t.lastRenewal, r.event > t.joinedAt[m.index]
    else { return nil }
    return r
  }

  /// Whether the member is still in its train.
  package func isInTrain(_ m: HeartbeatMembership) -> Bool {
    guard let t = trains[m.train], m.index < t.due.count else { return false }
    return t.due[m.index] != nil
  }

  /// A fire: records the renewal, schedules the next fire first (as each member's timer would
  /// have scheduled its successor first), then calls back the members that are due.
  func fireTrain(_ id: Int, _ api: APIServer) {
    guard var t = trains[id] else { return }
    let available = api.isAvailable
    if available { t.lastRenewal = (now, processedEvents) }
    t.fireTime = now + t.period
    t.event = scheduleEvent(.train(Int32(id)), at: t.fireTime)
    trains[id] = t
    mergeableTrain = (id, t.fireTime)
    var i = 0
    while let current = trains[id], i < current.due.count {
      if let due = current.due[i], due <= now || !available {
        let c = Int(current.components[i])
        var ctx = ComponentContext(api: api, componentIndex: c)
        components[c].timerFired(current.tokens[i], &ctx)
      }
      i += 1
    }
  }
}
