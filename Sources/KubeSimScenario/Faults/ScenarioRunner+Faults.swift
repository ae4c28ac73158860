extension ScenarioRunner {
  /// Runs a timeline fault; a fault on a missing object is an action failure, like a failed
  /// kubectl command.
  func performFault(_ fault: Fault, _ entry: TimelineEntry, _ report: inout RunReport) {
    let now = world.now
    do {
      let output = try FaultInjector(world: world).inject(fault)
      recordFault(fault, entry)
      trafficFault(fault)
      timelineSink?(line(now, "fault", entry.text + "  →  " + output.joined(separator: "; ")))
    } catch {
      let message =
        "timeline action failed at \(DurationFormat.compact(microseconds: now.microseconds)) (\(entry.location)): fault \(entry.text): \(error.message)"
      report.actionFailures.append(message)
      timelineSink?(line(now, "FAIL", message))
    }
  }
}

extension ScenarioRunner {
  /// Gives the self-healing recorder the faults it measures (not the recoveries).
  func recordFault(_ fault: Fault, _ entry: TimelineEntry) {
    switch fault {
    case .nodeCrash(let n), .kubeletStop(let n), .nodePartition(let n):
      selfHealing.faultInjected(entry.text, node: n, api: world.api)
    case .zoneOutage(let zone):
      for node in world.api.list(.node).compactMap(\.asNode)
      where node.metadata.labels["topology.kubernetes.io/zone"] == zone {
        selfHealing.faultInjected(
          "\(entry.text): \(node.metadata.name)", node: node.metadata.name, api: world.api)
      }
    case .podCrash, .oom:
      selfHealing.faultInjected(entry.text, node: nil, api: world.api)
    case .nodeRecover, .nodeHeal, .zoneRecover, .registryOutage, .slowPulls, .apiServerOutage,
      .schedulerOutage, .controllerManagerOutage:
      break
    }
  }
}
