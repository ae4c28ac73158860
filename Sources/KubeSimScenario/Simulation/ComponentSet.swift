import KubeSimAPIServer
import KubeSimModel

/// How a World builds its components: the control plane once, a kubelet per Node.
///
/// The World registers `controlPlane` components in the order returned, before creating any
/// object, and one kubelet per Node as each Node is created (initial or later), so deliveries
/// of one instant reach the scheduler, then the controllers, then kubelets in node-creation
/// order. Tests pass their own sets of fake components.
public struct ComponentSet {
  /// The scheduler and controllers, in registration order.
  public var controlPlane: (WorldInput) -> [any Component]
  /// The kubelet of a node, or nil for none.
  public var kubelet: (Node, WorldInput) -> (any Component)?

  /// A set from its two factories.
  public init(
    controlPlane: @escaping (WorldInput) -> [any Component],
    kubelet: @escaping (Node, WorldInput) -> (any Component)?
  ) {
    self.controlPlane = controlPlane
    self.kubelet = kubelet
  }

  /// No components: the store, watches and timeline only.
  public static var none: ComponentSet {
    ComponentSet(controlPlane: { _ in [] }, kubelet: { _, _ in nil })
  }
}
