extension Validation {
  /// `ValidateDeploymentSpec` (pkg/apis/apps/validation/validation.go).
  static func deploymentSpec(_ s: DeploymentSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    replicas(s.replicas, p.child("replicas"), &e)
    selectorAndTemplate(s.selector, s.template, kind: "deployment", restart: [.always], p, &e)
    if let strategy = s.strategy {
      let sp = p.child("strategy")
      if strategy.type == .recreate && strategy.rollingUpdate != nil {
        e.append(
          FieldError(
            .forbidden, sp.child("rollingUpdate"), nil,
            "may not be specified when strategy `type` is 'Recreate'"))
      }
      if strategy.type == .rollingUpdate, let ru = strategy.rollingUpdate {
        let rp = sp.child("rollingUpdate")
        intOrPercent(ru.maxUnavailable, rp.child("maxUnavailable"), &e)
        intOrPercent(ru.maxSurge, rp.child("maxSurge"), &e)
        if isZero(ru.maxSurge) && isZero(ru.maxUnavailable) {
          e.append(
            FieldError(
              .invalid, rp.child("maxUnavailable"),
              FieldError.quote(ru.maxUnavailable?.description ?? "0"),
              "may not be 0 when `maxSurge` is 0"))
        }
      }
    }
    nonNegative(s.minReadySeconds, p.child("minReadySeconds"), &e)
    nonNegative(s.revisionHistoryLimit, p.child("revisionHistoryLimit"), &e)
    if let d = s.progressDeadlineSeconds {
      nonNegative(d, p.child("progressDeadlineSeconds"), &e)
      if d <= (s.minReadySeconds ?? 0) {
        e.append(
          FieldError(
            .invalid, p.child("progressDeadlineSeconds"), String(d),
            "must be greater than minReadySeconds"))
      }
    }
  }

  static func isZero(_ v: IntOrString?) -> Bool {
    switch v {
    case .int(0)?, .string("0%")?, nil: return true
    default: return false
    }
  }

  /// `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`.
  static func intOrPercent(_ v: IntOrString?, _ p: FieldPath, _ e: inout [FieldError]) {
    switch v {
    case .int(let i)?:
      if i < 0 {
        e.append(FieldError(.invalid, p, String(i), "must be greater than or equal to 0"))
      }
    case .string(let s)?:
      guard s.hasSuffix("%"), let n = Int(s.dropLast()) else {
        e.append(
          FieldError(
            .invalid, p, FieldError.quote(s),
            "a valid percent string must be a numeric string followed by an "
              + "ending '%' (e.g. '1%',  or '93%', regex used for validation is "
              + "'[0-9]+%')"))
        return
      }
      if n < 0 {
        e.append(FieldError(.invalid, p, FieldError.quote(s), "must be greater than or equal to 0"))
      } else if n > 100 {
        e.append(FieldError(.invalid, p, FieldError.quote(s), "must not be greater than 100%"))
      }
    case nil: break
    }
  }

  /// The selector rules shared by workloads (`ValidateDeploymentSpec`, `ValidateReplicaSetSpec`,
  /// …): a non-empty selector that matches the template's labels, and the template's restart
  /// policy among `restart`.
  static func selectorAndTemplate(
    _ selector: LabelSelector, _ template: PodTemplateSpec, kind: String,
    restart: [RestartPolicy], _ p: FieldPath, _ e: inout [FieldError]
  ) {
    if selector.isEmpty {
      e.append(
        FieldError(
          .invalid, p.child("selector"), FieldError.goSelector(selector),
          "empty selector is invalid for \(kind)"))
    } else {
      labels(selector.matchLabels, p.child("selector").child("matchLabels"), &e)
      if !selector.matches(template.metadata.labels) {
        e.append(
          FieldError(
            .invalid, p.child("template").child("metadata").child("labels"),
            FieldError.goMap(template.metadata.labels),
            "`selector` does not match template `labels`"))
      }
    }
    podTemplate(template, restart: restart, p.child("template"), &e)
  }

  static func podTemplate(
    _ t: PodTemplateSpec, restart: [RestartPolicy], _ p: FieldPath, _ e: inout [FieldError]
  ) {
    labels(t.metadata.labels, p.child("metadata").child("labels"), &e)
    podSpec(t.spec, p.child("spec"), &e)
    if let r = t.spec.restartPolicy, !restart.contains(r) {
      e.append(
        FieldError(
          .notSupported, p.child("spec").child("restartPolicy"), FieldError.quote(r.rawValue),
          "supported values: "
            + restart.map { FieldError.quote($0.rawValue) }.joined(separator: ", ")))
    }
  }

  /// `ValidateJobSpec` (pkg/apis/batch/validation/validation.go).
  static func jobSpec(_ s: JobSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    nonNegative(s.parallelism, p.child("parallelism"), &e)
    nonNegative(s.completions, p.child("completions"), &e)
    nonNegative(s.backoffLimit, p.child("backoffLimit"), &e)
    if let a = s.activeDeadlineSeconds, a <= 0 {
      e.append(
        FieldError(
          .invalid, p.child("activeDeadlineSeconds"), String(a),
          "must be greater than or equal to 0"))
    }
    if s.completionMode == .indexed && s.completions == nil {
      e.append(
        FieldError(
          .required, p.child("completions"), nil,
          "when completion mode is Indexed"))
    }
    if let sel = s.selector, !sel.isEmpty, !sel.matches(s.template.metadata.labels) {
      e.append(
        FieldError(
          .invalid, p.child("template").child("metadata").child("labels"),
          FieldError.goMap(s.template.metadata.labels),
          "`selector` does not match template `labels`"))
    }
    podTemplate(s.template, restart: [.onFailure, .never], p.child("template"), &e)
  }

