import KubeSimKernel
import KubeSimModel

@testable import KubeSimAPIServer

/// Small object builders for API server tests.
enum Fixture {
  static func q(_ s: String) -> Quantity {
    (try? Quantity(parsing: s)) ?? .zero
  }

  static func pod(
    _ name: String, namespace: String? = "default", generateName: String? = nil,
    cpu: String? = nil, memory: String? = nil, node: String? = nil,
    owner: String? = nil, priorityClass: String? = nil
  ) -> APIObject {
    var requests = ResourceList()
    if let cpu { requests[ResourceList.cpu] = q(cpu) }
    if let memory { requests[ResourceList.memory] = q(memory) }
    var meta = ObjectMeta(name: name, generateName: generateName, namespace: namespace)
    if let owner {
      meta.ownerReferences = [
        OwnerReference(
          apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: owner, controller: true)
      ]
    }
    var spec = PodSpec(containers: [
      Container(
        name: "app", image: "nginx:1.27", resources: ResourceRequirements(requests: requests))
    ])
    spec.nodeName = node
    spec.priorityClassName = priorityClass
    return .pod(Pod(metadata: meta, spec: spec))
  }

  static func node(_ name: String, cpu: String = "4", memory: String = "8Gi", pods: String = "110")
    -> APIObject
  {
    let list: ResourceList = [
      ResourceList.cpu: q(cpu), ResourceList.memory: q(memory), ResourceList.pods: q(pods),
    ]
    return .node(
      Node(metadata: ObjectMeta(name: name), status: NodeStatus(capacity: list, allocatable: list)))
  }

  static func namespace(_ name: String) -> APIObject {
    .namespace(Namespace(metadata: ObjectMeta(name: name)))
  }
}

/// A component that records what it observes, with the time, for watch tests.
final class Recorder: Component {
  let componentName: String
  let watches: [WatchFilter]
  var log: [String] = []
  var onTimer: ((UInt64, inout ComponentContext) -> Void)?
  var onStart: ((inout ComponentContext) -> Void)?

  init(_ name: String, _ watches: [WatchFilter]) {
    self.componentName = name
    self.watches = watches
  }

  func start(_ ctx: inout ComponentContext) {
    onStart?(&ctx)
  }

  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    let what: String
    switch change {
    case .added(let o): what = "added \(o.metadata.name)"
    case .modified(_, let n): what = "modified \(n.metadata.name)"
    case .deleted(let o): what = "deleted \(o.metadata.name)"
    }
    log.append("\(ctx.now.microseconds) \(what)")
  }

  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    log.append("\(ctx.now.microseconds) timer \(token)")
    onTimer?(token, &ctx)
  }
}
