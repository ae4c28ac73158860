import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server admission")
struct AdmissionTests {
  func pod(_ api: APIServer, _ name: String) -> Pod? {
    if case .pod(let p)? = api.get(.pod, "default", name) { return p }
    return nil
  }

  @Test("Priority: from the class, from the globalDefault, 0 otherwise; unknown class is Forbidden")
  func priority() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.pod("plain"))
    #expect(pod(api, "plain")?.spec.priority == 0)
    #expect(pod(api, "plain")?.spec.preemptionPolicy == .preemptLowerPriority)
    try api.create(Fixture.pod("critical", priorityClass: "system-node-critical"))
    #expect(pod(api, "critical")?.spec.priority == 2_000_001_000)
    try api.create(
      .priorityClass(
        PriorityClass(
          metadata: ObjectMeta(name: "low"), value: 10, globalDefault: true,
          preemptionPolicy: .never)))
    try api.create(Fixture.pod("defaulted"))
    #expect(pod(api, "defaulted")?.spec.priority == 10)
    #expect(pod(api, "defaulted")?.spec.priorityClassName == "low")
    #expect(pod(api, "defaulted")?.spec.preemptionPolicy == .never)
    #expect(
      throws: APIError(
        .forbidden, "pods \"x\" is forbidden: no PriorityClass with name gold was found")
    ) {
      try api.create(Fixture.pod("x", priorityClass: "gold"))
    }
  }

  @Test("DefaultTolerationSeconds adds not-ready and unreachable for 300s unless tolerated")
  func defaultTolerations() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.pod("a"))
    let tolerations = pod(api, "a")?.spec.tolerations ?? []
    #expect(
      tolerations.map {
        "\($0.key ?? ""):\($0.operator?.rawValue ?? ""):\($0.effect?.rawValue ?? ""):\($0.tolerationSeconds ?? -1)"
      } == [
        "node.kubernetes.io/not-ready:Exists:NoExecute:300",
        "node.kubernetes.io/unreachable:Exists:NoExecute:300",
      ])
    guard case .pod(var tolerant) = Fixture.pod("b") else { return }
    tolerant.spec.tolerations = [Toleration(key: nil, operator: .exists)]
    try api.create(.pod(tolerant))
    #expect(pod(api, "b")?.spec.tolerations.count == 1)
  }

  @Test("LimitRange defaults requests and limits, then enforces min and max")
  func limitRange() throws {
    let api = APIServer(seed: 1)
    let item = LimitRangeItem(
      type: "Container", max: [ResourceList.cpu: Fixture.q("2")],
      min: [ResourceList.cpu: Fixture.q("100m")],
      default: [ResourceList.cpu: Fixture.q("500m"), ResourceList.memory: Fixture.q("256Mi")],
      defaultRequest: [ResourceList.cpu: Fixture.q("250m")])
    try api.create(
      .limitRange(
        LimitRange(
          metadata: ObjectMeta(name: "limits", namespace: "default"),
          spec: LimitRangeSpec(limits: [item]))))
    try api.create(Fixture.pod("a"))
    let r = pod(api, "a")?.spec.containers[0].resources
    #expect(r?.requests[ResourceList.cpu] == Fixture.q("250m"))
    #expect(r?.requests[ResourceList.memory] == Fixture.q("256Mi"))
    #expect(r?.limits[ResourceList.cpu] == Fixture.q("500m"))
    #expect(
      throws: APIError(
        .forbidden,
        "pods \"small\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m")
    ) {
      try api.create(Fixture.pod("small", cpu: "50m"))
    }
    guard case .pod(var big) = Fixture.pod("big", cpu: "3") else { return }
    big.spec.containers[0].resources.limits[ResourceList.cpu] = Fixture.q("3")
    #expect(
      throws: APIError(
        .forbidden,
        "pods \"big\" is forbidden: maximum cpu usage per Container is 2, but limit is 3")
    ) {
      try api.create(.pod(big))
    }
  }

  @Test("ResourceQuota: exceeded quota message, must-specify, status.used kept current")
  func quota() throws {
    let api = APIServer(seed: 1)
    try api.create(
      .resourceQuota(
        ResourceQuota(
          metadata: ObjectMeta(name: "compute", namespace: "default"),
          spec: ResourceQuotaSpec(hard: [
            "pods": Fixture.q("2"), "requests.cpu": Fixture.q("1"),
            "requests.memory": Fixture.q("1Gi"),
          ]))))
    try api.create(Fixture.pod("a", cpu: "600m", memory: "512Mi"))
    #expect(
      throws: APIError(
        .forbidden,
        "pods \"web-\" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1"
      )
    ) {
      try api.create(Fixture.pod("", generateName: "web-", cpu: "600m", memory: "256Mi"))
    }
    #expect(
      throws: APIError(
        .forbidden,
        "pods \"b\" is forbidden: failed quota: compute: must specify requests.memory for: app")
    ) {
      try api.create(Fixture.pod("b", cpu: "100m"))
    }
    guard case .resourceQuota(let q)? = api.get(.resourceQuota, "default", "compute") else {
      Issue.record("quota missing"); return
    }
    #expect(q.status.used["pods"] == Fixture.q("1"))
    #expect(q.status.used["requests.cpu"]?.description == "600m")
    #expect(q.status.used["requests.memory"]?.description == "512Mi")
    try api.delete(.pod, "default", "a")
    guard case .resourceQuota(let q2)? = api.get(.resourceQuota, "default", "compute") else {
      return
    }
    #expect(q2.status.used["pods"]?.description == "0")
  }

  @Test("NamespaceLifecycle: cannot create in a namespace that does not exist")
  func namespace() throws {
    let api = APIServer(seed: 1)
    #expect(throws: APIError(.notFound, "namespaces \"prod\" not found")) {
      try api.create(
        .service(Service(metadata: ObjectMeta(name: "web", namespace: "prod"))))
    }
    try api.create(Fixture.namespace("prod"))
    try api.create(.service(Service(metadata: ObjectMeta(name: "web", namespace: "prod"))))
    #expect(api.count(.service) == 1)
  }
}
