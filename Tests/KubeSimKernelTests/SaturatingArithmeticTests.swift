import Testing

@testable import KubeSimKernel

/// `Int64.saturatingAdd` / `saturatingMultiply`: exact inside the range, clamped outside.
@Suite struct SaturatingArithmeticTests {
  static let cases: [(Int64, Int64, Int64, Int64)] = [
    // (a, b, a ⊕ b, a ⊗ b)
    (2, 3, 5, 6),
    (-2, 3, 1, -6),
    (.max, 1, .max, .max),
    (.max - 1, 1, .max, .max - 1),
    (.min, -1, .min, .max),
    (.max / 2 + 1, 2, .max / 2 + 3, .max),
    (.min / 2 - 1, 2, .min / 2 + 1, .min),
  ]

  @Test(arguments: cases)
  func clampsOnlyOnOverflow(a: Int64, b: Int64, sum: Int64, product: Int64) {
    #expect(a.saturatingAdd(b) == sum)
    #expect(a.saturatingMultiply(b) == product)
  }
}
