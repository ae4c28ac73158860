import Testing

@testable import KubeSimScheduler

@Suite struct TrimaranScoreTests {
  @Test func targetLoadPackingRisesToTheTargetThenFalls() {
    // targetloadpacking.go rounds (math.Round): 4 cores, 10.5% → 60·10.5/40 + 40 = 55.75 → 56.
    #expect(
      TargetLoadPackingScore.score(usedMillis: 220, podMillis: 200, allocatableMillis: 4000) == 56)
    // 4 cores: 0% + 0 → 40; 20% → 60·20/40 + 40 = 70; 40% → 100; 70% → 40·30/60 = 20; >100% → 0.
    #expect(
      TargetLoadPackingScore.score(usedMillis: 0, podMillis: 0, allocatableMillis: 4000) == 40)
    #expect(
      TargetLoadPackingScore.score(usedMillis: 600, podMillis: 200, allocatableMillis: 4000) == 70)
    #expect(
      TargetLoadPackingScore.score(usedMillis: 1400, podMillis: 200, allocatableMillis: 4000)
        == 100)
    #expect(
      TargetLoadPackingScore.score(usedMillis: 2600, podMillis: 200, allocatableMillis: 4000)
        == 20)
    #expect(
      TargetLoadPackingScore.score(usedMillis: 4000, podMillis: 200, allocatableMillis: 4000) == 0)
  }

  @Test func loadVariationRiskBalancing() {
    // Idle node: μ = 0, σ = 0 → 100. Half used, no spread: (0.5 + 0)/2 → 75.
    // 25% mean + 25% pod, stddev 4% of capacity, sensitivity 1 (σ^1): (0.5 + 0.04)/2 → 73;
    // sensitivity 2 (√σ, the original formula): (0.5 + 0.2)/2 = 0.35 → 65; margin 2 doubles σ.
    #expect(
      LoadVariationRiskBalancingScore.resourceScore(
        usedMean: 0, usedStddev: 0, demand: 0, capacity: 1000) == 100)
    #expect(
      LoadVariationRiskBalancingScore.resourceScore(
        usedMean: 500, usedStddev: 0, demand: 0, capacity: 1000) == 75)
    #expect(
      LoadVariationRiskBalancingScore.resourceScore(
        usedMean: 250, usedStddev: 40, demand: 250, capacity: 1000).rounded() == 73)
    #expect(
      LoadVariationRiskBalancingScore.resourceScore(
        usedMean: 250, usedStddev: 40, demand: 250, capacity: 1000, sensitivity: 2).rounded()
        == 65)
    #expect(
      LoadVariationRiskBalancingScore.resourceScore(
        usedMean: 250, usedStddev: 40, demand: 250, capacity: 1000, margin: 2).rounded() == 71)
  }
}
