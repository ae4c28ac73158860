import KubeSimKernel
import KubeSimModel

/// A change to one object, as a watch delivers it to a component.
///
/// For a watch with a field selector (a kubelet's `spec.nodeName=<node>`), the API server
/// translates changes as kube-apiserver does: an object that starts matching arrives as
/// `.added`, one that stops matching as `.deleted` (carrying its last matching state).
/// Upstream: `k8s.io/apimachinery/pkg/watch/watch.go` (`Added`, `Modified`, `Deleted`) and
/// `staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go` (filtered watch events).
public enum WatchChange: Sendable {
  case added(APIObject)
  case modified(old: APIObject, new: APIObject)
  case deleted(APIObject)

  /// The object as it is after the change (the last state for `.deleted`).
  public var object: APIObject {
    // `_read` lends the object (a getter would copy it, and most readers look at one field).
    _read {
      switch self {
      case .added(let o): yield o
      case .modified(_, let new): yield new
      case .deleted(let o): yield o
      }
    }
  }
}

/// What a component watches: every object of one kind, optionally only pods bound to one node.
///
/// `nodeName` is the field selector `spec.nodeName=<node>` that a kubelet uses; it applies to
/// pods only. The API server indexes subscriptions by node, so a pod write reaches the kubelet
/// of its node and not the 5,000 others.
public struct WatchFilter: Sendable, Hashable {
  /// The kind watched.
  public var kind: ObjectKind
  /// Field selector `spec.nodeName` (pods only); nil watches every object of `kind`.
  public var nodeName: String?

  /// A filter on `kind`, optionally only pods bound to `nodeName`.
  public init(kind: ObjectKind, nodeName: String? = nil) {
    self.kind = kind
    self.nodeName = nodeName
  }
}

/// A simulated control-plane or node component (scheduler, controller, kubelet).
///
/// Components never call each other: they read the store and write through the API server
/// (`ComponentContext.api`), and react to watch deliveries and to their own timers. The World
/// registers them in a fixed order; deliveries of the same instant go to components in
/// registration order, and all callbacks run on the one simulation thread.
///
/// On registration a component first receives `.added` for every object its filters match at
/// that moment (the informer's initial LIST), `watchDelay` later; then every later change, each
/// `watchDelay` after its write, in write order.
public protocol Component: AnyObject {
  /// Stable name used in logs and ordering ("default-scheduler", "replicaset-controller",
  /// "kubelet/worker-1").
  var componentName: String { get }
  /// What it watches; read once, at registration.
  var watches: [WatchFilter] { get }
  /// Called when the component is registered, at the registration instant (set the first
  /// periodic timers here). The default does nothing.
  func start(_ ctx: inout ComponentContext)
  /// A watched object changed; called `settings.watchDelay` after the write, in write order.
  func observe(_ change: WatchChange, _ ctx: inout ComponentContext)
  /// A timer this component set has fired (tokens are the component's own numbering).
  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext)
}

extension Component {
  /// Does nothing.
  public func start(_ ctx: inout ComponentContext) {}
}
