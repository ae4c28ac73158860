import Testing

@testable import KubeSimReporting

@Suite struct ComparisonTableTests {
  static func sample() -> ComparisonTable {
    var t = ComparisonTable(policies: ["default", "binpack"])
    t.add(
      metric: "pending pods (max)", format: .number(decimals: 1),
      samples: [[10, 12, 11, 13, 9], [11, 12, 10, 14, 9]])
    t.add(
      metric: "startup p99", format: .duration,
      samples: [
        [3_100_000, 2_900_000, 3_400_000, 3_000_000], [1_900_000, 2_000_000, 1_800_000, 2_100_000],
      ])
    t.add(metric: "nodes used", format: .number(decimals: 0), samples: [[5], []])
    return t
  }

  @Test func textTableIsAlignedAndMarksSignificance() {
    #expect(
      Self.sample().text() == """
        metric                              default                     binpack
        ------------------  -----------------------  --------------------------
        pending pods (max)          11 ± 2 (sd 1.6)         11.2 ± 2.4 (sd 1.9)
        startup p99         3.1s ± 340ms (sd 220ms)  1.95s ± 210ms (sd 130ms) *
        nodes used                                5                           –
        mean ± 95% confidence interval (Student's t) over seeds, sd = sample standard deviation; \
        * differs significantly from default (Welch's t-test, 5% level).

        """)
  }

  @Test func reportTableEmphasisesSignificantCells() {
    let table = Self.sample().reportTable(caption: "policies")
    #expect(table.columns.map(\.title) == ["metric", "default", "binpack"])
    #expect(table.rows[1][2].emphasized)
    #expect(!table.rows[0][2].emphasized)
    #expect(!table.rows[1][1].emphasized)
    #expect(table.rows[2][2].text == "–")
  }

  @Test func sameInputSameText() {
    #expect(Self.sample().text() == Self.sample().text())
  }
}
