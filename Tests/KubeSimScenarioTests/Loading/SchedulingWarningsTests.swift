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

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      nodeSelector: {disk: ssd}
      topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
      containers: [{name: c, image: nginx}]
    """

  @Test func warnsForFieldsWhosePluginIsMissing() throws {
    let warnings = SchedulingWarnings.check(try objects(Self.pod), implemented: [])
    #expect(
      warnings.map(\.description) == [
        "p.yaml:1:1: warning: spec.nodeSelector: Pod p: the scheduler does not honour this yet (plugin NodeAffinity, issue 3), so its pods may be placed on any node",
        "p.yaml:1:1: warning: spec.topologySpreadConstraints: Pod p: the scheduler does not honour this yet (plugin PodTopologySpread, issue 3), so its pods may be placed on any node",
      ])
  }

  @Test func noWarningOnceThePluginExists() throws {
    let warnings = SchedulingWarnings.check(
      try objects(Self.pod), implemented: ["NodeAffinity", "PodTopologySpread"])
    #expect(warnings.isEmpty)
  }
}
