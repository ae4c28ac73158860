/// API-server validation as upstream `pkg/apis/core/validation`, `pkg/apis/apps/validation`,
/// `pkg/apis/batch/validation`, … do it, with upstream's messages and field paths.
///
/// Run after `Defaulting.apply(to:)`, as the API server does. KubeSim checks the rules that
/// matter to simulation and to users' typos; it does not (yet) check every upstream rule
/// (e.g. volumes, probes' handlers, security contexts are not validated because they are not
/// modelled).
public enum Validation {
  /// Every error found in `object` (empty when valid), in field order.
  public static func validate(_ object: APIObject) -> [FieldError] {
    var e: [FieldError] = []
    let meta = FieldPath("metadata")
    switch object {
    case .pod(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      podSpec(o.spec, FieldPath("spec"), &e)
    case .node(let o):
      objectMeta(o.metadata, namespaced: false, name: .dns1123Subdomain, meta, &e)
      resourceList(o.status.capacity, FieldPath("status", "capacity"), &e)
      resourceList(o.status.allocatable, FieldPath("status", "allocatable"), &e)
      taints(o.spec.taints, FieldPath("spec", "taints"), &e)
    case .namespace(let o):
      objectMeta(o.metadata, namespaced: false, name: .dns1123Label, meta, &e)
    case .service(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1035Label, meta, &e)
      serviceSpec(o.spec, FieldPath("spec"), &e)
    case .configMap(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
    case .secret(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
    case .persistentVolume(let o):
      objectMeta(o.metadata, namespaced: false, name: .dns1123Subdomain, meta, &e)
    case .persistentVolumeClaim(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
    case .resourceQuota(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      resourceList(o.spec.hard, FieldPath("spec", "hard"), &e)
    case .limitRange(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
    case .endpointSlice(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
    case .deployment(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      deploymentSpec(o.spec, FieldPath("spec"), &e)
    case .replicaSet(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      replicas(o.spec.replicas, FieldPath("spec", "replicas"), &e)
      nonNegative(o.spec.minReadySeconds, FieldPath("spec", "minReadySeconds"), &e)
      selectorAndTemplate(
        o.spec.selector, o.spec.template, kind: "replicaset",
        restart: [.always], FieldPath("spec"), &e)
    case .daemonSet(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      nonNegative(o.spec.minReadySeconds, FieldPath("spec", "minReadySeconds"), &e)
      selectorAndTemplate(
        o.spec.selector, o.spec.template, kind: "daemonset",
        restart: [.always], FieldPath("spec"), &e)
    case .statefulSet(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      replicas(o.spec.replicas, FieldPath("spec", "replicas"), &e)
      selectorAndTemplate(
        o.spec.selector, o.spec.template, kind: "statefulset",
        restart: [.always], FieldPath("spec"), &e)
    case .job(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      jobSpec(o.spec, FieldPath("spec"), &e)
    case .cronJob(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      cronJobSpec(o.spec, FieldPath("spec"), &e)
    case .horizontalPodAutoscaler(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      hpaSpec(o.spec, FieldPath("spec"), &e)
    case .podDisruptionBudget(let o):
      objectMeta(o.metadata, namespaced: true, name: .dns1123Subdomain, meta, &e)
      pdbSpec(o.spec, FieldPath("spec"), &e)
    case .priorityClass(let o):
      objectMeta(o.metadata, namespaced: false, name: .dns1123Subdomain, meta, &e)
      priorityClass(o, &e)
    case .storageClass(let o):
      objectMeta(o.metadata, namespaced: false, name: .dns1123Subdomain, meta, &e)
      if o.provisioner.isEmpty { e.append(FieldError(.required, FieldPath("provisioner"))) }
    }
    return e
  }

  /// The name rule of a kind (`ValidateXName` upstream).
  enum NameRule {
    case dns1123Subdomain, dns1123Label, dns1035Label
  }

  /// `ValidateObjectMeta` (`k8s.io/apimachinery/pkg/api/validation/objectmeta.go`): name or
  /// generateName, the kind's name format, namespace presence and format, label and annotation
  /// syntax.
  static func objectMeta(
    _ m: ObjectMeta, namespaced: Bool, name rule: NameRule, _ p: FieldPath,
    _ e: inout [FieldError]
  ) {
    if m.name.isEmpty {
      if (m.generateName ?? "").isEmpty {
        e.append(FieldError(.required, p.child("name"), nil, "name or generateName is required"))
      }
    } else {
      let problem: String?
      switch rule {
      case .dns1123Subdomain: problem = LabelSyntax.dns1123SubdomainError(m.name)
      case .dns1123Label: problem = LabelSyntax.dns1123LabelError(m.name)
      case .dns1035Label: problem = LabelSyntax.dns1035LabelError(m.name)
      }
      if let problem {
        e.append(FieldError(.invalid, p.child("name"), FieldError.quote(m.name), problem))
      }
    }
    if namespaced {
      if let ns = m.namespace, let problem = LabelSyntax.dns1123LabelError(ns) {
        e.append(FieldError(.invalid, p.child("namespace"), FieldError.quote(ns), problem))
      }
    } else if let ns = m.namespace, !ns.isEmpty {
      e.append(FieldError(.forbidden, p.child("namespace"), nil, "not allowed on this type"))
    }
    labels(m.labels, p.child("labels"), &e)
    for a in m.annotations.entries {
      if let problem = LabelSyntax.qualifiedNameError(a.key.lowercased()) {
        e.append(FieldError(.invalid, p.child("annotations"), FieldError.quote(a.key), problem))
      }
    }
  }

  /// `ValidateLabels` (`k8s.io/apimachinery/pkg/apis/meta/v1/validation`): keys are qualified
  /// names, values valid label values.
  static func labels(_ m: StringMap, _ p: FieldPath, _ e: inout [FieldError]) {
    for entry in m.entries {
      if let problem = LabelSyntax.qualifiedNameError(entry.key) {
        e.append(FieldError(.invalid, p, FieldError.quote(entry.key), problem))
      }
      if let problem = LabelSyntax.labelValueError(entry.value) {
        e.append(FieldError(.invalid, p, FieldError.quote(entry.value), problem))
      }
    }
  }

  /// Quantities must be non-negative (`ValidateResourceQuantityValue` / `ValidateNonnegativeQuantity`).
  static func resourceList(_ r: ResourceList, _ p: FieldPath, _ e: inout [FieldError]) {
    for entry in r.entries where entry.quantity.sign < 0 {
      e.append(
        FieldError(
          .invalid, p.key(entry.name), FieldError.quote(entry.quantity.description),
          "must be greater than or equal to 0"))
    }
  }

  static func nonNegative(_ v: Int32?, _ p: FieldPath, _ e: inout [FieldError]) {
    if let v, v < 0 {
      e.append(FieldError(.invalid, p, String(v), "must be greater than or equal to 0"))
    }
  }

  static func nonNegative(_ v: Int64?, _ p: FieldPath, _ e: inout [FieldError]) {
    if let v, v < 0 {
      e.append(FieldError(.invalid, p, String(v), "must be greater than or equal to 0"))
    }
  }

  static func replicas(_ v: Int32?, _ p: FieldPath, _ e: inout [FieldError]) {
    nonNegative(v, p, &e)
  }
}
