import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// `csv(FILE)` usage annotations: read at load time into `series(...)`, linear in between, with
/// errors positioned in the CSV file.
@Suite(.serialized) struct CSVUsageSeriesTests {
  static let scenario = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations: {sim.kubesim.io/cpu: csv(cpu.csv)}
    spec:
      containers:
      - {name: app, image: "web:1", resources: {requests: {cpu: 500m}}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: csv}
    spec: {duration: 1m}

    """

  static func load(_ csv: String?) -> Result<LoadedInput, ScenarioLoadError> {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write("s.yaml", scenario)
    if let csv { _ = dir.write("cpu.csv", csv) }
    return ScenarioLoader.load([file], requireScenario: true)
  }

  @Test func inlinesTheFileAsALinearSeries() throws {
    let input = try Self.load("time,value\n# ramp\n0s,100m\n60,300m\n2m,40%\n").get()
    guard case .pod(let pod)? = input.objects.first(where: { $0.kind == .pod }) else {
      Issue.record("no pod")
      return
    }
    let text = try #require(pod.metadata.annotations["sim.kubesim.io/cpu"])
    #expect(text == "series(0s=100m, 1m0s=300m, 2m0s=40%)")
    let model = try UsageModel(parsing: text, resource: .cpu, key: "k")
    func at(_ s: Int64) -> Int64 {
      model.value(UsageInput(time: .zero + .seconds(s), request: 500))
    }
    #expect([at(0), at(30), at(60), at(90), at(120), at(600)] == [100, 200, 300, 250, 200, 200])
  }

  @Test func reportsBadLinesWithTheirPosition() {
    guard case .failure(let e) = Self.load("0s,100m\n30s,lots\n") else {
      Issue.record("expected an error")
      return
    }
    #expect(
      e.diagnostics.map(\.description).contains {
        $0.hasSuffix(
          "cpu.csv:2:5: expected a quantity such as 250m or a percentage such as 40%, found \"lots\""
        )
      })
    guard case .failure(let e2) = Self.load("30s,100m\n10s,200m\n") else {
      Issue.record("expected an error")
      return
    }
    #expect(
      e2.diagnostics.map(\.description).contains {
        $0.hasSuffix("cpu.csv:2:1: times must increase: 10s is not after 30s")
      })
  }

  @Test func reportsAMissingFileAtTheObject() {
    guard case .failure(let e) = Self.load(nil) else {
      Issue.record("expected an error")
      return
    }
    #expect(
      e.diagnostics.map(\.description).contains {
        $0.contains("s.yaml:1:1: metadata.annotations.sim.kubesim.io/cpu: cannot read")
          && $0.contains("cpu.csv: no such file")
      })
  }
}
