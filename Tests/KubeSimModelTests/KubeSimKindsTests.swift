import KubeSimKernel
import KubeSimModel
import KubeSimYAML
import Testing

@Suite struct KubeSimKindsTests {
  static func decode(_ text: String) throws -> [DecodedDocument] {
    var decoder = ManifestDecoder()
    return try decoder.decodeStream(text, file: "pool.yaml")
  }

  @Test func nodePoolDecodesAndExpands() throws {
    let docs = try Self.decode(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec:
        count: 3
        capacity: {cpu: "4", memory: 8Gi, pods: "110"}
        allocatable: {cpu: 3800m}
        labels: {topology.kubernetes.io/zone: [a, b], tier: web}
        taints: [{key: dedicated, value: web, effect: NoSchedule}]
        images: [nginx:1.27]
        costPerHour: "0.096"

      """)
    guard case .nodePool(let pool)? = docs.first else {
      Issue.record("not a pool")
      return
    }
    #expect(Validation.validate(pool).isEmpty)
    let nodes = pool.expand()
    #expect(nodes.map(\.metadata.name) == ["worker-1", "worker-2", "worker-3"])
    #expect(nodes.map { $0.metadata.labels["topology.kubernetes.io/zone"] } == ["a", "b", "a"])
    #expect(
      nodes[1].metadata.labels == [
        "kubernetes.io/hostname": "worker-2", "tier": "web", "topology.kubernetes.io/zone": "b",
      ])
    #expect(nodes[0].status.allocatable.cpuMilli == 3800)
    #expect(nodes[0].status.allocatable.memoryBytes == 8 << 30)
    #expect(nodes[0].status.capacity["pods"]?.value == 110)
    #expect(nodes[0].spec.taints == [Taint(key: "dedicated", value: "web", effect: .noSchedule)])
    #expect(nodes[0].status.images == [ContainerImage(names: ["nginx:1.27"])])
    #expect(pool.spec.costPerHour?.description == "96m")
    #expect(
      APIObject.node(nodes[0]).toJSON().compactString
        == #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"worker-1","labels":{"#
        + #""kubernetes.io/hostname":"worker-1","tier":"web","topology.kubernetes.io/zone":"a"},"#
        + #""annotations":{"sim.kubesim.io/cost-per-hour":"0.096"}},"#
        + #""spec":{"taints":[{"key":"dedicated","value":"web","effect":"NoSchedule"}]},"#
        + #""status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},"#
        + #""allocatable":{"cpu":"3800m","memory":"8Gi","pods":"110"},"#
        + #""images":[{"names":["nginx:1.27"]}]}}"#)
  }

  @Test func namePrefixAndLimits() throws {
    var pool = NodePool(
      metadata: ObjectMeta(name: "p"), spec: NodePoolSpec(count: 2, namePrefix: "gpu"))
    #expect(pool.expand().map(\.metadata.name) == ["gpu-1", "gpu-2"])
    pool.spec.count = 2_000_000_000
    #expect(
      Validation.validate(pool).map(\.description) == [
        "spec.count: Invalid value: 2000000000: must be less than or equal to 100000 (KubeSim's "
          + "limit per pool)",
        "spec.capacity: Required value: a NodePool needs a capacity, e.g. {cpu: \"4\", "
          + "memory: 8Gi, pods: \"110\"}",
      ])
  }

  @Test func costPerHourIsCarriedAsAnExactDecimalAnnotation() throws {
    var pool = NodePool(
      metadata: ObjectMeta(name: "p"),
      spec: NodePoolSpec(count: 1, capacity: ["cpu": Quantity(4)]))
    #expect(pool.expand()[0].metadata.annotations["sim.kubesim.io/cost-per-hour"] == nil)
    for (text, expected) in [
      ("0.096", "0.096"), ("2", "2"), ("1.5", "1.5"), ("0.0005", "0.0005"), ("12000", "12000"),
    ] {
      pool.spec.costPerHour = try Quantity(parsing: text)
      #expect(pool.node(index: 4).metadata.annotations[NodePool.costAnnotation] == expected)
    }
    #expect(pool.node(index: 4).metadata.name == "p-5")
  }

  @Test func autoscalingBoundsAreValidatedWithPositions() throws {
    let docs = try Self.decode(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec:
        count: 3
        min: 4
        max: 2
        priority: 10
        capacity: {cpu: "4"}

      """)
    guard case .nodePool(let pool)? = docs.first else {
      Issue.record("not a pool")
      return
    }
    #expect(pool.isAutoscaled)
    #expect(pool.spec.priority == 10)
    #expect(
      Validation.validate(pool).map(\.description) == [
        "spec.min: Invalid value: 4: must be less than or equal to count (3)",
        "spec.max: Invalid value: 2: must be greater than or equal to count (3)",
        "spec.max: Invalid value: 2: must be greater than or equal to min (4)",
      ])
  }

  @Test func imageDecodes() throws {
    let docs = try Self.decode(
      """
      apiVersion: kubesim.io/v1alpha1
      kind: Image
      metadata: {name: nginx}
      spec:
        reference: nginx:1.27
        aliases: [docker.io/library/nginx:1.27]
        layers:
        - {digest: "sha256:aaa", size: 27Mi}
        - {digest: "sha256:bbb", size: 1024}

      """)
    guard case .image(let image)? = docs.first else {
      Issue.record("not an image")
      return
    }
    #expect(image.references == ["nginx:1.27", "docker.io/library/nginx:1.27"])
    #expect(image.layers.map(\.sizeBytes) == [27 << 20, 1024])
    #expect(image.sizeBytes == (27 << 20) + 1024)
  }

  @Test func schedulerConfigurationKeepsArgsRaw() throws {
    let docs = try Self.decode(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      percentageOfNodesToScore: 50
      profiles:
      - schedulerName: binpack
        plugins:
          score:
            enabled: [{name: NodeResourcesFit, weight: 5}]
            disabled: [{name: "*"}]
        pluginConfig:
        - name: NodeResourcesFit
          args:
            scoringStrategy: {type: MostAllocated}

      """)
    guard case .schedulerConfiguration(let c)? = docs.first else {
      Issue.record("not a config")
      return
    }
    #expect(c.percentageOfNodesToScore == 50)
    #expect(c.profiles.first?.schedulerName == "binpack")
    #expect(
      c.profiles.first?.plugins?.score?.enabled == [Plugin(name: "NodeResourcesFit", weight: 5)])
    #expect(c.profiles.first?.plugins?.score?.disabled == [Plugin(name: "*")])
    #expect(
      c.profiles.first?.pluginConfig.first?.args?.toJSON().compactString
        == #"{"scoringStrategy":{"type":"MostAllocated"}}"#)
  }

  @Test func listAndScenarioAndV1HPA() throws {
    let docs = try Self.decode(
      """
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: Namespace, metadata: {name: prod}}
      - apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 10
          targetCPUUtilizationPercentage: 60
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: s}
      spec: {seed: 1}

      """)
    #expect(docs.count == 2)
    guard case .list(let items)? = docs.first, items.count == 2,
      case .object(.horizontalPodAutoscaler(let hpa)) = items[1]
    else {
      Issue.record("unexpected \(docs)")
      return
    }
    #expect(
      hpa.spec.metrics == [
        MetricSpec(
          type: "Resource",
          resource: ResourceMetricSource(
            name: "cpu", target: MetricTarget(type: "Utilization", averageUtilization: 60)))
      ])
    if case .scenario(let node)? = docs.last {
      #expect(node.location.line == 13)
    } else {
      Issue.record("no scenario")
    }
  }

  @Test func unmodelledFieldsAreWarningsInDocumentOrder() throws {
    var decoder = ManifestDecoder()
    _ = try decoder.decodeStream(
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext: {runAsUser: 1000}
        containers:
        - name: c
          image: busybox:1.36
          env: [{name: A, value: b}]
          volumeMounts: [{name: v, mountPath: /v}]
        volumes:
        - name: v
          emptyDir: {}

      """, file: "p.yaml")
    #expect(
      decoder.warnings.map(\.description) == [
        "p.yaml:5:3: spec.securityContext: ignored: not modelled",
        "p.yaml:9:5: spec.containers[0].env: ignored: not modelled",
        "p.yaml:10:5: spec.containers[0].volumeMounts: ignored: not modelled",
      ])
  }

  @Test func timesRenderFromTheTimeBase() throws {
    var pod = Pod(
      metadata: ObjectMeta(
        name: "p", namespace: "default",
        creationTimestamp: SimTime(microseconds: 160_500_000)))
    pod.status.startTime = SimTime(microseconds: 86_400_000_000 * 31)
    let json = APIObject.pod(pod).toJSON().compactString
    #expect(json.contains(#""creationTimestamp":"2026-01-01T00:02:40Z""#))
    #expect(json.contains(#""startTime":"2026-02-01T00:00:00Z""#))
    #expect(TimeBase.default.parse("2026-01-01T00:02:40Z") == SimTime(microseconds: 160_000_000))
    #expect(TimeBase.default.parse("2026-01-01T01:00:00+01:00") == SimTime.zero)
    #expect(
      TimeBase.default.formatMicro(SimTime(microseconds: 1_500)) == "2026-01-01T00:00:00.001500Z")
    #expect(TimeBase.default.parse("not a time") == nil)
    // Field-path mode keeps zeros.
    let full = APIObject.deployment(Deployment(metadata: ObjectMeta(name: "d")))
      .toJSON(JSONRenderer(omitEmpty: false))
    #expect(full["status"]?["readyReplicas"] == .int(0))
  }

  /// Random byte mutations of a manifest never crash or hang the parser and decoder.
  @Test func mutatedManifestsNeverCrash() {
    let base = Array(ErrorMessageTests.deployment.utf8)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let alphabet = Array("{}[]:,-'\"#&*!|>%@ \n\t0123456789.eEmKiGabc~".utf8)
    for _ in 0..<400 {
      var bytes = base
      for _ in 0..<(1 + Int(next() % 4)) {
        let i = Int(next() % UInt64(bytes.count))
        switch next() % 3 {
        case 0: bytes[i] = alphabet[Int(next() % UInt64(alphabet.count))]
        case 1: bytes.remove(at: i)
        default: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: i)
        }
      }
      var decoder = ManifestDecoder()
      let text = String(decoding: bytes, as: UTF8.self)
      if let nodes = try? YAMLParser.parseStream(text, file: "m.yaml") {
        for node in nodes {
          if let doc = try? decoder.decode(node) { _ = Validation.check(doc, node: node) }
        }
      }
    }
  }

  @Test func extremeQuantitiesAreErrorsNotTraps() throws {
    for s in [
      "1e2147483647", "10e2147483647", "1e-2147483648", "1.5e9999999",
      "9999999999999999999999999999999999999999",
    ] {
      #expect(throws: QuantityError.self) { try Quantity(parsing: s) }
    }
    #expect(try Quantity(parsing: "1e100").milliValue == Int64.max)
    #expect(
      try Quantity(parsing: "1.000000000000000000000000000000000000000000").description == "1")
    #expect(
      IntOrString.string("99999999999999999%").scaledValue(total: 1_000_000, roundUp: true) == nil)
    #expect(IntOrString.string("25%").scaledValue(total: 10, roundUp: true) == 3)
    #expect(IntOrString.string("25%").scaledValue(total: 10, roundUp: false) == 2)
  }
}
