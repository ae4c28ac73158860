import Testing

@testable import KubeSimCLI

@Suite struct TableWriterTests {
  @Test func padsColumnsLikeKubectl() {
    var t = TableWriter(header: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
    t.append(["web-5d8f7c6b9-x2xkq", "1/1", "Running", "0", "2m40s"])
    t.append(["a", "0/1", "Pending", "0", "5s"])
    #expect(
      t.text == """
        NAME                  READY   STATUS    RESTARTS   AGE
        web-5d8f7c6b9-x2xkq   1/1     Running   0          2m40s
        a                     0/1     Pending   0          5s

        """)
  }

  @Test func shortColumnsGetMinimumWidth() {
    var t = TableWriter(header: ["A", "B"])
    t.append(["x", "y"])
    #expect(t.text == "A     B\nx     y\n")
  }

  @Test(arguments: [
    (0, "0s"), (45, "45s"), (119, "119s"), (120, "2m"), (160, "2m40s"), (599, "9m59s"),
    (600, "10m"), (10_799, "179m"), (10_800, "3h"), (11_520, "3h12m"), (28_800, "8h"),
    (172_800, "2d"), (190_800, "2d5h"), (691_200, "8d"), (63_072_000, "2y"), (63_158_400, "2y1d"),
  ])
  func formatsAgesLikeKubectl(_ seconds: Int64, _ text: String) {
    #expect(HumanDuration.format(microseconds: seconds * 1_000_000) == text)
  }
}
