import KubeSimAPIServer
import KubeSimModel

/// An initial object the API server rejected (an input error: the run does not start).
public struct WorldInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `Kind/namespace/name` (or `Kind/name`) of the object, as the input gave it.
  public var object: String
  /// Its position among `WorldInput.objects` (0-based).
  public var index: Int
  /// What the API server said.
  public var error: APIError

  /// An error from its parts.
  public init(object: String, index: Int, error: APIError) {
    self.object = object
    self.index = index
    self.error = error
  }

  /// `Pod/default/web: pods "web" is forbidden: …`.
  public var description: String { "\(object): \(error.message)" }
}
