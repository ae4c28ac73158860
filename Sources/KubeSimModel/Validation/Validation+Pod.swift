extension Validation {
  /// `ValidatePodSpec` (pkg/apis/core/validation/validation.go), the modelled parts.
  static func podSpec(_ s: PodSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    if s.containers.isEmpty { e.append(FieldError(.required, p.child("containers"))) }
    var names: [String] = []
    for (i, c) in s.initContainers.enumerated() {
      container(c, p.child("initContainers").index(i), &names, &e)
    }
    for (i, c) in s.containers.enumerated() {
      container(c, p.child("containers").index(i), &names, &e)
    }
    nonNegative(s.terminationGracePeriodSeconds, p.child("terminationGracePeriodSeconds"), &e)
    if let a = s.activeDeadlineSeconds, a <= 0 {
      e.append(
        FieldError(
          .invalid, p.child("activeDeadlineSeconds"), String(a),
          "must be between 1 and 2147483647, inclusive"))
    }
    // validation.go ValidatePodSpec: hostname and subdomain, when set, are DNS-1123 labels.
    for (value, field) in [(s.hostname, "hostname"), (s.subdomain, "subdomain")] {
      if let v = value, !v.isEmpty, let problem = LabelSyntax.dns1123LabelError(v) {
        e.append(FieldError(.invalid, p.child(field), FieldError.quote(v), problem))
      }
    }
    labels(s.nodeSelector, p.child("nodeSelector"), &e)
    tolerations(s.tolerations, p.child("tolerations"), &e)
    if let na = s.affinity?.nodeAffinity {
      let ap = p.child("affinity").child("nodeAffinity")
      if let req = na.requiredDuringSchedulingIgnoredDuringExecution {
        let rp = ap.child("requiredDuringSchedulingIgnoredDuringExecution")
        if req.nodeSelectorTerms.isEmpty {
          e.append(
            FieldError(
              .required, rp.child("nodeSelectorTerms"), nil,
              "must have at least one node selector term"))
        }
        for (i, t) in req.nodeSelectorTerms.enumerated() {
          nodeSelectorTerm(t, rp.child("nodeSelectorTerms").index(i), &e)
        }
      }
      for (i, t) in na.preferredDuringSchedulingIgnoredDuringExecution.enumerated() {
        let tp = ap.child("preferredDuringSchedulingIgnoredDuringExecution").index(i)
        weight(t.weight, tp.child("weight"), &e)
        nodeSelectorTerm(t.preference, tp.child("preference"), &e)
      }
    }
    for (name, terms) in [
      ("podAffinity", s.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
      (
        "podAntiAffinity",
        s.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution
      ),
    ] {
      for (i, t) in (terms ?? []).enumerated() {
        weight(
          t.weight,
          p.child("affinity").child(name)
            .child("preferredDuringSchedulingIgnoredDuringExecution").index(i).child("weight"), &e)
      }
    }
    for (i, c) in s.topologySpreadConstraints.enumerated() {
      let cp = p.child("topologySpreadConstraints").index(i)
      if c.maxSkew <= 0 {
        e.append(
          FieldError(
            .invalid, cp.child("maxSkew"), String(c.maxSkew),
            "must be greater than zero"))
      }
      if c.topologyKey.isEmpty {
        e.append(FieldError(.required, cp.child("topologyKey"), nil, "can not be empty"))
      }
    }
  }

  static func weight(_ w: Int32, _ p: FieldPath, _ e: inout [FieldError]) {
    if w < 1 || w > 100 {
      e.append(FieldError(.invalid, p, String(w), "must be in the range 1-100"))
    }
  }

  /// `validateContainers` / `validateContainerCommon`: name (DNS-1123 label, unique), image,
  /// ports, resources.
  static func container(
    _ c: Container, _ p: FieldPath, _ names: inout [String], _ e: inout [FieldError]
  ) {
    if c.name.isEmpty {
      e.append(FieldError(.required, p.child("name")))
    } else if let problem = LabelSyntax.dns1123LabelError(c.name) {
      e.append(FieldError(.invalid, p.child("name"), FieldError.quote(c.name), problem))
    } else if names.contains(c.name) {
      e.append(FieldError(.duplicate, p.child("name"), FieldError.quote(c.name)))
    }
    names.append(c.name)
    if (c.image ?? "").isEmpty { e.append(FieldError(.required, p.child("image"))) }
    for (i, port) in c.ports.enumerated() {
      let pp = p.child("ports").index(i)
      portNumber(port.containerPort, pp.child("containerPort"), &e)
      if let h = port.hostPort, h != 0 { portNumber(h, pp.child("hostPort"), &e) }
    }
    resources(c.resources, p.child("resources"), &e)
  }

  /// `must be between 1 and 65535, inclusive` (`validation.IsValidPortNum`).
  static func portNumber(_ n: Int32, _ p: FieldPath, _ e: inout [FieldError]) {
    if n < 1 || n > 65535 {
      e.append(FieldError(.invalid, p, String(n), "must be between 1 and 65535, inclusive"))
    }
  }

  /// `ValidateResourceRequirements`: non-negative amounts; requests ≤ limits per resource.
  static func resources(_ r: ResourceRequirements, _ p: FieldPath, _ e: inout [FieldError]) {
    resourceList(r.limits, p.child("limits"), &e)
    resourceList(r.requests, p.child("requests"), &e)
    for req in r.requests.entries {
      guard let limit = r.limits[req.name], req.quantity > limit else { continue }
      e.append(
        FieldError(
          .invalid, p.child("requests").key(req.name), FieldError.quote(req.quantity.description),
          "must be less than or equal to \(req.name) limit of \(limit.description)"))
    }
  }

  /// `ValidateTolerations`.
  static func tolerations(_ ts: [Toleration], _ p: FieldPath, _ e: inout [FieldError]) {
    for (i, t) in ts.enumerated() {
      let tp = p.index(i)
      let key = t.key ?? ""
      if !key.isEmpty, let problem = LabelSyntax.qualifiedNameError(key) {
        e.append(FieldError(.invalid, tp.child("key"), FieldError.quote(key), problem))
      }
      if key.isEmpty && t.operator != .exists {
        e.append(
          FieldError(
            .invalid, tp.child("operator"), FieldError.quote(t.operator?.rawValue ?? ""),
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""
          ))
      }
      if t.tolerationSeconds != nil && t.effect != .noExecute {
        e.append(
          FieldError(
            .invalid, tp.child("effect"), FieldError.quote(t.effect?.rawValue ?? ""),
            "effect must be 'NoExecute' when `tolerationSeconds` is set"))
      }
      if t.operator == .exists, let v = t.value, !v.isEmpty {
        e.append(
          FieldError(
            .invalid, tp.child("operator"), FieldError.quote(v),
            "value must be empty when `operator` is 'Exists'"))
      }
    }
  }

  static func taints(_ ts: [Taint], _ p: FieldPath, _ e: inout [FieldError]) {
    for (i, t) in ts.enumerated() {
      if let problem = LabelSyntax.qualifiedNameError(t.key) {
        e.append(FieldError(.invalid, p.index(i).child("key"), FieldError.quote(t.key), problem))
      }
    }
  }

  /// `ValidateNodeSelectorTerm` / `ValidateNodeSelectorRequirement` / `validateNodeFieldSelectorRequirement`.
  static func nodeSelectorTerm(_ t: NodeSelectorTerm, _ p: FieldPath, _ e: inout [FieldError]) {
    for (i, r) in t.matchExpressions.enumerated() {
      let rp = p.child("matchExpressions").index(i)
      switch r.operator {
      case .in, .notIn:
        if r.values.isEmpty {
          e.append(
            FieldError(
              .required, rp.child("values"), nil,
              "must be specified when `operator` is 'In' or 'NotIn'"))
        }
      case .exists, .doesNotExist:
        if !r.values.isEmpty {
          e.append(
            FieldError(
              .forbidden, rp.child("values"), nil,
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        }
      case .gt, .lt:
        if r.values.count != 1 {
          e.append(
            FieldError(
              .required, rp.child("values"), nil,
              "must be specified single value when `operator` is 'Lt' or 'Gt'"))
        }
      }
      if let problem = LabelSyntax.qualifiedNameError(r.key) {
        e.append(FieldError(.invalid, rp.child("key"), FieldError.quote(r.key), problem))
      }
    }
    for (i, r) in t.matchFields.enumerated() {
      let rp = p.child("matchFields").index(i)
      if r.key != "metadata.name" {
        e.append(
          FieldError(
            .invalid, rp.child("key"), FieldError.quote(r.key),
            "not a valid field selector key"))
      }
      if r.operator != .in && r.operator != .notIn {
        e.append(
          FieldError(
            .invalid, rp.child("operator"), FieldError.quote(r.operator.rawValue),
            "not a valid selector operator"))
      }
      if r.values.count != 1 {
        e.append(
          FieldError(
            .required, rp.child("values"), nil,
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
      }
    }
  }
}
