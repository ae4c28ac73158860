import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

@testable import KubeSimScenario

/// A first-fit scheduler for World tests: a pending pod is bound `schedulerCycleCost` after it
/// is observed to the first node (by name) whose free CPU fits, or to `forcedNode` if set.
final class FakeScheduler: Component {
  let componentName = "default-scheduler"
  let watches = [WatchFilter(kind: .pod)]
  var pending: [UInt64: (String, String)] = [:]
  var nextToken: UInt64 = 0
  var forcedNode: String?

  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    guard case .added(.pod(let pod)) = change, pod.spec.nodeName == nil else { return }
    nextToken += 1
    pending[nextToken] = (pod.metadata.namespace ?? "default", pod.metadata.name)
    ctx.setTimer(after: ctx.settings.schedulerCycleCost, token: nextToken)
  }

  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard let (ns, name) = pending.removeValue(forKey: token),
      case .pod(let pod)? = ctx.api.get(.pod, ns, name)
    else { return }
    let need = PodResources.requests(of: pod).milliCPU
    var chosen = forcedNode
    if chosen == nil {
      for case .node(let node) in ctx.api.list(.node) {
        let used = ctx.api.pods(onNode: node.metadata.name)
          .reduce(Int64(0)) { $0 + PodResources.requests(of: $1).milliCPU }
        if used + need <= node.status.allocatable.cpuMilli {
          chosen = node.metadata.name
          break
        }
      }
    }
    guard let node = chosen else { return }
    guard (try? ctx.api.bind(ns, name, to: node)) != nil else { return }
    ctx.recordEvent(
      type: .normal, reason: "Scheduled", object: ObjectReference.to(.pod(pod)), node: node,
      message: "Successfully assigned \(ns)/\(name) to \(node)")
  }
}

/// A kubelet for World tests: starts each pod of its node `containerStartDelay` after seeing it.
final class FakeKubelet: Component {
  let node: String
  var componentName: String { "kubelet/\(node)" }
  var watches: [WatchFilter] { [WatchFilter(kind: .pod, nodeName: node)] }
  var starting: [UInt64: (String, String)] = [:]
  var nextToken: UInt64 = 0

  init(node: String) { self.node = node }

  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    guard case .added(.pod(let pod)) = change else { return }
    nextToken += 1
    starting[nextToken] = (pod.metadata.namespace ?? "default", pod.metadata.name)
    ctx.setTimer(after: ctx.settings.containerStartDelay, token: nextToken)
  }

  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard let (ns, name) = starting.removeValue(forKey: token),
      case .pod(var pod)? = ctx.api.get(.pod, ns, name)
    else { return }
    pod.status.phase = .running
    _ = try? ctx.api.updateStatus(.pod(pod))
    ctx.recordEvent(
      type: .normal, reason: "Started", object: ObjectReference.to(.pod(pod)), node: node,
      message: "Started container \(pod.spec.containers.first?.name ?? "")")
  }
}

extension ComponentSet {
  static func fakes(forcedNode: String? = nil) -> ComponentSet {
    ComponentSet(
      controlPlane: { _ in
        let s = FakeScheduler()
        s.forcedNode = forcedNode
        return [s]
      },
      kubelet: { node, _ in FakeKubelet(node: node.metadata.name) })
  }
}

enum WorldFixture {
  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func node(_ name: String, cpu: String = "2") -> APIObject {
    let list: ResourceList = [
      ResourceList.cpu: q(cpu), ResourceList.memory: q("4Gi"), ResourceList.pods: q("110"),
    ]
    return .node(
      Node(metadata: ObjectMeta(name: name), status: NodeStatus(capacity: list, allocatable: list)))
  }

  static func pod(
    _ name: String, namespace: String = "default", generateName: String? = nil, cpu: String = "1"
  ) -> APIObject {
    .pod(
      Pod(
        metadata: ObjectMeta(name: name, generateName: generateName, namespace: namespace),
        spec: PodSpec(containers: [
          Container(
            name: "app", image: "nginx:1.27",
            resources: ResourceRequirements(requests: [ResourceList.cpu: q(cpu)]))
        ])))
  }
}
