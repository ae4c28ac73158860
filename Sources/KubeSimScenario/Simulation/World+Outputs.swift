import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension World {
  /// `events.jsonl`: one JSON object per recorded Event, each line ending in a newline, in
  /// simulation order, exactly as SCENARIO-FORMAT.md shows:
  /// `{"time_us":160000000,"time":"2m40s","type":"Normal","reason":"Scheduled","object":"Pod/default/web-5d8f7c6b9-x2xkq","node":"worker-3","message":"…"}`.
  public func eventsJSONL() -> String {
    var out = ""
    for event in api.recordedEvents {
      out += event.jsonLine
      out += "\n"
    }
    return out
  }

  /// `placements.csv`: the header `time_us,pod,node,profile,attempts`, then one row per bind,
  /// with the pod as `namespace/name`.
  public func placementsCSV() -> String {
    var out = "time_us,pod,node,profile,attempts\n"
    for b in api.bindings {
      out += "\(b.time.microseconds),\(b.namespace)/\(b.pod),\(b.node),\(b.profile),\(b.attempts)\n"
    }
    return out
  }
}
