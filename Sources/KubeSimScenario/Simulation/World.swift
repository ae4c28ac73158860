import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// One simulation run: the kernel, the API server and the registered components.
///
/// Built from a `WorldInput`, it registers the control plane (scheduler, ReplicaSet and
/// Deployment controllers), creates the initial objects (Namespaces and PriorityClasses, then
/// Nodes, then the rest in input order; a kubelet is registered for each Node as it is created,
/// including Nodes created later), and runs on demand. Timeline actions run "at now" between
/// `run(until:)` calls, through `api`.
public final class World {
  /// What the run was built from.
  public let input: WorldInput
  /// The API server: read the store; timeline actions write through it.
  public let api: APIServer
  private let componentSet: ComponentSet
  /// Node name → whether a kubelet was registered (a re-created node reuses its kubelet).
  private var kubeletNodes: Set<String> = []
  /// The control-plane components (scheduler and controllers), in registration order: what
  /// control-plane outages stop (recorders and kubelets are not part of it).
  public private(set) var controlPlane: [any Component] = []

  /// Builds the world with the standard components (`ComponentSet.standard`).
  /// - Throws: `WorldInputError` when the API server rejects an initial object.
  public convenience init(_ input: WorldInput) throws {
    try self.init(input, components: .standard)
  }

  /// Builds the world with the given components (tests use fakes).
  public init(_ input: WorldInput, components: ComponentSet) throws {
    self.input = input
    self.componentSet = components
    self.api = APIServer(settings: input.settings, seed: input.seed)
    api.onNodeCreated = { [weak self] node in self?.registerKubelet(node) }
    for component in components.controlPlane(input) {
      controlPlane.append(component)
      api.register(component)
    }
    for (index, object) in Self.creationOrder(input.objects) {
      do {
        try api.create(object)
      } catch {
        throw WorldInputError(
          object: ObjectReference.to(object).eventPath, index: index, error: error)
      }
    }
  }

  /// Input objects with their indexes: Namespaces and PriorityClasses, then Nodes, then the
  /// rest, each group in input order.
  static func creationOrder(_ objects: [APIObject]) -> [(Int, APIObject)] {
    func rank(_ o: APIObject) -> Int {
      switch o.kind {
      case .namespace, .priorityClass: return 0
      case .node: return 1
      default: return 2
      }
    }
    return objects.enumerated().map { ($0.offset, $0.element) }
      .sorted { (rank($0.1), $0.0) < (rank($1.1), $1.0) }
  }

  private func registerKubelet(_ node: Node) {
    guard !kubeletNodes.contains(node.metadata.name) else { return }
    kubeletNodes.insert(node.metadata.name)
    if let kubelet = componentSet.kubelet(node, input) {
      api.register(kubelet)
    }
  }

  /// The registered components in registration order: the control plane, then kubelets in
  /// node-creation order.
  public var components: [any Component] { api.components }

  /// The first registered component of type `T` (e.g. `DefaultScheduler`), or nil.
  public func component<T: Component>(_ type: T.Type) -> T? {
    for c in api.components {
      if let match = c as? T { return match }
    }
    return nil
  }

  /// The current simulated time.
  public var now: SimTime { api.now }
  /// The time of the next pending event, or nil when nothing is pending.
  public var nextEventTime: SimTime? { api.nextEventTime }
  /// True when a pending event is not a background timer (heartbeats, monitor passes).
  public var hasForegroundEvents: Bool { api.hasForegroundEvents }
  /// The run's root seed.
  public var seed: UInt64 { input.seed }
  /// Kubernetes Events recorded so far, in simulation order.
  public var recordedEvents: [RecordedEvent] { api.recordedEvents }
  /// Binds so far, in simulation order.
  public var bindings: [BindRecord] { api.bindings }

  /// Processes every event with time <= `t`, in order, then sets now = `t`.
  ///
  /// After each processed instant it checks the runtime invariants (a pod bound to a node that
  /// does not exist; the requests of a node's pods above its allocatable) and then calls
  /// `afterEach(now)` (the scenario runner checks `during:` expectations there); an invariant
  /// violation (`InvariantViolation`, naming the seed) or a throw from `afterEach` stops the run
  /// at that instant.
  /// - Returns: `.idle` when nothing is pending any more (now is still `t`), `.reachedTime(t)`
  ///   when events remain after `t`, `.eventsMaxReached` when `settings.maxEvents` stopped it.
  @discardableResult
  public func run(until t: SimTime, afterEach: (SimTime) throws -> Void = { _ in }) throws
    -> RunOutcome
  {
    try api.run(until: t, afterEach: afterEach)
  }
}
