import Testing

@testable import KubeSimCLI

@Suite struct ControllerBenchmarkTests {
  /// The benchmark's scenario at a small size: scale-up and rollout converge with every
  /// invariant holding (the World throws on a violation).
  @Test func smallScaleUpAndRolloutConverge() throws {
    let f = try ControllerBenchmarks.measure(nodes: 20, replicas: 200)
    #expect(f.scaleEvents > 0 && f.rolloutEvents > 0)
    #expect(f.scaleSimTime > .zero && f.rolloutSimTime > .zero)
  }
}
