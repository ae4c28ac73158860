import KubeSimAPIServer
import KubeSimControllers
import KubeSimKernel
import KubeSimModel

/// Runs a timeline's kubectl commands against the API server, "at now", as kubectl would.
///
/// Each verb reads the object, changes what kubectl changes and writes it back through
/// `APIServer.update`/`create`/`delete`, so defaulting, validation and admission apply and watch
/// deliveries follow as for any write. Outputs are kubectl's (`deployment.apps/web scaled`);
/// failures are kubectl's messages (`Error from server (NotFound): deployments.apps "web" not
/// found`).
///
/// KubeSim differs from kubectl: `apply` replaces metadata and spec of an existing object instead
/// of a three-way merge with the last-applied configuration (no field managers are modelled).
public struct KubectlExecutor {
  /// The API server commands write through.
  public let api: APIServer

  /// Creates a value with the given parts.
  public init(api: APIServer) { self.api = api }

  /// Runs `entry`'s command; returns kubectl's output lines.
  /// - Throws: `KubectlError` with kubectl's error message.
  public func run(_ entry: TimelineEntry) throws(KubectlError) -> [String] {
    guard case .kubectl(let command) = entry.action else { return [] }
    switch command {
    case .setImage, .setResources, .rollout, .patch:
      return try runWorkload(command)
    case .scale(let target, let replicas):
      return try targets(target).map { (object) throws(KubectlError) -> String in
        var o = object
        switch o {
        case .deployment(var d):
          d.spec.replicas = replicas
          o = .deployment(d)
        case .replicaSet(var r):
          r.spec.replicas = replicas
          o = .replicaSet(r)
        case .statefulSet(var s):
          s.spec.replicas = replicas
          o = .statefulSet(s)
        default: throw KubectlError("\(Self.name(object)) cannot be scaled")
        }
        try write { () throws(APIError) in try api.update(o) }
        return "\(Self.name(object)) scaled"
      }
    case .apply:
      return try entry.manifests.map { (object) throws(KubectlError) -> String in
        let meta = object.metadata
        if let existing = api.get(
          object.kind, meta.namespace ?? defaultNamespace(object.kind), meta.name)
        {
          var o = object
          o.metadata.resourceVersion = nil
          let before = existing.metadata.resourceVersion
          let after = try write { () throws(APIError) in try api.update(o) }
          return
            "\(Self.name(object)) \(after.metadata.resourceVersion == before ? "unchanged" : "configured")"
        }
        try write { () throws(APIError) in try api.create(object) }
        return "\(Self.name(object)) created"
      }
    case .create:
      return try entry.manifests.map { (object) throws(KubectlError) -> String in
        try write { () throws(APIError) in try api.create(object) }
        return "\(Self.name(object)) created"
      }
    case .delete(let target, let options):
      return try targets(target).map { (object) throws(KubectlError) -> String in
        try write { () throws(APIError) in
          try api.delete(
            object.kind, object.metadata.namespace, object.metadata.name,
            propagation: options.propagation, gracePeriodSeconds: options.gracePeriodSeconds)
        }
        // delete.go `PrintObj`: "force deleted" when the grace period is 0.
        // delete.go `PrintObj`: `<kind>.<group> "<name>" deleted`, "force deleted" when the
        // grace period is 0.
        let verb = options.gracePeriodSeconds == 0 ? "force deleted" : "deleted"
        let kind = object.kind
        let type =
          kind.group.isEmpty ? kind.name.lowercased() : kind.name.lowercased() + "." + kind.group
        return "\(type) \"\(object.metadata.name)\" \(verb)"
      }
    case .cordon(let node), .uncordon(let node):
      let cordon = { if case .cordon = command { return true } else { return false } }()
      guard case .node(var n) = api.get(.node, nil, node) else {
        throw KubectlError("Error from server (NotFound): nodes \"\(node)\" not found")
      }
      if (n.spec.unschedulable ?? false) == cordon {
        return ["node/\(node) already \(cordon ? "cordoned" : "uncordoned")"]
      }
      // kubectl/pkg/drain/cordon.go: uncordon clears the field (omitempty false).
      n.spec.unschedulable = cordon ? true : nil
      try write { () throws(APIError) in try api.update(.node(n)) }
      return ["node/\(node) \(cordon ? "cordoned" : "uncordoned")"]
    case .label(let target, let changes, let overwrite),
      .annotate(let target, let changes, let overwrite):
      let isLabel = { if case .label = command { return true } else { return false } }()
      return try targets(target).map { (object) throws(KubectlError) -> String in
        var o = object
        var map = isLabel ? o.metadata.labels : o.metadata.annotations
        for change in changes {
          switch change {
          case .set(let key, let value):
            // kubectl/pkg/cmd/label/label.go validateNoOverwrites.
            if !overwrite, let old = map[key], old != value {
              throw KubectlError("'\(key)' already has a value (\(old)), and --overwrite is false")
            }
            map[key] = value
          case .remove(let key):
            map[key] = nil
          }
        }
        if isLabel { o.metadata.labels = map } else { o.metadata.annotations = map }
        if o == object { return "\(Self.name(object)) not \(isLabel ? "labeled" : "annotated")" }
        try write { () throws(APIError) in try api.update(o) }
        return "\(Self.name(object)) \(isLabel ? "labeled" : "annotated")"
      }
    case .drain(let node, let options):
      return try DrainProcess.begin(node: node, options: options, api: api)
    case .taint(let target, let changes, let overwrite):
      var t = target
      t.kind = "nodes"
      return try targets(t).map { (object) throws(KubectlError) -> String in
        guard case .node(var node) = object else { return "" }
        var taints = node.spec.taints
        var removed = false
        for change in changes {
          switch change {
          case .add(let key, let value, let effect):
            let e = TaintEffect(rawValue: effect.rawValue) ?? .noSchedule
            if let i = taints.firstIndex(where: { $0.key == key && $0.effect == e }) {
              // kubectl/pkg/cmd/taint/taint.go (validateFlags / reorganizeTaints).
              if !overwrite {
                throw KubectlError(
                  "node \(node.metadata.name) already has \(key) taint(s) with same effect(s) and --overwrite is false"
                )
              }
              taints[i].value = value.isEmpty ? nil : value
            } else {
              taints.append(
                Taint(key: key, value: value.isEmpty ? nil : value, effect: e, timeAdded: api.now))
            }
          case .remove(let key, let effect):
            let before = taints.count
            taints.removeAll {
              $0.key == key && (effect == nil || $0.effect.rawValue == effect?.rawValue)
            }
            if taints.count == before {
              let spec = effect.map { "\(key):\($0.rawValue)" } ?? key
              throw KubectlError("taint \"\(spec)\" not found")
            }
            removed = true
          }
        }
        node.spec.taints = taints
        try write { () throws(APIError) in try api.update(.node(node)) }
        return "node/\(node.metadata.name) \(removed ? "untainted" : "tainted")"
      }
    }
  }

