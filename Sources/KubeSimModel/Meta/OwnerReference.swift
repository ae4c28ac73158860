/// A reference to an owning object (`metav1.OwnerReference`).
public struct OwnerReference: Sendable, Equatable {
  /// The owner's API version, e.g. `apps/v1`.
  public var apiVersion: String
  /// The owner's kind, e.g. `ReplicaSet`.
  public var kind: String
  /// The owner's name (same namespace as the owned object).
  public var name: String
  /// The owner's uid.
  public var uid: String
  /// True when the owner is the managing controller.
  public var controller: Bool?
  /// True when foreground deletion of the owner waits for this object.
  public var blockOwnerDeletion: Bool?

  /// Creates a `OwnerReference`; every parameter defaults to its unset value.
  public init(
    apiVersion: String = "",
    kind: String = "",
    name: String = "",
    uid: String = "",
    controller: Bool? = nil,
    blockOwnerDeletion: Bool? = nil
  ) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.uid = uid
    self.controller = controller
    self.blockOwnerDeletion = blockOwnerDeletion
  }
}
