import KubeSimModel
import KubeSimYAML

/// Warns about Jobs (and CronJobs) whose pods would never exit.
///
/// A simulated container runs forever unless `sim.kubesim.io/duration` (or a per-container
/// `sim.kubesim.io/duration.<name>`) says otherwise (SCENARIO-FORMAT.md), so such a Job never
/// completes: almost always a forgotten annotation.
enum JobWarnings {
  static let annotation = "sim.kubesim.io/duration"

  static func check(_ objects: [(APIObject, SourceLocation)]) -> [ScenarioDiagnostic] {
    var out: [ScenarioDiagnostic] = []
    for (object, location) in objects {
      let template: PodTemplateSpec
      let path: String
      switch object {
      case .job(let job):
        template = job.spec.template
        path = "spec.template.metadata.annotations"
      case .cronJob(let cronJob):
        template = cronJob.spec.jobTemplate.spec.template
        path = "spec.jobTemplate.spec.template.metadata.annotations"
      default:
        continue
      }
      let annotations = template.metadata.annotations
      let containers = template.spec.containers.map(\.name)
      let all = annotations[annotation] != nil
      let each =
        !containers.isEmpty && containers.allSatisfy { annotations[annotation + "." + $0] != nil }
      if !all && !each {
        out.append(
          ScenarioDiagnostic(
            .warning, at: location, path: path,
            "\(object.kind.name) \(object.metadata.name): its pods never exit (no \(annotation) annotation, e.g. \(annotation): 30s), so it never completes"
          ))
      }
    }
    return out
  }
}
