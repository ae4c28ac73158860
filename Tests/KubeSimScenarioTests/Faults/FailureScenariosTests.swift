import KubeSimKernel
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// The bundled failure scenarios pass their own expectations, twice with identical events.
@Suite struct FailureScenariosTests {
  static let files = [
    "self-healing/node-crash.yaml", "self-healing/node-crash-toleration-30s.yaml",
    "self-healing/node-partition.yaml", "self-healing/zone-outage.yaml",
    "self-healing/spot-failures.yaml", "self-healing/memory-pressure.yaml",
    "faults/crash-loop.yaml", "faults/oom-killed.yaml",
    "faults/registry-outage.yaml", "faults/control-plane-outage.yaml",
  ]

  @Test(arguments: files)
  func passesItsExpectationsDeterministically(_ file: String) throws {
    let path = RepositoryPaths.root().path + "/Scenarios/" + file
    func run() throws -> (RunReport, String) {
      let input = try ScenarioLoader.load([path], requireScenario: true).get()
      let runner = try ScenarioRunner(input, options: RunOptions())
      let report = runner.run()
      return (report, runner.world.eventsJSONL())
    }
    let (a, eventsA) = try run()
    let (_, eventsB) = try run()
    #expect(a.actionFailures.isEmpty)
    let failed = a.expectations.filter { !$0.passed }.map(\.text)
    #expect(failed == [])
    #expect(eventsA == eventsB)
  }
}
