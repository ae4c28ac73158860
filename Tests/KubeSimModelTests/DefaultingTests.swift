import KubeSimKernel
import KubeSimModel
import KubeSimYAML
import Testing

@Suite struct DefaultingTests {
  static func decodeOne(_ text: String, file: String = "t.yaml") throws -> APIObject {
    var decoder = ManifestDecoder()
    let docs = try decoder.decodeStream(text, file: file)
    guard case .object(let o)? = docs.first else {
      Issue.record("not an object")
      return .namespace(Namespace())
    }
    return o
  }

  @Test func kubectlDeploymentDefaultsToUpstreamValues() throws {
    var object = try Self.decodeOne(
      ManifestFiles.read(ManifestFiles.kubectlDirectory.appendingPathComponent("deployment.yaml")))
    Defaulting.apply(to: &object)
    // What `kubectl apply -f deployment.yaml; kubectl get deploy web -o json` shows, minus the
    // fields the registry fills (uid, resourceVersion, generation, creationTimestamp, status).
    let expected =
      #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","#
      + #""labels":{"app":"web"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"#
      + #""template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","#
      + #""image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{},"#
      + #""imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","#
      + #""terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","#
      + #""schedulerName":"default-scheduler"}},"strategy":{"type":"RollingUpdate","#
      + #""rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},"revisionHistoryLimit":10,"#
      + #""progressDeadlineSeconds":600},"status":{}}"#
    #expect(object.toJSON().compactString == expected)
  }

  @Test(arguments: [
    ("nginx", PullPolicy.always), ("nginx:latest", .always), ("nginx:1.27", .ifNotPresent),
    ("registry:5000/team/app", .always), ("registry:5000/team/app:v2", .ifNotPresent),
    ("nginx@sha256:0123abcd", .ifNotPresent), ("nginx:latest@sha256:0123abcd", .always),
  ])
  func imagePullPolicyFollowsTheTag(_ row: (String, PullPolicy)) {
    var c = Container(name: "c", image: row.0)
    Defaulting.apply(to: &c)
    #expect(c.imagePullPolicy == row.1, "\(row.0)")
  }

  @Test func podGetsRequestsFromLimitsButTemplatesDoNot() {
    let limits: ResourceList = ["cpu": Quantity(milli: 500), "memory": Quantity(1 << 30)]
    let c = Container(
      name: "c", image: "x:1",
      resources: ResourceRequirements(
        limits: limits, requests: ["cpu": Quantity(milli: 100)]))
    var pod = Pod(spec: PodSpec(containers: [c]))
    Defaulting.apply(to: &pod)
    #expect(pod.spec.containers[0].resources.requests.cpuMilli == 100)
    #expect(pod.spec.containers[0].resources.requests.memoryBytes == 1 << 30)
    #expect(pod.spec.enableServiceLinks == true)
    var rs = ReplicaSet(
      spec: ReplicaSetSpec(
        template: PodTemplateSpec(
          spec: PodSpec(containers: [
            Container(name: "c", image: "x:1", resources: ResourceRequirements(limits: limits))
          ]))))
    Defaulting.apply(to: &rs)
    #expect(rs.spec.replicas == 1)
    #expect(rs.spec.template.spec.containers[0].resources.requests.isEmpty)
    #expect(rs.spec.template.spec.restartPolicy == .always)
  }

  @Test func serviceJobCronJobAndOtherDefaults() throws {
    var svc = APIObject.service(
      Service(
        metadata: ObjectMeta(name: "web"),
        spec: ServiceSpec(ports: [ServicePort(port: 80)], selector: ["app": "web"])))
    Defaulting.apply(to: &svc)
    #expect(
      svc.toJSON().compactString
        == #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},"#
        + #""spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":80}],"selector":{"app":"web"},"#
        + #""type":"ClusterIP","sessionAffinity":"None","internalTrafficPolicy":"Cluster"},"status":{}}"#
    )

