import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimTestSupport
import Testing

@testable import KubeSimScheduler

/// The scheduling scenarios of this lane run green, and their key events are upstream's.
@Suite struct ConstraintScenarioTests {
  static func run(_ file: String) throws -> (RunReport, [RecordedEvent]) {
    let path = RepositoryPaths.root().path + "/Scenarios/scheduling/" + file
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let report = runner.run()
    return (report, runner.world.recordedEvents)
  }

  @Test func podAntiAffinityAcrossZones() throws {
    let (report, events) = try Self.run("pod-anti-affinity-zones.yaml")
    #expect(report.succeeded, "\(report.expectations.compactMap(\.failureMessage))")
    let failed = events.filter { $0.reason == "FailedScheduling" }.map(\.message)
    #expect(
      failed.first
        == "0/6 nodes are available: 6 node(s) didn't match pod anti-affinity rules. preemption: "
        + "0/6 nodes are available: 6 No preemption victims found for incoming pod.")
  }

  @Test func topologySpread() throws {
    let (report, events) = try Self.run("topology-spread.yaml")
    #expect(report.succeeded, "\(report.expectations.compactMap(\.failureMessage))")
    let failed = events.filter { $0.reason == "FailedScheduling" }.map(\.message)
    #expect(
      failed.first
        == "0/5 nodes are available: 5 node(s) didn't match pod topology spread constraints. "
        + "preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.")
  }

  @Test func priorityAndPreemption() throws {
    let (report, events) = try Self.run("priority-preemption.yaml")
    #expect(report.succeeded, "\(report.expectations.compactMap(\.failureMessage))")
    let preempted = events.filter { $0.reason == "Preempted" }
    #expect(preempted.count == 2)
    // Both victims on one node, the message naming the preemptor's UID and the node.
    let node = try #require(preempted.first?.node)
    #expect(preempted.allSatisfy { $0.node == node })
    #expect(preempted.allSatisfy { $0.message.hasPrefix("Preempted by pod ") })
    #expect(preempted.allSatisfy { $0.message.hasSuffix(" on node \(node)") })
    // The preemptor then lands on the nominated node.
    let api = events.filter { $0.reason == "Scheduled" && ($0.object.name ?? "").hasPrefix("api-") }
    #expect(api.count == 1)
    #expect(api.first?.node == node)
    #expect(api.first.map { $0.time >= SimTime.zero + .seconds(90) } == true)
  }
}
