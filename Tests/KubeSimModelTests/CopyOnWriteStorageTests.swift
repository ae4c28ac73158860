import Testing

@testable import KubeSimModel

/// `PodSpec`, `PodStatus`, `NodeStatus` and `ObjectMeta` keep their fields behind one
/// copy-on-write reference: copies share it until one of them changes, and they still behave
/// as values.
@Suite struct CopyOnWriteStorageTests {
  @Test func copiesShareStorageUntilOneChanges() {
    var a = PodSpec(containers: [Container(name: "app", image: "web:1")], nodeName: nil)
    let b = a
    #expect(a.box === b.box)
    a.nodeName = "worker-1"
    #expect(a.box !== b.box)
    #expect(b.nodeName == nil)
    #expect(a.nodeName == "worker-1")
    #expect(a.containers == b.containers)
  }

  @Test func nestedMutationIsInPlaceWhenUnique() {
    var spec = PodSpec(containers: [Container(name: "app", image: "web:1")])
    let id = ObjectIdentifier(spec.box)  // not a second reference: the box stays unique
    spec.containers[0].image = "web:2"
    #expect(ObjectIdentifier(spec.box) == id)
    #expect(spec.containers[0].image == "web:2")
  }

  @Test func equalityByIdentityThenByValue() {
    let a = PodStatus(phase: .running, hostIP: "10.0.0.1")
    let b = PodStatus(phase: .running, hostIP: "10.0.0.1")
    #expect(a.box !== b.box)
    #expect(a == b)
    var c = a
    #expect(c == a)
    c.hostIP = "10.0.0.2"
    #expect(c != a)
    #expect(a.hostIP == "10.0.0.1")
  }

  @Test func metadataAndNodeStatusAreValues() {
    var m = ObjectMeta(name: "web", labels: ["app": "web"])
    let saved = m
    m.labels["tier"] = "front"
    #expect(saved.labels["tier"] == nil)
    #expect(m.labels["tier"] == "front")
    var s = NodeStatus(phase: "Running")
    let before = s
    s.conditions.append(NodeCondition(type: "Ready", status: .true))
    #expect(before.conditions.isEmpty)
    #expect(s.conditions.count == 1)
  }
}
