import KubeSimModel
import KubeSimYAML
import Testing

/// Exact messages, with file:line:col and field path, for the errors users make most.
@Suite struct ErrorMessageTests {
  static func decodeError(_ text: String) -> String {
    var decoder = ManifestDecoder()
    do {
      _ = try decoder.decodeStream(text, file: "web.yaml")
      return "no error"
    } catch {
      return error.description
    }
  }

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 3
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            resources:
              requests: {cpu: 500m}

    """

  @Test func wrongType() {
    let text = Self.deployment.replacingOccurrences(of: "replicas: 3", with: "replicas: three")
    #expect(
      Self.decodeError(text)
        == #"web.yaml:6:13: spec.replicas: expected an integer, found "three""#)
  }

  @Test func unknownKindSuggestsTheClosest() {
    let text = Self.deployment.replacingOccurrences(
      of: "kind: Deployment", with: "kind: Deploymnet")
    #expect(
      Self.decodeError(text)
        == #"web.yaml:2:7: kind: unknown kind "Deploymnet" (apiVersion apps/v1); did you mean "Deployment"?"#
    )
  }

  @Test func invalidQuantity() {
    let text = Self.deployment.replacingOccurrences(of: "{cpu: 500m}", with: "{cpu: 2 cores}")
    #expect(
      Self.decodeError(text)
        == #"web.yaml:17:27: spec.template.spec.containers[0].resources.requests.cpu: invalid quantity "2 cores": "#
        + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    )
  }

  @Test func unknownFieldWithHint() {
    let text = Self.deployment.replacingOccurrences(of: "replicas: 3", with: "replica: 3")
    #expect(
      Self.decodeError(text)
        == #"web.yaml:6:3: spec.replica: unknown field "replica"; did you mean "replicas"?"#)
  }

  @Test func removedAPIVersions() {
    let cases: [(String, String, String)] = [
      (
        "extensions/v1beta1", "Deployment",
        #"web.yaml:1:13: apiVersion: no matches for kind "Deployment" in version "extensions/v1beta1": "#
          + "extensions/v1beta1 Deployment was removed in Kubernetes v1.16; use apiVersion apps/v1"
      ),
      (
        "policy/v1beta1", "PodDisruptionBudget",
        #"web.yaml:1:13: apiVersion: no matches for kind "PodDisruptionBudget" in version "policy/v1beta1": "#
          + "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes v1.25; use apiVersion policy/v1"
      ),
      (
        "autoscaling/v2beta2", "HorizontalPodAutoscaler",
        #"web.yaml:1:13: apiVersion: no matches for kind "HorizontalPodAutoscaler" in version "#
          + #""autoscaling/v2beta2": autoscaling/v2beta2 HorizontalPodAutoscaler was removed in "#
          + "Kubernetes v1.26; use apiVersion autoscaling/v2"
      ),
      (
        "v1", "Deployment",
        #"web.yaml:1:13: apiVersion: no matches for kind "Deployment" in version "v1"; "#
          + "Deployment is served as apps/v1"
      ),
    ]
    for (version, kind, message) in cases {
      #expect(
        Self.decodeError("apiVersion: \(version)\nkind: \(kind)\nmetadata: {name: x}\n")
          == message)
    }
  }

  @Test func missingKindAndApiVersion() {
    #expect(
      Self.decodeError("apiVersion: v1\nmetadata: {name: x}\n")
        == #"web.yaml:1:1: missing required field "kind""#)
    #expect(
      Self.decodeError("kind: Pod\nmetadata: {name: x}\n")
        == #"web.yaml:1:1: missing required field "apiVersion" (kind Pod)"#)
    #expect(
      Self.decodeError("- a\n- b\n")
        == "web.yaml:1:1: expected a mapping with apiVersion and kind (a Kubernetes object), found a list"
    )
  }

  @Test func enumValuesAreChecked() {
    let text = Self.deployment.replacingOccurrences(
      of: "    spec:\n      containers:",
      with: "    spec:\n      restartPolicy: Sometimes\n      containers:")
    #expect(
      Self.decodeError(text)
        == #"web.yaml:13:22: spec.template.spec.restartPolicy: Unsupported value: "Sometimes": "#
        + #"supported values: "Always", "Never", "OnFailure""#)
  }

  static func validationErrors(_ text: String) throws -> String {
    var decoder = ManifestDecoder()
    let nodes = try YAMLParser.parseStream(text, file: "web.yaml")
    var out: [String] = []
    for node in nodes {
      let doc = try decoder.decode(node)
      out += Validation.check(doc, node: node).map(\.description)
    }
    return out.joined(separator: "\n")
  }

  @Test func missingName() throws {
    let text = Self.deployment.replacingOccurrences(of: "  name: web\n", with: "  labels: {a: b}\n")
    #expect(
      try Self.validationErrors(text)
        == "web.yaml:4:3: metadata.name: Required value: name or generateName is required")
  }

  @Test func selectorTemplateMismatch() throws {
    let text = Self.deployment.replacingOccurrences(
      of: "      labels: {app: web}", with: "      labels: {app: webb, tier: fe}")
    #expect(
      try Self.validationErrors(text)
        == #"web.yaml:11:15: spec.template.metadata.labels: Invalid value: "#
        + #"map[string]string{"app":"webb", "tier":"fe"}: `selector` does not match template `labels`"#
    )
  }

  @Test func emptySelectorPrintsLikeGo() {
    var d = APIObject.deployment(
      Deployment(
        metadata: ObjectMeta(name: "web"),
        spec: DeploymentSpec(
          template: PodTemplateSpec(
            spec: PodSpec(containers: [
              Container(name: "c", image: "nginx:1.27")
            ])))))
    Defaulting.apply(to: &d)
    #expect(
      Validation.validate(d).map(\.description) == [
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
          + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for "
          + "deployment"
      ])
  }

  @Test func podSpecRules() throws {
    let text = """
      apiVersion: v1
      kind: Pod
      metadata: {name: Bad_Name}
      spec:
        containers:
        - name: app
          image: app:1
          ports: [{containerPort: 70000}]
          resources:
            requests: {cpu: "2"}
            limits: {cpu: "1"}
        - name: app
          image: app:1
        tolerations:
        - {operator: Equal, value: x}

