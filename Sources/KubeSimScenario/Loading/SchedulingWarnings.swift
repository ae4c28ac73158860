import KubeSimModel
import KubeSimScheduler
import KubeSimYAML

/// Warns about pods no scheduler profile will ever place: a pod (or a workload's pod template)
/// whose `spec.schedulerName` (default `default-scheduler`) names none of the profiles the
/// scenario's KubeSchedulerConfiguration documents define (`default-scheduler` alone when there
/// are none). kube-scheduler does not even queue such a pod (eventhandlers.go
/// `responsibleForPod`): it stays Pending for good, which is easy to miss in a run's output.
///
/// A named policy other than `default` (`settings.schedulerProfile`) provides a
/// `default-scheduler` profile (`DefaultScheduler.profiles`); one given only on the command line
/// (`kubesim run --profile`) is not known here.
enum SchedulingWarnings {
  static func check(
    _ objects: [(APIObject, SourceLocation)], configurations: [KubeSchedulerConfiguration],
    policy: Bool = false
  ) -> [ScenarioDiagnostic] {
    var profiles: [String] = policy ? ["default-scheduler"] : []
    for c in configurations {
      for p in c.profiles where !profiles.contains(p.schedulerName ?? "default-scheduler") {
        profiles.append(p.schedulerName ?? "default-scheduler")
      }
    }
    if profiles.isEmpty { profiles = ["default-scheduler"] }
    var out: [ScenarioDiagnostic] = []
    for (object, location) in objects {
      guard let (spec, prefix) = podSpec(of: object) else { continue }
      let name = spec.schedulerName ?? "default-scheduler"
      if profiles.contains(name) { continue }
      let known = profiles.map { "\"\($0)\"" }.joined(separator: ", ")
      out.append(
        ScenarioDiagnostic(
          .warning, at: location, path: prefix + "schedulerName",
          "\(object.kind.name) \(object.metadata.name): schedulerName \"\(name)\" matches no "
            + "scheduler profile (profiles: \(known)), so its pods stay Pending"))
    }
    return out
  }

  /// Whether the Scenario's settings name a policy other than `default` (`schedulerProfile`).
  static func policy(in settings: [YAMLPair]) -> Bool {
    for pair in settings {
      guard case .scalar(let k) = pair.key.content, k.text == "schedulerProfile" else { continue }
      if case .scalar(let v) = pair.value.content { return v.text != "default" }
    }
    return false
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
