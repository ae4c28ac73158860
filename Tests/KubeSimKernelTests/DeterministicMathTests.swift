import Foundation
import Testing

@testable import KubeSimKernel

@Suite struct DeterministicMathTests {
  /// Distance in units in the last place between two finite doubles of the same sign.
  private func ulps(_ a: Double, _ b: Double) -> UInt64 {
    if a == b { return 0 }
    let x = Int64(bitPattern: a.bitPattern)
    let y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x - y) : UInt64(y - x)
  }

  @Test func lnMatchesExactValues() {
    #expect(DeterministicMath.ln(1) == 0)
    #expect(DeterministicMath.ln(0) == -.infinity)
    #expect(DeterministicMath.ln(.infinity) == .infinity)
    #expect(DeterministicMath.ln(-1).isNaN)
    #expect(DeterministicMath.ln(.nan).isNaN)
    // Reference values to 20 significant digits, from mpmath at 200 bits.
    let table: [(Double, Double)] = [
      (2, 0.69314718055994530942),
      (10, 2.302585092994045684),
      (0.5, -0.69314718055994530942),
      (1e-300, -690.77552789821370518),
      (1e300, 690.77552789821370526),
      (2.718281828459045, 0.99999999999999994682),
      (1 + 0x1p-30, 9.313225741817976469e-10),
      (0x1p-1074, -744.44007192138126231),
    ]
    for (x, expected) in table {
      #expect(ulps(DeterministicMath.ln(x), expected) <= 2, "ln(\(x))")
    }
  }

  @Test func lnIsWithinTwoUlpOfLibmOverAWideRange() {
    var rng = RandomStream(seed: 99)
    var worst: UInt64 = 0
    for _ in 0..<100_000 {
      // log-uniform over [2^-1000, 2^1000) plus a dense band around 1 (subnormals: see above).
      let x =
        rng.chance(0.5)
        ? Double(
          sign: .plus, exponent: Int(rng.uniform(below: 2_000)) - 1_000,
          significand: 1 + rng.uniformDouble())
        : 0.5 + rng.uniformDouble()
      worst = max(worst, ulps(DeterministicMath.ln(x), Foundation.log(x)))
    }
    #expect(worst <= 2)
  }

  @Test func expIsWithinTwoUlpOfLibm() {
    #expect(DeterministicMath.exp(0) == 1)
    #expect(DeterministicMath.exp(710) == .infinity)
    #expect(DeterministicMath.exp(-746) == 0)
    #expect(DeterministicMath.exp(.nan).isNaN)
    var rng = RandomStream(seed: 98)
    var worst: UInt64 = 0
    for _ in 0..<100_000 {
      let x = -708 + rng.uniformDouble() * 1_417
      worst = max(worst, ulps(DeterministicMath.exp(x), Foundation.exp(x)))
    }
    #expect(worst <= 2)
    // Subnormal results keep their relative accuracy down to ~2^-1060.
    let sub = DeterministicMath.exp(-740)
    #expect(abs(sub - Foundation.exp(-740)) <= 4 * Double.leastNonzeroMagnitude)
  }

  @Test func powForTheWeibullRange() {
    #expect(DeterministicMath.pow(2, 10) == 1024 || ulps(DeterministicMath.pow(2, 10), 1024) <= 4)
    #expect(DeterministicMath.pow(0, 2) == 0)
    #expect(DeterministicMath.pow(5, 0) == 1)
    var rng = RandomStream(seed: 97)
    for _ in 0..<10_000 {
      let x = 1e-6 + rng.uniformDouble() * 50
      let y = 0.2 + rng.uniformDouble() * 5
      let exact = Foundation.pow(x, y)
      #expect(abs(DeterministicMath.pow(x, y) - exact) <= exact * 1e-14)
    }
  }
}