  /// `ValidateCronJobSpec`: a schedule and a valid job template.
  static func cronJobSpec(_ s: CronJobSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    if s.schedule.isEmpty { e.append(FieldError(.required, p.child("schedule"))) }
    nonNegative(s.startingDeadlineSeconds, p.child("startingDeadlineSeconds"), &e)
    nonNegative(s.successfulJobsHistoryLimit, p.child("successfulJobsHistoryLimit"), &e)
    nonNegative(s.failedJobsHistoryLimit, p.child("failedJobsHistoryLimit"), &e)
    jobSpec(s.jobTemplate.spec, p.child("jobTemplate").child("spec"), &e)
  }

  /// `ValidateHorizontalPodAutoscalerSpec` (pkg/apis/autoscaling/validation).
  static func hpaSpec(_ s: HorizontalPodAutoscalerSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    if let m = s.minReplicas, m < 1 {
      e.append(
        FieldError(
          .invalid, p.child("minReplicas"), String(m),
          "must be greater than or equal to 1"))
    }
    if s.maxReplicas < 1 {
      e.append(
        FieldError(
          .invalid, p.child("maxReplicas"), String(s.maxReplicas),
          "must be greater than or equal to 1"))
    }
    if let m = s.minReplicas, s.maxReplicas < m {
      e.append(
        FieldError(
          .invalid, p.child("maxReplicas"), String(s.maxReplicas),
          "must be greater than or equal to `minReplicas`"))
    }
    let ref = p.child("scaleTargetRef")
    if s.scaleTargetRef.kind.isEmpty { e.append(FieldError(.required, ref.child("kind"))) }
    if s.scaleTargetRef.name.isEmpty { e.append(FieldError(.required, ref.child("name"))) }
  }

  /// `ValidatePodDisruptionBudgetSpec` (pkg/apis/policy/validation).
  static func pdbSpec(_ s: PodDisruptionBudgetSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    if s.minAvailable != nil && s.maxUnavailable != nil {
      e.append(
        FieldError(
          .invalid, p, "policy.PodDisruptionBudgetSpec",
          "minAvailable and maxUnavailable cannot be both set"))
    }
    intOrPercent(s.minAvailable, p.child("minAvailable"), &e)
    intOrPercent(s.maxUnavailable, p.child("maxUnavailable"), &e)
  }

  /// `ValidatePriorityClass` (pkg/apis/scheduling/validation): user classes may not use the
  /// `system-` prefix and are at most 1000000000 (HighestUserDefinablePriority).
  static func priorityClass(_ pc: PriorityClass, _ e: inout [FieldError]) {
    let builtin = Defaulting.systemPriorityClasses.contains {
      $0.metadata.name == pc.metadata.name && $0.value == pc.value
    }
    if builtin { return }
    if pc.metadata.name.hasPrefix("system-") {
      e.append(
        FieldError(
          .forbidden, FieldPath("metadata", "name"), nil,
          "priority class names with 'system-' prefix are reserved"))
    }
    if pc.value > 1_000_000_000 {
      e.append(
        FieldError(
          .forbidden, FieldPath("value"), nil,
          "maximum allowed value of a user defined priority is 1000000000"))
    }
  }

  /// `ValidateService` (pkg/apis/core/validation): ports, names, types.
  static func serviceSpec(_ s: ServiceSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    let type = s.type ?? .clusterIP
    if type == .externalName {
      if (s.externalName ?? "").isEmpty { e.append(FieldError(.required, p.child("externalName"))) }
    } else if s.ports.isEmpty && s.clusterIP != "None" {
      e.append(FieldError(.required, p.child("ports")))
    }
    var names: [String] = []
    for (i, port) in s.ports.enumerated() {
      let pp = p.child("ports").index(i)
      let name = port.name ?? ""
      if s.ports.count > 1 && name.isEmpty {
        e.append(FieldError(.required, pp.child("name")))
      } else if !name.isEmpty {
        if let problem = LabelSyntax.dns1123LabelError(name) {
          e.append(FieldError(.invalid, pp.child("name"), FieldError.quote(name), problem))
        } else if names.contains(name) {
          e.append(FieldError(.duplicate, pp.child("name"), FieldError.quote(name)))
        }
        names.append(name)
      }
      portNumber(port.port, pp.child("port"), &e)
      if case .int(let t)? = port.targetPort { portNumber(t, pp.child("targetPort"), &e) }
      if let n = port.nodePort, n != 0 {
        if type == .clusterIP {
          e.append(
            FieldError(
              .forbidden, pp.child("nodePort"), nil,
              "may not be used when `type` is 'ClusterIP'"))
        } else {
          portNumber(n, pp.child("nodePort"), &e)
        }
      }
    }
  }
}
