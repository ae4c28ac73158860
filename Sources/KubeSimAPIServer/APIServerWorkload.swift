import KubeSimKernel
import KubeSimModel

/// A synthetic API-server workload for benchmarks (`kubesim bench`): the store, admission,
/// indexes and watch fan-out at cluster scale, without scheduling logic.
///
/// `run(nodes:pods:)` creates `nodes` Nodes, each with a kubelet-like watcher
/// (`spec.nodeName` filter), one scheduler-like watcher of every pod, then `pods` pods (100m
/// CPU, generated names, one owner), binds them round-robin, and processes every delivery.
/// The caller times it; the result is the number of kernel events processed
/// (`2 × pods` deliveries plus the watchers' start events), a check that the work happened.
public enum APIServerWorkload {
  /// Runs the workload; returns the number of kernel events processed.
  public static func run(nodes: Int, pods: Int, seed: UInt64 = 1) throws -> Int {
    let api = APIServer(seed: seed)
    api.register(NullWatcher(name: "scheduler", watches: [WatchFilter(kind: .pod)]))
    let cpu = (try? Quantity(parsing: "64")) ?? .zero
    let memory = (try? Quantity(parsing: "256Gi")) ?? .zero
    let count = (try? Quantity(parsing: "110")) ?? .zero
    let request = (try? Quantity(parsing: "100m")) ?? .zero
    let list: ResourceList = [
      ResourceList.cpu: cpu, ResourceList.memory: memory, ResourceList.pods: count,
    ]
    for i in 1...max(1, nodes) {
      let name = "node-\(i)"
      try api.create(
        .node(
          Node(
            metadata: ObjectMeta(name: name), status: NodeStatus(capacity: list, allocatable: list))
        ))
      api.register(
        NullWatcher(name: "kubelet/" + name, watches: [WatchFilter(kind: .pod, nodeName: name)]))
    }
    var template = Pod(
      metadata: ObjectMeta(generateName: "web-5d8f7c6b9-", namespace: "default"),
      spec: PodSpec(containers: [
        Container(
          name: "app", image: "nginx:1.27",
          resources: ResourceRequirements(requests: [ResourceList.cpu: request]))
      ]))
    template.metadata.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d8f7c6b9", uid: "rs",
        controller: true)
    ]
    var names: [String] = []
    names.reserveCapacity(pods)
    for _ in 0..<pods {
      names.append(try api.create(.pod(template)).metadata.name)
    }
    for (i, name) in names.enumerated() {
      try api.bind("default", name, to: "node-\(i % max(1, nodes) + 1)")
    }
    try api.run(until: api.now + .seconds(1))
    return api.processedEvents
  }
}

/// A watcher that ignores what it receives.
private final class NullWatcher: Component {
  let componentName: String
  let watches: [WatchFilter]
  init(name: String, watches: [WatchFilter]) {
    self.componentName = name
    self.watches = watches
  }
  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {}
  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}
}
