extension ScenarioRunner {
  /// Runs a timeline fault; a fault on a missing object is an action failure, like a failed
  /// kubectl command.
  func performFault(_ fault: Fault, _ entry: TimelineEntry, _ report: inout RunReport) {
    let now = world.now
    do {
      let output = try FaultInjector(world: world).inject(fault)
      timelineSink?(line(now, "fault", entry.text + "  →  " + output.joined(separator: "; ")))
    } catch {
      let message =
        "timeline action failed at \(DurationFormat.compact(microseconds: now.microseconds)) (\(entry.location)): fault \(entry.text): \(error.message)"
      report.actionFailures.append(message)
      timelineSink?(line(now, "FAIL", message))
    }
  }
}
