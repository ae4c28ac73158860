import KubeSimKernel
import KubeSimModel
import KubeSimNodeAgent
import KubeSimYAML

/// One entry of `spec.timeline`: an action at a simulated time.
public struct TimelineEntry: Sendable {
  /// When the action runs (after every event of earlier instants, before later ones).
  public var at: SimTime
  /// What the entry does.
  public var action: TimelineAction
  /// The position of the entry's `at:` value, for messages.
  public var location: SourceLocation
  /// The action's text as written (`scale deployment/web --replicas=5`), for the timeline output.
  public var text: String
  /// For `apply -f`/`create -f`: the objects of the file, decoded when the scenario is loaded
  /// (so a bad file is an input error before the run, not a failure half-way).
  public var manifests: [APIObject] = []

  /// Creates a value with the given parts.
  public init(at: SimTime, action: TimelineAction, location: SourceLocation, text: String) {
    self.at = at
    self.action = action
    self.location = location
    self.text = text
  }
}

/// What a timeline entry does.
public enum TimelineAction: Sendable, Equatable {
  case kubectl(KubectlCommand)
  /// A scripted fault (`fault: node-crash worker-2`), see `Fault`.
  case fault(Fault)
  /// Offered load for a Service ("namespace/name") from now on (`load: service/web 800rps`),
  /// see `LoadDecoder`.
  case load(service: String, profile: LoadProfile)
}
