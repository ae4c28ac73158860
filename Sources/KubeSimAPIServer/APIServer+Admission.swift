import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// NamespaceLifecycle: a namespaced object needs an existing namespace that is not being
  /// deleted. Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/
  /// admission.go (`namespaces "x" not found`; `unable to create new content in namespace x
  /// because it is being terminated`).
  func admitNamespace(_ kind: ObjectKind, _ namespace: String?, name: String) throws(APIError) {
    guard kind.isNamespaced, let namespace else { return }
    guard case .namespace(let ns)? = get(.namespace, nil, namespace) else {
      throw .notFound(.namespace, namespace)
    }
    if ns.metadata.deletionTimestamp != nil {
      throw .forbidden(
        kind, name,
        "unable to create new content in namespace \(namespace) because it is being terminated")
    }
  }

  /// Mutating admission of a new object: Priority, DefaultTolerationSeconds, LimitRanger (pods).
  func admitMutating(_ obj: inout APIObject, name: String) throws(APIError) {
    guard case .pod(var pod) = obj else { return }
    try admitPriority(&pod, name: name)
    addDefaultTolerations(&pod)
    try admitLimitRanges(&pod, name: name)
    obj = .pod(pod)
  }

  /// Priority admission (the model's `Defaulting.resolvePriority`, with upstream messages,
  /// returned as Forbidden): the pod's priority from its PriorityClass, or from the
  /// globalDefault class, or 0. Upstream: plugin/pkg/admission/priority/admission.go.
  func admitPriority(_ pod: inout Pod, name: String) throws(APIError) {
    if priorityClassCache == nil {
      priorityClassCache = list(.priorityClass).compactMap {
        if case .priorityClass(let pc) = $0 { return pc } else { return nil }
      }
    }
    do {
      try Defaulting.resolvePriority(&pod.spec, classes: priorityClassCache ?? [])
    } catch {
      throw .forbidden(.pod, name, error.message)
    }
  }

  /// DefaultTolerationSeconds (the model's `Defaulting.defaultTolerationSeconds`) with the
  /// run's settings. Upstream: plugin/pkg/admission/defaulttolerationseconds/admission.go.
  func addDefaultTolerations(_ pod: inout Pod) {
    Defaulting.defaultTolerationSeconds(
      &pod.spec, notReadySeconds: settings.defaultNotReadyTolerationSeconds,
      unreachableSeconds: settings.defaultUnreachableTolerationSeconds)
  }

  /// Validation of a new or updated object, with upstream field paths and messages. KubeSim
  /// checks what the simulation relies on (the model's decoder validates manifests):
  /// the name (pkg/apis/core/validation `ValidateObjectMeta` with the kind's name rule:
  /// DNS-1123 label for Namespaces, DNS-1035 label for Services, DNS-1123 subdomain otherwise),
  /// pod containers (`ValidatePodSpec`: `spec.containers: Required value`), and workload
  /// selectors (pkg/apis/apps/validation `ValidateDeploymentSpec`, `ValidateReplicaSetSpec`,
  /// `ValidatePodTemplateSpecForReplicaSet`).
  func validate(_ obj: APIObject, name: String) throws(APIError) {
    var errors: [String] = []
    if let problem = Self.nameError(obj) { errors.append(problem) }
    switch obj {
    case .pod(let pod):
      if pod.spec.containers.isEmpty { errors.append("spec.containers: Required value") }
    case .deployment(let d):
      errors += Self.selectorErrors(d.spec.selector, d.spec.template, "deployment")
    case .replicaSet(let rs):
      errors += Self.selectorErrors(rs.spec.selector, rs.spec.template, "replicaset")
    default: break
    }
    if !errors.isEmpty { throw .invalid(obj.kind, name, errors) }
  }

  /// The name rule of the object's kind, as a field error, or nil (an empty name is checked
  /// after generation).
  static func nameError(_ obj: APIObject) -> String? {
    let name = obj.metadata.name
    guard !name.isEmpty else { return nil }
    let problem: String?
    switch obj.kind {
    case .namespace: problem = LabelSyntax.dns1123LabelError(name)
    case .service: problem = LabelSyntax.dns1035LabelError(name)
    default: problem = LabelSyntax.dns1123SubdomainError(name)
    }
    return problem.map { "metadata.name: Invalid value: \"\(name)\": \($0)" }
  }

  static func selectorErrors(_ selector: LabelSelector, _ template: PodTemplateSpec, _ what: String)
    -> [String]
  {
    if selector.matchLabels.isEmpty && selector.matchExpressions.isEmpty {
      return [
        "spec.selector: Invalid value: \(selector.goSyntax): empty selector is invalid for \(what)"
      ]
    }
    if !selector.matches(template.metadata.labels) {
      return [
        "spec.template.metadata.labels: Invalid value: \(template.metadata.labels.goSyntax): "
          + "`selector` does not match template `labels`"
      ]
    }
    return []
  }

  /// Rejects updates of immutable fields with upstream messages
  /// (pkg/apis/core/validation/validation.go, pkg/apis/apps/validation/validation.go:
  /// `ValidateImmutableField` → `field is immutable`).
  func checkImmutable(old: APIObject, new: APIObject) throws(APIError) {
    let name = old.metadata.name
    switch (old, new) {
    case (.pod(let o), .pod(let n)):
      var mutable = o.spec
      // ValidatePodUpdate: only these fields may change.
      for i in mutable.containers.indices where i < n.spec.containers.count {
        mutable.containers[i].image = n.spec.containers[i].image
      }
      for i in mutable.initContainers.indices where i < n.spec.initContainers.count {
        mutable.initContainers[i].image = n.spec.initContainers[i].image
      }
      mutable.activeDeadlineSeconds = n.spec.activeDeadlineSeconds
      mutable.tolerations = n.spec.tolerations
      mutable.terminationGracePeriodSeconds = n.spec.terminationGracePeriodSeconds
      // validation.go `validatePodSchedulingGates`/ValidatePodUpdate: scheduling gates may be
      // removed, never added ("spec.schedulingGates: Forbidden: only deletion is allowed, but
      // found new scheduling gate '<name>'").
      if let added = n.spec.schedulingGates.first(where: { g in
        !o.spec.schedulingGates.contains { $0.name == g.name }
      }) {
        throw .invalid(
          .pod, name,
          "spec.schedulingGates: Forbidden: only deletion is allowed, but found new scheduling gate '\(added.name)'"
        )
      }
      mutable.schedulingGates = n.spec.schedulingGates
      if mutable != n.spec {
        throw .invalid(
          .pod, name,
          "spec: Forbidden: pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,"
            + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
            + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it "
            + "was previously negative)")
      }
    case (.deployment(let o), .deployment(let n)):
      try immutableSelector(.deployment, name, o.spec.selector, n.spec.selector)
    case (.replicaSet(let o), .replicaSet(let n)):
      try immutableSelector(.replicaSet, name, o.spec.selector, n.spec.selector)
    case (.daemonSet(let o), .daemonSet(let n)):
      try immutableSelector(.daemonSet, name, o.spec.selector, n.spec.selector)
    case (.statefulSet(let o), .statefulSet(let n)):
      try immutableSelector(.statefulSet, name, o.spec.selector, n.spec.selector)
    case (.service(let o), .service(let n)):
      if let old = o.spec.clusterIP, !old.isEmpty, let new = n.spec.clusterIP, !new.isEmpty,
        old != new
      {
        throw .invalid(
          .service, name, "spec.clusterIP: Invalid value: \"\(new)\": field is immutable")
      }
    default: break
    }
  }

  private func immutableSelector(
    _ kind: ObjectKind, _ name: String, _ old: LabelSelector, _ new: LabelSelector
  ) throws(APIError) {
    guard old != new else { return }
    throw .invalid(
      kind, name, "spec.selector: Invalid value: \(new.goSyntax): field is immutable")
  }
}

extension StringMap {
  /// The map as Go's `%#v` prints it (keys sorted, as Go's fmt does):
  /// `map[string]string{"app":"web"}`, or `map[string]string(nil)` when empty.
  var goSyntax: String {
    if isEmpty { return "map[string]string(nil)" }
    return "map[string]string{"
      + entries.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ", ") + "}"
  }
}

extension LabelSelector {
  /// The selector as Go's `%#v` prints it in upstream validation messages, e.g.
  /// `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
  var goSyntax: String {
    let labels = matchLabels.goSyntax
    let exprs =
      matchExpressions.isEmpty
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{"
        + matchExpressions.map { e in
          "v1.LabelSelectorRequirement{Key:\"\(e.key)\", Operator:\"\(e.operator.rawValue)\", "
            + "Values:[]string{" + e.values.map { "\"\($0)\"" }.joined(separator: ", ") + "}}"
        }.joined(separator: ", ") + "}"
    return "v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(exprs)}"
  }
}
