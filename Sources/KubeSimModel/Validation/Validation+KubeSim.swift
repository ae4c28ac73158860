import KubeSimYAML

extension Validation {
  /// NodePool rules (KubeSim's own): `count` in 0…100000, a non-empty, non-negative capacity
  /// and non-negative allocatable,
  /// `allocatable` ≤ `capacity`, valid label keys and values, valid taints, a valid name prefix.
  public static func validate(_ pool: NodePool) -> [FieldError] {
    var e: [FieldError] = []
    objectMeta(pool.metadata, namespaced: false, name: .dns1123Subdomain, FieldPath("metadata"), &e)
    let p = FieldPath("spec")
    if pool.spec.count < 0 {
      e.append(
        FieldError(
          .invalid, p.child("count"), String(pool.spec.count),
          "must be greater than or equal to 0"))
    }
    if pool.spec.count > NodePool.maxCount {
      e.append(
        FieldError(
          .invalid, p.child("count"), String(pool.spec.count),
          "must be less than or equal to \(NodePool.maxCount) (KubeSim's limit per pool)"))
    }
    if let prefix = pool.spec.namePrefix, let problem = LabelSyntax.dns1123SubdomainError(prefix) {
      e.append(FieldError(.invalid, p.child("namePrefix"), FieldError.quote(prefix), problem))
    }
    if pool.spec.capacity.isEmpty {
      e.append(
        FieldError(
          .required, p.child("capacity"), nil,
          "a NodePool needs a capacity, e.g. {cpu: \"4\", memory: 8Gi, pods: \"110\"}"))
    }
    resourceList(pool.spec.capacity, p.child("capacity"), &e)
    resourceList(pool.spec.allocatable, p.child("allocatable"), &e)
    for a in pool.spec.allocatable.entries {
      if let c = pool.spec.capacity[a.name], a.quantity > c {
        e.append(
          FieldError(
            .invalid, p.child("allocatable").key(a.name),
            FieldError.quote(a.quantity.description),
            "must be less than or equal to capacity \(c.description)"))
      }
    }
    for l in pool.spec.labels {
      if let problem = LabelSyntax.qualifiedNameError(l.key) {
        e.append(FieldError(.invalid, p.child("labels"), FieldError.quote(l.key), problem))
      }
      for v in l.values {
        if let problem = LabelSyntax.labelValueError(v) {
          e.append(
            FieldError(.invalid, p.child("labels").child(l.key), FieldError.quote(v), problem))
        }
      }
    }
    taints(pool.spec.taints, p.child("taints"), &e)
    autoscalingBounds(pool.spec, p, &e)
    if let c = pool.spec.costPerHour, c.sign < 0 {
      e.append(
        FieldError(
          .invalid, p.child("costPerHour"), FieldError.quote(c.description),
          "must be greater than or equal to 0"))
    }
    return e
  }

  /// `min`/`max` rules for autoscaled pools: 0 ≤ min ≤ count ≤ max ≤ `NodePool.maxCount`
  /// (upstream's node group bounds: `MinSize() ≤ TargetSize() ≤ MaxSize()`).
  static func autoscalingBounds(_ s: NodePoolSpec, _ p: FieldPath, _ e: inout [FieldError]) {
    if let lo = s.min {
      if lo < 0 {
        e.append(
          FieldError(.invalid, p.child("min"), String(lo), "must be greater than or equal to 0"))
      } else if lo > s.count {
        e.append(
          FieldError(
            .invalid, p.child("min"), String(lo),
            "must be less than or equal to count (\(s.count))"))
      }
    }
    if let hi = s.max {
      if hi < s.count {
        e.append(
          FieldError(
            .invalid, p.child("max"), String(hi),
            "must be greater than or equal to count (\(s.count))"))
      } else if hi > NodePool.maxCount {
        e.append(
          FieldError(
            .invalid, p.child("max"), String(hi),
            "must be less than or equal to \(NodePool.maxCount) (KubeSim's limit per pool)"))
      }
      if let lo = s.min, lo > hi {
        e.append(
          FieldError(
            .invalid, p.child("max"), String(hi),
            "must be greater than or equal to min (\(lo))"))
      }
    }
  }

  /// Image rules (KubeSim's own): a reference, and layers with digests and non-negative sizes.
  public static func validate(_ image: ImageSpec) -> [FieldError] {
    var e: [FieldError] = []
    let p = FieldPath("spec")
    if image.spec.reference.isEmpty { e.append(FieldError(.required, p.child("reference"))) }
    for (i, layer) in image.spec.layers.enumerated() {
      let lp = p.child("layers").index(i)
      if layer.digest.isEmpty { e.append(FieldError(.required, lp.child("digest"))) }
      if layer.size.sign < 0 {
        e.append(
          FieldError(
            .invalid, lp.child("size"), FieldError.quote(layer.size.description),
            "must be greater than or equal to 0"))
      }
    }
    return e
  }

  /// Defaults a copy of each object of `document` and validates it as the API server would,
  /// returning the errors located in `node` (the YAML the document was decoded from). What
  /// `kubesim validate` reports after decoding.
  public static func check(_ document: DecodedDocument, node: YAMLNode) -> [ManifestError] {
    switch document {
    case .object(var o):
      Defaulting.apply(to: &o)
      return validate(o).map { $0.manifestError(in: node) }
    case .nodePool(let pool): return validate(pool).map { $0.manifestError(in: node) }
    case .image(let image): return validate(image).map { $0.manifestError(in: node) }
    case .schedulerConfiguration, .scenario: return []
    case .list(let items):
      var out: [ManifestError] = []
      let itemNodes = listItems(node)
      for (i, item) in items.enumerated() where i < itemNodes.count {
        for var err in check(item, node: itemNodes[i]) {
          err.path = "items[\(i)]." + err.path
          out.append(err)
        }
      }
      return out
    }
  }

  static func listItems(_ node: YAMLNode) -> [YAMLNode] {
    guard case .mapping(let pairs) = node.content else { return [] }
    for pair in pairs {
      if case .scalar(let s) = pair.key.content, s.text == "items",
        case .sequence(let items) = pair.value.content
      {
        return items
      }
    }
    return []
  }
}
