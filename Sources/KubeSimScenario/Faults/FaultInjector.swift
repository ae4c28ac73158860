import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimNodeAgent
import KubeSimScheduler

/// Applies a `Fault` to a running World, at its current time.
///
/// Each injected fault is recorded as a Kubernetes Event (`type: Warning`, reason
/// `FaultInjected`, on the node or pod it hits) so that `events.jsonl` tells the whole story.
/// Faults on a node act on its kubelet (`Kubelet.crash`, `stop`, `partition`, `recover`).
public struct FaultInjector {
  /// The world the fault hits.
  public let world: World

  /// An injector for `world`.
  public init(world: World) { self.world = world }

  /// Injects `fault` now; returns what it did, one line per object, for the timeline.
  /// - Throws: `FaultError` when the node, zone or pod does not exist.
  public func inject(_ fault: Fault) throws(FaultError) -> [String] {
    switch fault {
    case .nodeCrash(let node):
      return [try onNode(node, "node-crash") { k, ctx in k.crash(&ctx) }]
    case .nodeRecover(let node), .nodeHeal(let node):
      let verb = fault == .nodeHeal(node: node) ? "node-heal" : "node-recover"
      return [try onNode(node, verb) { k, ctx in k.recover(&ctx) }]
    case .kubeletStop(let node):
      return [try onNode(node, "kubelet-stop") { k, ctx in k.stop(&ctx) }]
    case .nodePartition(let node):
      return [try onNode(node, "node-partition") { k, ctx in k.partition(&ctx) }]
    case .zoneOutage(let zone), .zoneRecover(let zone):
      let nodes = world.api.list(.node).compactMap(\.asNode).filter {
        $0.metadata.labels["topology.kubernetes.io/zone"] == zone
      }
      if nodes.isEmpty {
        throw FaultError("no node has label topology.kubernetes.io/zone=\(zone)")
      }
      var out: [String] = []
      for n in nodes {
        if case .zoneOutage = fault {
          out.append(try onNode(n.metadata.name, "zone-outage \(zone)") { k, ctx in k.crash(&ctx) })
        } else {
          out.append(
            try onNode(n.metadata.name, "zone-recover \(zone)") { k, ctx in k.recover(&ctx) })
        }
      }
      return out
    case .podCrash(let ns, let name, let code):
      return [
        try onPod(ns, name, "pod-crash exit code \(code)") { k, p, ctx in
          k.killContainers(of: p, exitCode: code, reason: "Error", &ctx)
        }
      ]
    case .registryOutage(let d), .slowPulls(let d, _):
      let until = world.now + d
      world.api.recordEvent(
        type: .warning, reason: "FaultInjected",
        object: ObjectReference(kind: "Registry", name: "image-registry"), node: nil,
        message: "Fault injected: \(fault.text)")
      for c in world.components {
        guard let k = c as? Kubelet else { continue }
        if case .slowPulls(_, let factor) = fault {
          k.slowPullsUntil = until
          k.slowPullFactor = factor
        } else {
          k.registryDownUntil = until
        }
      }
      return ["registry \(fault.text)"]
    case .apiServerOutage, .schedulerOutage, .controllerManagerOutage:
      return controlPlaneOutage(fault)
    case .oom(let ns, let name):
      return [
        try onPod(ns, name, "oom") { k, p, ctx in
          k.killContainers(of: p, exitCode: 137, reason: "OOMKilled", &ctx)
        }
      ]
    }
  }

  /// Control-plane outages (`ControlPlaneOutage.swift` explains the model).
  private func controlPlaneOutage(_ fault: Fault) -> [String] {
    let now = world.now
    let components = world.controlPlane
    let scheduler = components.filter { $0 is DefaultScheduler }
    let controllers = components.filter { !($0 is DefaultScheduler) }
    let (name, duration, targets): (String, SimDuration, [any Component])
    switch fault {
    case .apiServerOutage(let d): (name, duration, targets) = ("kube-apiserver", d, components)
    case .schedulerOutage(let d): (name, duration, targets) = ("kube-scheduler", d, scheduler)
    case .controllerManagerOutage(let d):
      (name, duration, targets) = ("kube-controller-manager", d, controllers)
    default: return []
    }
    world.api.recordEvent(
      type: .warning, reason: "FaultInjected",
      object: ObjectReference(kind: "Component", namespace: "kube-system", name: name), node: nil,
      message: "Fault injected: \(fault.text)")
    let back = now + duration
    var resume = back
    var restart = true
    if case .apiServerOutage = fault {
      world.api.makeUnavailable(until: back)
      if let t = LeaderElection.reacquireAfterAPIOutage(start: now, back: back) {
        resume = t
      } else {
        restart = false
      }
    } else {
      resume = LeaderElection.acquireTime(
        start: back, lastRenewed: LeaderElection.lastRenewal(atOrBefore: now))
    }
    for c in targets { world.api.pause(c, until: resume, restart: restart) }
    if restart {
      let leases =
        name == "kube-apiserver" ? ["kube-scheduler", "kube-controller-manager"] : [name]
      for lease in leases {
        let n = world.components.count { ($0 as? LeaderElectionAnnouncer)?.lease == lease } + 2
        world.api.register(
          LeaderElectionAnnouncer(lease: lease, identity: "\(lease)-\(n)", at: resume))
      }
    }
    return [
      "\(name) down until \(back), leading again at \(resume)\(restart ? " (restarted)" : "")"
    ]
  }

  private func kubelet(_ node: String) -> Kubelet? {
    for c in world.components {
      if let k = c as? Kubelet, k.nodeName == node { return k }
    }
    return nil
  }

  private func onNode(
    _ node: String, _ what: String, _ body: (Kubelet, inout ComponentContext) -> Void
  ) throws(FaultError) -> String {
    guard case .node(let n)? = world.api.get(.node, nil, node) else {
      throw FaultError("node \"\(node)\" not found")
    }
    guard let k = kubelet(node) else { throw FaultError("node \"\(node)\" has no kubelet") }
    world.api.recordEvent(
      type: .warning, reason: "FaultInjected", object: ObjectReference.to(.node(n)), node: node,
      message: "Fault injected: \(what) \(node)")
    _ = world.api.withContext(of: k) { ctx in body(k, &ctx) }
    return "node/\(node) \(what)"
  }

  private func onPod(
    _ ns: String, _ name: String, _ what: String,
    _ body: (Kubelet, Pod, inout ComponentContext) -> Void
  ) throws(FaultError) -> String {
    guard case .pod(let p)? = world.api.get(.pod, ns, name) else {
      throw FaultError("pod \"\(ns)/\(name)\" not found")
    }
    guard let node = p.spec.nodeName, !node.isEmpty, let k = kubelet(node) else {
      throw FaultError("pod \"\(ns)/\(name)\" is not running on a node")
    }
    world.api.recordEvent(
      type: .warning, reason: "FaultInjected", object: ObjectReference.to(.pod(p)), node: node,
      message: "Fault injected: \(what) \(ns)/\(name)")
    _ = world.api.withContext(of: k) { ctx in body(k, p, &ctx) }
    return "pod/\(name) \(what)"
  }
}