      """
    let got = try Self.validationErrors(text)
    #expect(
      got
        == [String]([
          "web.yaml:3:18: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain "
            + "must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
            + "with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
          "web.yaml:8:29: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be "
            + "between 1 and 65535, inclusive",
          "web.yaml:10:23: spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be "
            + "less than or equal to cpu limit of 1",
          "web.yaml:12:11: spec.containers[1].name: Duplicate value: \"app\"",
          "web.yaml:15:16: spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be "
            + "Exists when `key` is empty, which means \"match all values and all keys\"",
        ]).joined(separator: "\n"))
  }

  /// validation.go `ValidatePodSpec`: hostname and subdomain are DNS-1123 labels.
  @Test func hostnameAndSubdomainAreDNSLabels() throws {
    let text = """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        hostname: Web_1
        subdomain: ok-sub
        containers:
        - {name: app, image: "app:1"}

      """
    #expect(
      try Self.validationErrors(text)
        == "web.yaml:5:13: spec.hostname: Invalid value: \"Web_1\": a lowercase RFC 1123 label "
        + "must consist of lower case alphanumeric characters or '-', and must start and end "
        + "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
        + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
  }

  /// hostname and subdomain are decoded and rendered; a spec without them renders without
  /// them (so pod-template hashes of existing templates do not change).
  @Test func hostnameAndSubdomainRoundTrip() throws {
    var spec = PodSpec(containers: [Container(name: "app", image: "app:1")])
    let plain = spec.renderJSON(JSONRenderer()).compactString
    spec.hostname = "idx-0"
    spec.subdomain = "workers"
    let rendered = spec.renderJSON(JSONRenderer()).compactString
    #expect(!plain.contains("hostname") && rendered.contains(#""hostname":"idx-0","subdomain":"workers""#))
  }

  @Test func replicasAndServicePorts() throws {
    let text =
      Self.deployment.replacingOccurrences(of: "replicas: 3", with: "replicas: -1") + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports: [{port: 0}]

        """
    let got = try Self.validationErrors(text)
    #expect(
      got
        == [String]([
          "web.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
          "web.yaml:23:18: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
          // targetPort defaults to port, so it is invalid too (as upstream); it has no node of its
          // own, so the location is the port's mapping.
          "web.yaml:23:11: spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, "
            + "inclusive",
        ]).joined(separator: "\n"))
  }
}
