import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScenario

@Suite struct SchedulingWarningsTests {
  func objects(_ text: String) throws -> [(APIObject, KubeSimYAML.SourceLocation)] {
    var decoder = ManifestDecoder()
    return try decoder.decodeStream(text, file: "p.yaml").compactMap {
      if case .object(let o) = $0 { return (o, KubeSimYAML.SourceLocation(file: "p.yaml", line: 1, column: 1)) }
      return nil
    }
  }

  static let pods = """
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers: [{name: c, image: nginx}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: q}
    spec:
      schedulerName: gpu-scheduler
      containers: [{name: c, image: nginx}]
    """

  @Test func warnsForASchedulerNameNoProfileHas() throws {
    let warnings = SchedulingWarnings.check(try objects(Self.pods), configurations: [])
    #expect(
      warnings.map(\.description) == [
        "p.yaml:1:1: warning: spec.schedulerName: Pod q: schedulerName \"gpu-scheduler\" matches "
          + "no scheduler profile (profiles: \"default-scheduler\"), so its pods stay Pending"
      ])
  }

  @Test func configuredProfilesReplaceTheDefault() throws {
    let config = KubeSchedulerConfiguration(profiles: [
      KubeSchedulerProfile(schedulerName: "gpu-scheduler")
    ])
    let warnings = SchedulingWarnings.check(try objects(Self.pods), configurations: [config])
    // Only the pod without schedulerName (default-scheduler) is now left out.
    #expect(
      warnings.map(\.description) == [
        "p.yaml:1:1: warning: spec.schedulerName: Pod p: schedulerName \"default-scheduler\" "
          + "matches no scheduler profile (profiles: \"gpu-scheduler\"), so its pods stay Pending"
      ])
  }
}
