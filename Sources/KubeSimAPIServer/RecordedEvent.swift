import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// One Kubernetes Event as the simulation recorded it.
///
/// KubeSim differs from Kubernetes: Events are not API objects in the store (no aggregation into
/// `count`, no TTL); they are an append-only log in simulation order, written to `events.jsonl`.
public struct RecordedEvent: Sendable, Equatable {
  /// Simulated time of the event.
  public var time: SimTime
  /// Normal or Warning.
  public var type: EventType
  /// Upstream reason (`Scheduled`, `Pulling`, `SuccessfulCreate`, …).
  public var reason: String
  /// The involved object.
  public var object: ObjectReference
  /// The node the event concerns (`source.host` upstream), if any.
  public var node: String?
  /// The human-readable message.
  public var message: String

  /// An event from its parts.
  public init(
    time: SimTime, type: EventType, reason: String, object: ObjectReference, node: String?,
    message: String
  ) {
    self.time = time
    self.type = type
    self.reason = reason
    self.object = object
    self.node = node
    self.message = message
  }

  /// The `events.jsonl` line (without newline):
  /// `{"time_us":…,"time":"2m40s","type":…,"reason":…,"object":…,"node":…|null,"message":…}`.
  public var jsonLine: String {
    JSONValue.object([
      ("time_us", .int(time.microseconds)),
      ("time", .string(SimDuration(microseconds: time.microseconds).description)),
      ("type", .string(type.rawValue)),
      ("reason", .string(reason)),
      ("object", .string(object.eventPath)),
      ("node", node.map { .string($0) } ?? .null),
      ("message", .string(message)),
    ]).compactString
  }
}
