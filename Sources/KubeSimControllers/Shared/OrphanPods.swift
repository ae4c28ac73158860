import KubeSimAPIServer
import KubeSimModel

/// Active pods without a controller reference, by namespace, kept from a controller's pod watch:
/// the adoption candidates its `ClaimPods` would find in the pod lister.
struct OrphanPods {
  private var byNamespace: [String: [String: Pod]] = [:]

  /// Records a pod change. - Returns: the pod when it is now an active orphan (the controller
  /// then syncs the owners whose selector matches it, as `addPod`/`updatePod` do upstream).
  mutating func observe(_ change: WatchChange) -> Pod? {
    switch change {
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      let ns = p.metadata.namespace ?? "default"
      if PodUtil.controllerRef(p.metadata) == nil && PodUtil.isActive(p) {
        byNamespace[ns, default: [:]][p.metadata.name] = p
        return p
      }
      byNamespace[ns]?[p.metadata.name] = nil
    case .deleted(.pod(let p)):
      byNamespace[p.metadata.namespace ?? "default"]?[p.metadata.name] = nil
    default: break
    }
    return nil
  }

  /// The orphans of `namespace`, in name order.
  func candidates(in namespace: String) -> [Pod] {
    guard let pods = byNamespace[namespace], !pods.isEmpty else { return [] }
    return pods.keys.sorted().compactMap { pods[$0] }
  }

  /// Forgets an adopted pod.
  mutating func remove(_ pod: Pod) {
    byNamespace[pod.metadata.namespace ?? "default"]?[pod.metadata.name] = nil
  }
}

extension ControllerRefManager {
  /// `PodControllerRefManager.ClaimPods` for one controller over its owned active pods and the
  /// orphans of its namespace: releases owned pods that `selector` (and `filter`) no longer
  /// match, adopts the orphans they match.
  /// - Returns: the pods adopted and released, as stored after the write.
  static func claimPods(
    controller: ObjectMeta, kind: ObjectKind, apiVersion: String, selector: LabelSelector,
    owned: [Pod], orphans: inout OrphanPods, filter: (Pod) -> Bool = { _ in true },
    _ api: APIServer
  ) -> (adopted: [Pod], released: [Pod]) {
    func match(_ p: Pod) -> Bool { selector.matches(p.metadata.labels) && filter(p) }
    var released: [Pod] = []
    for p in owned where PodUtil.isActive(p) && !match(p) {
      guard decide(p.metadata, controller: controller, matches: false) == .release,
        case .pod(let stored)? = release(.pod(p), controllerUID: controller.uid, api)
      else { continue }
      released.append(stored)
    }
    var adopted: [Pod] = []
    for p in orphans.candidates(in: controller.namespace ?? "default") {
      guard decide(p.metadata, controller: controller, matches: match(p)) == .adopt,
        case .pod(let stored)? = adopt(
          .pod(p), by: kind, apiVersion: apiVersion, controller: controller, api)
      else { continue }
      orphans.remove(p)
      adopted.append(stored)
    }
    return (adopted, released)
  }
}
