import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// The workload verbs: `set image`, `set resources`, `rollout …`, `patch --type merge`, as kubectl
/// runs them client-side (kubectl/pkg/cmd/set, kubectl/pkg/cmd/rollout,
/// kubectl/pkg/polymorphichelpers, kubectl/pkg/cmd/patch, v1.32).
extension KubectlExecutor {
  /// The annotation `rollout restart` sets on the pod template
  /// (kubectl/pkg/polymorphichelpers/objectrestarter.go).
  public static let restartedAtAnnotation = "kubectl.kubernetes.io/restartedAt"

  func runWorkload(_ command: KubectlCommand) throws(KubectlError) -> [String] {
    switch command {
    case .setImage(let target, let images):
      return try targets(target).map { (object) throws(KubectlError) -> String in
        let changed = try Self.mapTemplate(object) { (t) throws(KubectlError) in
          for pair in images {
            var found = false
            for i in t.spec.containers.indices where pair.key == "*" || t.spec.containers[i].name == pair.key {
              t.spec.containers[i].image = pair.value
              found = true
            }
            for i in t.spec.initContainers.indices
            where pair.key == "*" || t.spec.initContainers[i].name == pair.key {
              t.spec.initContainers[i].image = pair.value
              found = true
            }
            // kubectl/pkg/cmd/set/set_image.go: "unable to find container named %q".
            if !found { throw KubectlError("unable to find container named \"\(pair.key)\"") }
          }
        }
        try write { () throws(APIError) in try api.update(changed) }
        return "\(Self.name(object)) image updated"
      }
    case .setResources(let target, let container, let limits, let requests):
      let lim = try Self.quantities(limits)
      let req = try Self.quantities(requests)
      return try targets(target).map { (object) throws(KubectlError) -> String in
        let changed = try Self.mapTemplate(object) { (t) throws(KubectlError) in
          var found = false
          for i in t.spec.containers.indices where container == nil || t.spec.containers[i].name == container {
            for (n, q) in lim { t.spec.containers[i].resources.limits[n] = q }
            for (n, q) in req { t.spec.containers[i].resources.requests[n] = q }
            found = true
          }
          if !found, let container {
            throw KubectlError("unable to find container named \"\(container)\"")
          }
        }
        try write { () throws(APIError) in try api.update(changed) }
        return "\(Self.name(object)) resource requirements updated"
      }
    case .rollout(let action, let target, let toRevision):
      return try targets(target).map { (object) throws(KubectlError) -> String in
        try rollout(action, object, toRevision: toRevision)
      }
    case .patch(let target, let patchText):
      let patch: JSONValue
      do {
        patch = try KubectlCommandParser.patchObject(patchText)
      } catch let e as KubectlError {
        throw e
      } catch {
        throw KubectlError("invalid patch \(patchText)")
      }
      return try targets(target).map { (object) throws(KubectlError) -> String in
        let timeBase = api.settings.timeBase
        let merged = Self.mergePatch(object.toJSON(timeBase: timeBase), patch)
        var decoder = ManifestDecoder(timeBase: timeBase)
        let docs: [DecodedDocument]
        do {
          docs = try decoder.decodeStream(merged.compactString, file: "patch")
        } catch {
          throw KubectlError("The request is invalid: \(error)")
        }
        guard docs.count == 1, case .object(var patched) = docs[0] else {
          throw KubectlError("The request is invalid: the patch does not yield one object")
        }
        if patched.kind != object.kind || patched.metadata.name != object.metadata.name {
          throw KubectlError("The request is invalid: a patch cannot change kind or name")
        }
        patched.metadata.resourceVersion = nil
        let before = object.metadata.resourceVersion
        let after = try write { () throws(APIError) in try api.update(patched) }
        // kubectl/pkg/cmd/patch/patch.go: "patched" or "patched (no change)".
        return "\(Self.name(object)) patched\(after.metadata.resourceVersion == before ? " (no change)" : "")"
      }
    default:
      return []
    }
  }