  /// The objects a target names, in the order given (names) or the API server's order (selector).
  func targets(_ target: ResourceTarget) throws(KubectlError) -> [APIObject] {
    guard let kind = ScenarioKinds.resolve(target.kind) else {
      throw KubectlError("the server doesn't have a resource type \"\(target.kind)\"")
    }
    let namespace = kind.isNamespaced ? (target.namespace ?? "default") : nil
    if !target.names.isEmpty {
      return try target.names.map { (name) throws(KubectlError) -> APIObject in
        guard let object = api.get(kind, namespace, name) else {
          throw KubectlError(
            "Error from server (NotFound): \(Self.resource(kind)) \"\(name)\" not found")
        }
        return object
      }
    }
    let selector = try target.selector.map { (s) throws(KubectlError) in
      try TimelineValidation.selector(s)
    }
    let found = api.list(kind).filter { object in
      (namespace == nil || object.metadata.namespace == namespace)
        && (selector?.matches(object.metadata.labels) ?? true)
    }
    if found.isEmpty {
      let ns = namespace.map { " in \($0) namespace" } ?? ""
      throw KubectlError("No resources found\(ns).")
    }
    return found
  }

  private func defaultNamespace(_ kind: ObjectKind) -> String? {
    kind.isNamespaced ? "default" : nil
  }

  @discardableResult
  func write(_ body: () throws(APIError) -> APIObject) throws(KubectlError) -> APIObject {
    do {
      return try body()
    } catch {
      throw KubectlError("Error from server (\(error.code.rawValue)): \(error.message)")
    }
  }

  /// `deployment.apps/web`, `node/worker-1`: kubectl's `TYPE.GROUP/NAME` output form.
  static func name(_ object: APIObject) -> String {
    let kind = object.kind
    let type =
      kind.group.isEmpty ? kind.name.lowercased() : kind.name.lowercased() + "." + kind.group
    return "\(type)/\(object.metadata.name)"
  }

  /// `deployments.apps`, `pods`: the resource as kubectl's errors name it.
  static func resource(_ kind: ObjectKind) -> String {
    kind.group.isEmpty ? kind.plural : kind.plural + "." + kind.group
  }
}
