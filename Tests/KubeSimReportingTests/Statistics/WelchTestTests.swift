import Testing

@testable import KubeSimReporting

@Suite struct WelchTestTests {
  /// Reference values computed independently with Python's `statistics` module (sample variance,
  /// Welch–Satterthwaite df): t = −2.225512, ν = 24.5246; ν rounds down to 24, and
  /// t(0.975, 24) = 2.064.
  @Test func matchesReference() throws {
    let a = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0]
    let b = [
      28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9,
      21.6, 24.3, 20.4, 23.9, 13.3,
    ]
    let w = try #require(WelchTest(a, b))
    #expect(DecimalFormat.fixed(w.t, 4) == "-2.2255")
    #expect(DecimalFormat.fixed(w.degreesOfFreedom, 2) == "24.52")
    #expect(w.critical == 2.064)
    #expect(w.isSignificant)
  }

  @Test func overlappingSamplesAreNotSignificant() throws {
    let w = try #require(WelchTest([10, 12, 11, 13, 9], [11, 12, 10, 14, 9]))
    #expect(!w.isSignificant)
    #expect(DecimalFormat.fixed(w.t, 3) == "-0.180")
  }

  @Test func zeroVarianceComparesMeans() throws {
    let same = try #require(WelchTest([5, 5, 5], [5, 5]))
    #expect(!same.isSignificant)
    #expect(same.t == 0)
    let different = try #require(WelchTest([5, 5, 5], [6, 6]))
    #expect(different.isSignificant)
    #expect(different.t == -.infinity)
  }

  @Test func needsTwoValuesEach() {
    #expect(WelchTest([1], [1, 2]) == nil)
  }
}