    var job = Job(
      spec: JobSpec(template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]))))
    Defaulting.apply(to: &job)
    #expect(job.spec.completions == 1 && job.spec.parallelism == 1 && job.spec.backoffLimit == 6)
    #expect(job.spec.completionMode == .nonIndexed && job.spec.suspend == false)
    #expect(job.metadata.labels == ["a": "b"])
    var workQueue = Job(spec: JobSpec(parallelism: 3))
    Defaulting.apply(to: &workQueue)
    #expect(workQueue.spec.completions == nil && workQueue.spec.parallelism == 3)

    var cj = CronJob()
    Defaulting.apply(to: &cj)
    #expect(cj.spec.concurrencyPolicy == .allow && cj.spec.suspend == false)
    #expect(cj.spec.successfulJobsHistoryLimit == 3 && cj.spec.failedJobsHistoryLimit == 1)

    var ds = DaemonSet()
    Defaulting.apply(to: &ds)
    #expect(
      ds.spec.updateStrategy
        == DaemonSetUpdateStrategy(
          type: "RollingUpdate",
          rollingUpdate: RollingUpdateDaemonSet(
            maxUnavailable: .int(1),
            maxSurge: .int(0))))
    var sts = StatefulSet()
    Defaulting.apply(to: &sts)
    #expect(sts.spec.podManagementPolicy == "OrderedReady" && sts.spec.replicas == 1)
    #expect(sts.spec.updateStrategy?.rollingUpdate?.partition == 0)

    var hpa = HorizontalPodAutoscaler(
      spec: HorizontalPodAutoscalerSpec(
        maxReplicas: 5,
        behavior: HorizontalPodAutoscalerBehavior(
          scaleDown: HPAScalingRules(stabilizationWindowSeconds: 60))))
    Defaulting.apply(to: &hpa)
    #expect(hpa.spec.minReplicas == 1)
    #expect(hpa.spec.metrics.first?.resource?.target.averageUtilization == 80)
    #expect(hpa.spec.behavior?.scaleUp == Defaulting.defaultScaleUp)
    #expect(hpa.spec.behavior?.scaleDown?.stabilizationWindowSeconds == 60)
    #expect(hpa.spec.behavior?.scaleDown?.policies == Defaulting.defaultScaleDown.policies)

    var pc = PriorityClass(value: 10)
    Defaulting.apply(to: &pc)
    #expect(pc.preemptionPolicy == .preemptLowerPriority)

    var ns = Namespace(metadata: ObjectMeta(name: "prod"))
    Defaulting.apply(to: &ns)
    #expect(ns.metadata.labels["kubernetes.io/metadata.name"] == "prod")
    #expect(ns.status.phase == "Active")
  }

  @Test func namespaceIsFilledOrClearedByScope() {
    var node = APIObject.node(Node(metadata: ObjectMeta(name: "n", namespace: "prod")))
    Defaulting.apply(to: &node)
    #expect(node.metadata.namespace == nil)
    #expect(node.qualifiedName == "Node/n")
    var cm = APIObject.configMap(ConfigMap(metadata: ObjectMeta(name: "c")))
    Defaulting.apply(to: &cm)
    #expect(cm.qualifiedName == "ConfigMap/default/c")
  }

  @Test func defaultTolerationSecondsAddsBothOnce() {
    var spec = PodSpec()
    Defaulting.defaultTolerationSeconds(&spec)
    #expect(
      spec.tolerations == [
        Toleration(
          key: "node.kubernetes.io/not-ready", operator: .exists, effect: .noExecute,
          tolerationSeconds: 300),
        Toleration(
          key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute,
          tolerationSeconds: 300),
      ])
    Defaulting.defaultTolerationSeconds(&spec)
    #expect(spec.tolerations.count == 2)
    var tolerateAll = PodSpec(tolerations: [Toleration(operator: .exists)])
    Defaulting.defaultTolerationSeconds(&tolerateAll)
    #expect(tolerateAll.tolerations.count == 1)
    var onlyNoSchedule = PodSpec(tolerations: [Toleration(operator: .exists, effect: .noSchedule)])
    Defaulting.defaultTolerationSeconds(&onlyNoSchedule)
    #expect(onlyNoSchedule.tolerations.count == 3)
  }

  @Test func priorityResolution() throws {
    let classes = [
      PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000),
      PriorityClass(metadata: ObjectMeta(name: "default-a"), value: 50, globalDefault: true),
      PriorityClass(
        metadata: ObjectMeta(name: "default-b"), value: 20, globalDefault: true,
        preemptionPolicy: .never),
    ]
    var named = PodSpec(priorityClassName: "high")
    try Defaulting.resolvePriority(&named, classes: classes)
    #expect(named.priority == 1000 && named.preemptionPolicy == .preemptLowerPriority)
    var unnamed = PodSpec()
    try Defaulting.resolvePriority(&unnamed, classes: classes)
    #expect(unnamed.priorityClassName == "default-b" && unnamed.priority == 20)
    #expect(unnamed.preemptionPolicy == .never)
    var none = PodSpec()
    try Defaulting.resolvePriority(&none, classes: [])
    #expect(none.priority == 0 && none.priorityClassName == nil)
    var system = PodSpec(priorityClassName: "system-node-critical")
    try Defaulting.resolvePriority(&system, classes: [])
    #expect(system.priority == 2_000_001_000)
    var missing = PodSpec(priorityClassName: "nope")
    #expect(throws: AdmissionError("no PriorityClass with name nope was found")) {
      try Defaulting.resolvePriority(&missing, classes: classes)
    }
    var wrong = PodSpec(priorityClassName: "high", priority: 5)
    #expect(
      throws: AdmissionError(
        "the integer value of priority (5) must not be provided in pod spec; priority admission "
          + "controller computed 1000 from the given PriorityClass name")
    ) {
      try Defaulting.resolvePriority(&wrong, classes: classes)
    }
  }
}
