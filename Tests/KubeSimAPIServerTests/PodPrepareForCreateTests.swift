import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

/// `pkg/registry/core/pod/strategy.go` PrepareForCreate and `qos.go` ComputePodQOS.
@Suite("Pod status on create")
struct PodPrepareForCreateTests {
  private static func pod(requests: ResourceList, limits: ResourceList) -> APIObject {
    let spec = PodSpec(containers: [
      Container(
        name: "app", image: "nginx:1.27",
        resources: ResourceRequirements(limits: limits, requests: requests))
    ])
    return .pod(Pod(metadata: ObjectMeta(name: "p", namespace: "default"), spec: spec))
  }

  @Test("a created pod is Pending with its QoS class, whatever status the manifest had")
  func pendingWithQOS() throws {
    let api = APIServer(seed: 1)
    guard case .pod(var pod) = Fixture.pod("web-1", cpu: "100m") else {
      Issue.record("fixture is not a pod")
      return
    }
    pod.status = PodStatus(phase: .running, podIP: "10.0.0.9")
    guard case .pod(let created) = try api.create(.pod(pod)) else {
      Issue.record("created object is not a pod")
      return
    }
    #expect(created.status == PodStatus(phase: .pending, qosClass: .burstable))
  }

  @Test(
    "QoS class table",
    arguments: [
      ([:], [:], PodQOSClass.bestEffort),
      ([ResourceList.cpu: Fixture.q("0")], [:], PodQOSClass.bestEffort),  // zero is ignored
      ([ResourceList.cpu: Fixture.q("100m")], [:], PodQOSClass.burstable),
      (
        [:], [ResourceList.cpu: Fixture.q("1"), ResourceList.memory: Fixture.q("1Gi")],
        PodQOSClass.guaranteed
      ),  // requests default to limits
      (
        [ResourceList.cpu: Fixture.q("500m"), ResourceList.memory: Fixture.q("1Gi")],
        [ResourceList.cpu: Fixture.q("1"), ResourceList.memory: Fixture.q("1Gi")],
        PodQOSClass.burstable
      ),
      (
        [ResourceList.cpu: Fixture.q("1000m")],
        [ResourceList.cpu: Fixture.q("1"), ResourceList.memory: Fixture.q("1Gi")],
        PodQOSClass.guaranteed
      ),  // 1000m == 1; memory request defaulted from its limit
      ([:], [ResourceList.cpu: Fixture.q("1")], PodQOSClass.burstable),  // memory not limited
    ] as [(ResourceList, ResourceList, PodQOSClass)])
  func qosTable(requests: ResourceList, limits: ResourceList, expected: PodQOSClass) throws {
    let api = APIServer(seed: 1)
    guard case .pod(let created) = try api.create(Self.pod(requests: requests, limits: limits))
    else {
      Issue.record("created object is not a pod")
      return
    }
    #expect(created.status.qosClass == expected)
  }
}
