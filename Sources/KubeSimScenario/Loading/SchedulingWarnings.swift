import KubeSimModel
import KubeSimScheduler
import KubeSimYAML

/// Warns about pod fields the scheduler does not honour yet, so they never change placement
/// silently: `nodeSelector` and node affinity need the NodeAffinity plugin, pod (anti-)affinity
/// InterPodAffinity, topology spread constraints PodTopologySpread (issue 3 brings them).
///
/// The check reads the scheduler's plugin registry, so each warning disappears by itself when
/// its plugin lands.
enum SchedulingWarnings {
  static func check(_ objects: [(APIObject, SourceLocation)], implemented: [String] = Registry.names)
    -> [ScenarioDiagnostic]
  {
    var out: [ScenarioDiagnostic] = []
    for (object, location) in objects {
      guard let (spec, prefix) = podSpec(of: object) else { continue }
      var unsupported: [(String, String)] = []
      if !spec.nodeSelector.isEmpty { unsupported.append(("nodeSelector", "NodeAffinity")) }
      if spec.affinity?.nodeAffinity != nil {
        unsupported.append(("affinity.nodeAffinity", "NodeAffinity"))
      }
      if spec.affinity?.podAffinity != nil {
        unsupported.append(("affinity.podAffinity", "InterPodAffinity"))
      }
      if spec.affinity?.podAntiAffinity != nil {
        unsupported.append(("affinity.podAntiAffinity", "InterPodAffinity"))
      }
      if !spec.topologySpreadConstraints.isEmpty {
        unsupported.append(("topologySpreadConstraints", "PodTopologySpread"))
      }
      for (field, plugin) in unsupported where !implemented.contains(plugin) {
        out.append(
          ScenarioDiagnostic(
            .warning, at: location, path: prefix + field,
            "\(object.kind.name) \(object.metadata.name): the scheduler does not honour this yet"
              + " (plugin \(plugin), issue 3), so its pods may be placed on any node"))
      }
    }
    return out
  }

  /// The pod spec an object creates pods from, and the path to it.
  static func podSpec(of object: APIObject) -> (PodSpec, String)? {
    switch object {
    case .pod(let p): return (p.spec, "spec.")
    case .deployment(let d): return (d.spec.template.spec, "spec.template.spec.")
    case .replicaSet(let r): return (r.spec.template.spec, "spec.template.spec.")
    case .daemonSet(let d): return (d.spec.template.spec, "spec.template.spec.")
    case .statefulSet(let s): return (s.spec.template.spec, "spec.template.spec.")
    case .job(let j): return (j.spec.template.spec, "spec.template.spec.")
    case .cronJob(let c):
      return (c.spec.jobTemplate.spec.template.spec, "spec.jobTemplate.spec.template.spec.")
    default: return nil
    }
  }
}
