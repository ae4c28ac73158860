@testable import KubeSimControllers
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScenario

/// The node lifecycle controller's monitor pass skips quiet nodes whose Lease a running kubelet
/// renews, and visits a node again as soon as its kubelet stops (same results as visiting
/// every node: the exact event times are pinned by `NodeFailureTests` and the goldens).
@Suite(.serialized) struct NodeLifecycleSkippingTests {
  @Test func crashedNodeIsWatchedAndHealthyNodesAreSkipped() throws {
    let runner = try NodeFailureTests.run(NodeFailureTests.scenario())
    let c = try #require(runner.world.component(NodeLifecycleController.self))
    #expect(c.skipped.sorted() == ["worker-1", "worker-3"])
    #expect(c.watched.sorted() == ["worker-2"])
    // Only the not-excluded skipped nodes are counted in their (unlabelled) zone.
    #expect(c.skippedReady[""] == 2)
    // The crashed node's Lease stopped at its last renewal before 65 s (the train of the three
    // kubelets fires at 0, 10 s, ..., 60 s).
    #expect(runner.world.api.nodeLeaseRenewTime("worker-2") == .zero + .seconds(60))
    #expect(!runner.world.api.nodeLeaseIsLive("worker-2"))
    #expect(runner.world.api.nodeLeaseIsLive("worker-1"))
  }

  @Test func notReadyComesOneGracePeriodAfterTheFirstPassThatSawTheLastRenewal() throws {
    let runner = try NodeFailureTests.run(NodeFailureTests.scenario())
    let notReady = runner.world.recordedEvents.first {
      $0.reason == "NodeNotReady" && $0.object.kind == "Node"
    }
    // Renewed at 60 s, seen by the pass at 60 s (the train fires first in that instant): Unknown
    // at the first pass after 60 + 50 s.
    #expect(notReady?.time == .zero + .seconds(115))
  }
}
