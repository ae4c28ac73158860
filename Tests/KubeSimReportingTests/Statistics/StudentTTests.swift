import Testing

@testable import KubeSimReporting

@Suite struct StudentTTests {
  @Test(
    "table values", arguments: [(1, 12.706), (4, 2.776), (10, 2.228), (20, 2.086), (30, 2.042)])
  func tableValues(df: Int, expected: Double) {
    #expect(StudentT.quantile975(degreesOfFreedom: df) == expected)
  }

  /// Exact values from R `qt(0.975, df)`.
  @Test(
    "expansion beyond the table",
    arguments: [
      (31, 2.039513446), (40, 2.021075383), (60, 2.000297822), (120, 1.979930405),
      (1000, 1.962339081),
    ])
  func expansionBeyondTable(df: Int, exact: Double) throws {
    let t = try #require(StudentT.quantile975(degreesOfFreedom: df))
    #expect(abs(t - exact) < 1e-6, "df \(df): \(t)")
  }

  @Test func expansionAgreesWithTableAtThirty() {
    #expect(abs(StudentT.cornishFisher975(30) - 2.042) < 0.0005)
  }

  @Test func realDegreesOfFreedomRoundDownBelowThirty() {
    #expect(StudentT.quantile975(degreesOfFreedom: 4.9) == 2.776)
    #expect(StudentT.quantile975(degreesOfFreedom: 1.0) == 12.706)
    #expect(StudentT.quantile975(degreesOfFreedom: 0.5) == nil)
    #expect(StudentT.quantile975(degreesOfFreedom: Double.infinity) == StudentT.z975)
    #expect(StudentT.quantile975(degreesOfFreedom: 0) == nil)
  }
}