  /// RFC 7386 JSON merge patch: objects merge key by key, `null` removes, anything else replaces.
  public static func mergePatch(_ target: JSONValue, _ patch: JSONValue) -> JSONValue {
    guard case .object(let patchPairs) = patch else { return patch }
    var pairs: [(String, JSONValue)] = []
    if case .object(let t) = target { pairs = t }
    for (key, value) in patchPairs {
      let i = pairs.firstIndex { $0.0 == key }
      if case .null = value {
        if let i { pairs.remove(at: i) }
      } else if let i {
        pairs[i].1 = mergePatch(pairs[i].1, value)
      } else {
        pairs.append((key, mergePatch(.null, value)))
      }
    }
    return .object(pairs)
  }

  private static func quantities(_ pairs: [KeyValuePair]) throws(KubectlError) -> [(String, Quantity)] {
    var out: [(String, Quantity)] = []
    for p in pairs {
      do {
        out.append((p.key, try Quantity(parsing: p.value)))
      } catch {
        throw KubectlError("invalid quantity \"\(p.value)\" for \(p.key): \(error)")
      }
    }
    return out
  }

  /// The object with its pod template (or a pod's metadata and spec) changed by `body`.
  static func mapTemplate(
    _ object: APIObject, _ body: (inout PodTemplateSpec) throws(KubectlError) -> Void
  ) throws(KubectlError) -> APIObject {
    var o = object
    o.metadata.resourceVersion = nil
    switch o {
    case .deployment(var x): try body(&x.spec.template); o = .deployment(x)
    case .replicaSet(var x): try body(&x.spec.template); o = .replicaSet(x)
    case .daemonSet(var x): try body(&x.spec.template); o = .daemonSet(x)
    case .statefulSet(var x): try body(&x.spec.template); o = .statefulSet(x)
    case .job(var x): try body(&x.spec.template); o = .job(x)
    case .cronJob(var x): try body(&x.spec.jobTemplate.spec.template); o = .cronJob(x)
    case .pod(var x):
      var t = PodTemplateSpec()
      t.metadata = x.metadata
      t.spec = x.spec
      try body(&t)
      x.metadata = t.metadata
      x.spec = t.spec
      o = .pod(x)
    default: throw KubectlError("\(name(object)) has no pod template")
    }
    return o
  }

  // MARK: rollout

  private func rollout(
    _ action: RolloutAction, _ object: APIObject, toRevision: Int64?
  ) throws(KubectlError) -> String {
    let name = Self.name(object)
    switch action {
    case .pause, .resume:
      guard case .deployment(var d) = object else {
        throw KubectlError("\(name) is not a deployment")
      }
      let paused = d.spec.paused ?? false
      // kubectl/pkg/polymorphichelpers/objectpauser.go / objectresumer.go.
      if action == .pause && paused {
        throw KubectlError("\(Self.resource(.deployment)) \"\(d.metadata.name)\" is already paused")
      }
      if action == .resume && !paused {
        throw KubectlError("\(Self.resource(.deployment)) \"\(d.metadata.name)\" is not paused")
      }
      d.spec.paused = action == .pause ? true : nil
      d.metadata.resourceVersion = nil
      try write { () throws(APIError) in try api.update(.deployment(d)) }
      return "\(name) \(action == .pause ? "paused" : "resumed")"
    case .restart:
      if case .deployment(let d) = object, d.spec.paused == true {
        // objectrestarter.go.
        throw KubectlError("can't restart paused deployment (run rollout resume first)")
      }
      let stamp = api.settings.timeBase.format(api.now)
      let changed = try Self.mapTemplate(object) { (t) throws(KubectlError) in
        t.metadata.annotations[Self.restartedAtAnnotation] = stamp
      }
      try write { () throws(APIError) in try api.update(changed) }
      return "\(name) restarted"
    case .undo:
      guard case .deployment(var d) = object else {
        throw KubectlError("kubectl rollout undo: KubeSim rolls back deployments only, found \(name)")
      }
      if d.spec.paused == true {
        // kubectl/pkg/polymorphichelpers/rollback.go.
        throw KubectlError(
          "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume"
            + " deployment/\(d.metadata.name)' and try again")
      }
      let rs = try rollbackTarget(d, toRevision: toRevision)
      var template = rs.spec.template
      template.metadata.labels["pod-template-hash"] = nil
      let revision = rs.metadata.annotations["deployment.kubernetes.io/revision"] ?? "0"
      if template == d.spec.template {
        return "\(name) skipped rollback (current template already matches revision \(revision))"
      }
      d.spec.template = template
      d.metadata.resourceVersion = nil
      try write { () throws(APIError) in try api.update(.deployment(d)) }
      return "\(name) rolled back"
    case .status:
      return Self.rolloutStatus(object)
    }
  }

