import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server eviction")
struct EvictionTests {
  /// Three Ready, Running pods labelled app=web bound to n1.
  func cluster() throws -> APIServer {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    for name in ["a", "b", "c"] {
      guard case .pod(var p) = Fixture.pod(name) else { continue }
      p.metadata.labels["app"] = "web"
      try api.create(.pod(p))
      var bound = try api.bind("default", name, to: "n1")
      bound.status.phase = .running
      bound.status.setCondition(type: "Ready", status: .true, at: .zero)
      try api.updateStatus(.pod(bound))
    }
    return api
  }

  func pdb(_ name: String, minAvailable: IntOrString) -> APIObject {
    .podDisruptionBudget(
      PodDisruptionBudget(
        metadata: ObjectMeta(name: name, namespace: "default"),
        spec: PodDisruptionBudgetSpec(
          minAvailable: minAvailable, selector: LabelSelector(matchLabels: ["app": "web"]))))
  }

  @Test("a budget of minAvailable 2 allows one eviction of three, then refuses with 429")
  func budget() throws {
    let api = try cluster()
    try api.create(pdb("web", minAvailable: .int(2)))
    let evicted = try api.evict("default", "a")
    #expect(evicted.metadata.deletionTimestamp == .zero + .seconds(30))
    #expect(
      throws: APIError(
        .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.")
    ) {
      try api.evict("default", "b")
    }
  }

  @Test("percentages round up; pending pods and pods without a budget are evicted at once")
  func percentAndExempt() throws {
    let api = try cluster()
    try api.create(pdb("web", minAvailable: .string("67%")))  // ceil(3 × 0.67) = 3
    #expect(throws: APIError.self) { try api.evict("default", "a") }
    try api.create(Fixture.pod("pending"))
    try api.evict("default", "pending")
    #expect(api.get(.pod, "default", "pending") == nil)
  }

  @Test("two budgets for one pod are an internal error")
  func twoBudgets() throws {
    let api = try cluster()
    try api.create(pdb("one", minAvailable: .int(1)))
    try api.create(pdb("two", minAvailable: .int(1)))
    #expect(
      throws: APIError(
        .internalError,
        "Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."
      )
    ) {
      try api.evict("default", "a")
    }
  }
}