  /// rollback.go `deploymentRevision`: the given revision, or the second-newest.
  private func rollbackTarget(_ d: Deployment, toRevision: Int64?) throws(KubectlError)
    -> ReplicaSet
  {
    let owned = api.list(.replicaSet, namespace: d.metadata.namespace ?? "default")
      .compactMap(\.asReplicaSet)
      .filter { $0.metadata.ownerReferences.contains { $0.uid == d.metadata.uid && $0.controller == true } }
    var latest: (Int64, ReplicaSet)?
    var previous: (Int64, ReplicaSet)?
    for rs in owned {
      guard let v = Int64(rs.metadata.annotations["deployment.kubernetes.io/revision"] ?? "")
      else { continue }
      if let toRevision {
        if v == toRevision { return rs }
        continue
      }
      if latest == nil || v > latest!.0 {
        previous = latest
        latest = (v, rs)
      } else if previous == nil || v > previous!.0 {
        previous = (v, rs)
      }
    }
    if let toRevision {
      throw KubectlError("unable to find specified revision \(toRevision) in history")
    }
    guard let previous else {
      throw KubectlError("no rollout history found for deployment \"\(d.metadata.name)\"")
    }
    return previous.1
  }

  /// kubectl/pkg/polymorphichelpers/rollout_status.go, one poll (KubeSim does not wait).
  static func rolloutStatus(_ object: APIObject) -> String {
    switch object {
    case .deployment(let d):
      let n = d.metadata.name
      guard d.metadata.generation <= (d.status.observedGeneration ?? 0) else {
        return "Waiting for deployment spec update to be observed..."
      }
      if d.status.conditions.contains(where: { $0.reason == "ProgressDeadlineExceeded" }) {
        return "error: deployment \"\(n)\" exceeded its progress deadline"
      }
      let want = d.spec.replicas ?? 1
      let s = d.status
      if s.updatedReplicas < want {
        return
          "Waiting for deployment \"\(n)\" rollout to finish: \(s.updatedReplicas) out of \(want) new replicas have been updated..."
      }
      if s.replicas > s.updatedReplicas {
        return
          "Waiting for deployment \"\(n)\" rollout to finish: \(s.replicas - s.updatedReplicas) old replicas are pending termination..."
      }
      if s.availableReplicas < s.updatedReplicas {
        return
          "Waiting for deployment \"\(n)\" rollout to finish: \(s.availableReplicas) of \(s.updatedReplicas) updated replicas are available..."
      }
      return "deployment \"\(n)\" successfully rolled out"
    case .daemonSet(let ds):
      let n = ds.metadata.name
      let s = ds.status
      guard ds.metadata.generation <= (s.observedGeneration ?? 0) else {
        return "Waiting for daemon set spec update to be observed..."
      }
      if s.updatedNumberScheduled < s.desiredNumberScheduled {
        return
          "Waiting for daemon set \"\(n)\" rollout to finish: \(s.updatedNumberScheduled) out of \(s.desiredNumberScheduled) new pods have been updated..."
      }
      if s.numberAvailable < s.desiredNumberScheduled {
        return
          "Waiting for daemon set \"\(n)\" rollout to finish: \(s.numberAvailable) of \(s.desiredNumberScheduled) updated pods are available..."
      }
      return "daemon set \"\(n)\" successfully rolled out"
    case .statefulSet(let st):
      let s = st.status
      guard st.metadata.generation <= (s.observedGeneration ?? 0) else {
        return "Waiting for statefulset spec update to be observed..."
      }
      let want = st.spec.replicas ?? 1
      if s.readyReplicas < want {
        return "Waiting for \(want - s.readyReplicas) pods to be ready..."
      }
      if s.updateRevision != s.currentRevision {
        return
          "waiting for statefulset rolling update to complete \(s.updatedReplicas) pods at revision \(s.updateRevision ?? "")..."
      }
      return
        "statefulset rolling update complete \(s.currentReplicas) pods at revision \(s.currentRevision ?? "")..."
    default:
      return "\(name(object)): no rollout status"
    }
  }
}
