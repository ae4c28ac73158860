import Foundation
import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimYAML

/// `kubesim describe KIND NAME --at T FILE…`: one object as `kubectl describe` shows it
/// (kubectl/pkg/describe/describe.go, v1.32): identity, labels and annotations, the kind's
/// fields and status, conditions, the controller owner, and the object's events up to T.
///
/// KubeSim differs: times are RFC 3339 in the scenario's time base (kubectl prints RFC 1123);
/// the events table has no `From` column (KubeSim does not record the reporting component);
/// events are listed one per occurrence (no `x3 over 2m` aggregation).
enum DescribeCommand {
  static let spec = CommandSpec(
    name: "describe", abstract: "Show one object like kubectl describe, with its events.",
    usage: "describe KIND NAME --at T FILE…",
    options: [
      .option("at", value: "T", help: "Simulated time, e.g. 2m30s (default: the scenario's end)."),
      .option("namespace", short: "n", value: "NS", help: "Namespace (default: default)."),
      .option("seed", value: "N", help: "Seed (overrides spec.seed)."),
    ],
    positionalName: "ARG", minPositionals: 2,
    discussion: """
      KIND is a kubectl resource name (pods, nodes, deployments, replicasets, daemonsets,
      statefulsets, …) or KIND/NAME.
      Example: kubesim describe deployment web --at 2m Scenarios/hello-cluster.yaml
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    var positionals = arguments.positionals
    var kindText = positionals.removeFirst()
    var name: String
    if let slash = kindText.firstIndex(of: "/") {
      name = String(kindText[kindText.index(after: slash)...])
      kindText = String(kindText[..<slash])
    } else {
      name = positionals.removeFirst()
    }
    guard let kind = ScenarioKinds.resolve(kindText) else {
      context.err("kubesim describe: the server doesn't have a resource type \"\(kindText)\"")
      return .badInput
    }
    guard !positionals.isEmpty else {
      context.err(
        UsageError(command: "describe", "missing a FILE (usage: kubesim \(spec.usage))")
          .description)
      return .badInput
    }
    var options = RunOptions()
    do throws(UsageError) {
      options.seed = try RunCommand.seed(arguments, command: "describe")
      options.until = try RunCommand.duration(
        arguments.value("at"), option: "at", command: "describe")
    } catch {
      context.err(error.description)
      return .badInput
    }
    var parsed = arguments
    parsed.positionals = positionals
    guard let runner = RunCommand.prepare(parsed, options: &options, context, quiet: true) else {
      return .badInput
    }
    _ = runner.run()
    let api = runner.world.api
    let namespace = kind.isNamespaced ? (arguments.value("namespace") ?? "default") : nil
    guard let object = api.get(kind, namespace, name) else {
      let resource = kind.group.isEmpty ? kind.plural : kind.plural + "." + kind.group
      context.err("Error from server (NotFound): \(resource) \"\(name)\" not found")
      return .badInput
    }
    let describer = ObjectDescriber(api: api, now: runner.world.now)
    context.stdout.write(describer.describe(object, events: runner.world.recordedEvents))
    return .success
  }
}

/// Renders `kubectl describe` text for one object.
struct ObjectDescriber {
  let api: APIServer
  let now: SimTime
  private var out: [String] = []

  init(api: APIServer, now: SimTime) {
    self.api = api
    self.now = now
  }

  func describe(_ object: APIObject, events: [RecordedEvent]) -> String {
    var d = self
    d.render(object)
    d.renderEvents(object, events)
    return d.out.joined(separator: "\n") + "\n"
  }

  private func time(_ t: SimTime?) -> String {
    guard let t else { return "<unset>" }
    return api.settings.timeBase.format(t)
  }

  private mutating func field(_ label: String, _ value: String, width: Int = 16, indent: Int = 0) {
    let pad = String(repeating: " ", count: max(width - label.count - 1, 1))
    let line = String(repeating: " ", count: indent) + label + ":" + pad + value
    out.append(value.isEmpty ? String(line.prefix(indent + label.count + 1)) : line)
  }

  /// A map printed one `key=value` per line (`<none>` when empty).
  private mutating func map(
    _ label: String, _ m: StringMap, sep: String = "=", width: Int = 16, indent: Int = 0
  ) {
    let items = m.map { "\($0.key)\(sep)\($0.value)" }
    guard let first = items.first else {
      field(label, "<none>", width: width, indent: indent)
      return
    }
    field(label, first, width: width, indent: indent)
    for item in items.dropFirst() {
      out.append(String(repeating: " ", count: indent + width) + item)
    }
  }

  private mutating func header(_ m: ObjectMeta, width: Int = 16, created: Bool = true) {
    field("Name", m.name, width: width)
    if let ns = m.namespace { field("Namespace", ns, width: width) }
    if created { field("CreationTimestamp", time(m.creationTimestamp), width: max(width, 19)) }
    map("Labels", m.labels, width: width)
    map("Annotations", m.annotations, sep: ": ", width: width)
  }

  private mutating func controlledBy(_ m: ObjectMeta, width: Int = 16) {
    if let ref = m.ownerReferences.first(where: { $0.controller == true }) {
      field("Controlled By", "\(ref.kind)/\(ref.name)", width: width)
    }
  }

  private func selector(_ s: LabelSelector) -> String {
    var parts = s.matchLabels.map { "\($0.key)=\($0.value)" }
    for e in s.matchExpressions {
      parts.append(
        "\(e.key) \(e.operator.rawValue.lowercased()) (\(e.values.joined(separator: ",")))")
    }
    return parts.isEmpty ? "<none>" : parts.joined(separator: ",")
  }

  private func intOrString(_ v: IntOrString?, _ fallback: String) -> String {
    switch v {
    case .int(let i)?: return String(i)
    case .string(let s)?: return s
    case nil: return fallback
    }
  }

  /// The pods a controller owns (controller reference to `uid`).
  private func ownedPods(_ uid: String, _ namespace: String?) -> [Pod] {
    api.list(.pod, namespace: namespace ?? "default").compactMap(\.asPod)
      .filter { $0.metadata.ownerReferences.contains { $0.uid == uid && $0.controller == true } }
  }

  /// describe.go `getPodStatusForController`: "N Running / N Waiting / N Succeeded / N Failed".
  private func podsStatus(_ pods: [Pod]) -> String {
    var running = 0
    var waiting = 0
    var succeeded = 0
    var failed = 0
    for p in pods where p.metadata.deletionTimestamp == nil {
      switch p.status.phase {
      case .running?: running += 1
      case .succeeded?: succeeded += 1
      case .failed?: failed += 1
      default: waiting += 1
      }
    }
    return "\(running) Running / \(waiting) Waiting / \(succeeded) Succeeded / \(failed) Failed"
  }

  private mutating func podTemplate(_ t: PodTemplateSpec) {
    out.append("Pod Template:")
    map("Labels", t.metadata.labels, width: 9, indent: 2)
    if !t.metadata.annotations.isEmpty {
      map("Annotations", t.metadata.annotations, sep: ": ", width: 14, indent: 2)
    }
    containers(t.spec, status: nil, indent: 2)
  }

  private mutating func containers(_ spec: PodSpec, status: PodStatus?, indent: Int) {
    let pad = String(repeating: " ", count: indent)
    out.append(pad + "Containers:")
    for c in spec.containers {
      out.append(pad + "  \(c.name):")
      field("Image", c.image ?? "", width: 16, indent: indent + 4)
      if let st = status?.containerStatuses.first(where: { $0.name == c.name }) {
        if st.state.running != nil {
          field("State", "Running", width: 16, indent: indent + 4)
        } else if let w = st.state.waiting {
          field("State", "Waiting", width: 16, indent: indent + 4)
          field("Reason", w.reason ?? "", width: 16, indent: indent + 6)
        } else if let t = st.state.terminated {
          field("State", "Terminated", width: 16, indent: indent + 4)
          field("Reason", t.reason ?? "", width: 16, indent: indent + 6)
          field("Exit Code", String(t.exitCode), width: 16, indent: indent + 6)
        } else {
          field("State", "Waiting", width: 16, indent: indent + 4)
        }
        field("Ready", st.ready ? "True" : "False", width: 16, indent: indent + 4)
        field("Restart Count", String(st.restartCount), width: 16, indent: indent + 4)
      }
      if !c.resources.limits.isEmpty {
        out.append(pad + "    Limits:")
        for e in c.resources.limits.entries {
          field(e.name, e.quantity.description, width: 9, indent: indent + 6)
        }
      }
      if !c.resources.requests.isEmpty {
        out.append(pad + "    Requests:")
        for e in c.resources.requests.entries {
          field(e.name, e.quantity.description, width: 9, indent: indent + 6)
        }
      }
    }
    let claims = spec.volumes.compactMap { v in
      v.persistentVolumeClaim.map { "\(v.name): PersistentVolumeClaim \($0.claimName)" }
    }
    if !claims.isEmpty {
      out.append(pad + "Volumes:")
      for c in claims { out.append(pad + "  " + c) }
    }
  }

  /// A conditions table (`Type Status Reason`).
  private mutating func conditions(_ rows: [(String, String, String?)], reasons: Bool) {
    guard !rows.isEmpty else { return }
    out.append("Conditions:")
    let w = max(rows.map(\.0.count).max() ?? 0, 4) + 2
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(n - s.count, 1)) }
    out.append("  " + pad("Type", w) + (reasons ? pad("Status", 8) + "Reason" : "Status"))
    out.append("  " + pad("----", w) + (reasons ? pad("------", 8) + "------" : "------"))
    for (t, s, r) in rows {
      out.append("  " + pad(t, w) + (reasons ? pad(s, 8) + (r ?? "") : s))
    }
  }

  // MARK: Kinds

  private mutating func render(_ object: APIObject) {
    switch object {
    case .pod(let p): pod(p)
    case .node(let n): node(n)
    case .deployment(let d): deployment(d)
    case .replicaSet(let rs): replicaSet(rs)
    case .daemonSet(let ds): daemonSet(ds)
    case .statefulSet(let s): statefulSet(s)
    case .horizontalPodAutoscaler(let h): horizontalPodAutoscaler(h)
    default:
      header(object.metadata)
      controlledBy(object.metadata)
    }
  }

  private mutating func pod(_ p: Pod) {
    field("Name", p.metadata.name)
    field("Namespace", p.metadata.namespace ?? "default")
    field("Priority", String(p.spec.priority ?? 0))
    field("Node", p.spec.nodeName.map { "\($0)/\(p.status.hostIP ?? "")" } ?? "<none>")
    field("Start Time", p.status.startTime.map { time($0) } ?? "<unset>")
    map("Labels", p.metadata.labels)
    map("Annotations", p.metadata.annotations, sep: ": ")
    if let t = p.metadata.deletionTimestamp {
      field("Status", "Terminating (lasts \(HumanDuration.format(microseconds: (now - t).microseconds)))")
    } else {
      field("Status", p.status.phase?.rawValue ?? "Pending")
    }
    if let r = p.status.reason { field("Reason", r) }
    if let m = p.status.message { field("Message", m) }
    field("IP", p.status.podIP ?? "")
    controlledBy(p.metadata)
    containers(p.spec, status: p.status, indent: 0)
    conditions(p.status.conditions.map { ($0.type, $0.status.rawValue, nil) }, reasons: false)
    field("QoS Class", p.status.qosClass?.rawValue ?? Self.qosClass(p.spec))
    map("Node-Selectors", p.spec.nodeSelector)
    let tolerations = p.spec.tolerations.map { t -> String in
      var s = t.key ?? ""
      if t.operator == .equal || (t.operator == nil && t.value != nil) { s += "=\(t.value ?? "")" }
      if let e = t.effect { s += ":\(e.rawValue)" }
      if t.operator == .exists && (t.key ?? "").isEmpty { s = "op=Exists" + s }
      else if t.operator == .exists { s += " op=Exists" }
      if let secs = t.tolerationSeconds { s += " for \(secs)s" }
      return s
    }
    field("Tolerations", tolerations.first ?? "<none>")
    for t in tolerations.dropFirst() { out.append(String(repeating: " ", count: 16) + t) }
  }

  private mutating func node(_ n: Node) {
    field("Name", n.metadata.name, width: 20)
    let roles = n.metadata.labels.compactMap { e -> String? in
      let prefix = "node-role.kubernetes.io/"
      return e.key.hasPrefix(prefix) ? String(e.key.dropFirst(prefix.count)) : nil
    }
    field("Roles", roles.isEmpty ? "<none>" : roles.joined(separator: ","), width: 20)
    map("Labels", n.metadata.labels, width: 20)
    map("Annotations", n.metadata.annotations, sep: ": ", width: 20)
    field("CreationTimestamp", time(n.metadata.creationTimestamp), width: 20)
    let taints = n.spec.taints.map { "\($0.key)\($0.value.map { "=\($0)" } ?? ""):\($0.effect.rawValue)" }
    field("Taints", taints.first ?? "<none>", width: 20)
    for t in taints.dropFirst() { out.append(String(repeating: " ", count: 20) + t) }
    field("Unschedulable", (n.spec.unschedulable ?? false) ? "true" : "false", width: 20)
    conditions(n.status.conditions.map { ($0.type, $0.status.rawValue, $0.reason) }, reasons: true)
    out.append("Capacity:")
    for e in n.status.capacity.entries { field(e.name, e.quantity.description, width: 18, indent: 2) }
    out.append("Allocatable:")
    for e in n.status.allocatable.entries { field(e.name, e.quantity.description, width: 18, indent: 2) }
    let pods = api.list(.pod).compactMap(\.asPod).filter {
      $0.spec.nodeName == n.metadata.name && !$0.isTerminal
    }
    out.append("Non-terminated Pods:          (\(pods.count) in total)")
    out.append("  Namespace    Name")
    out.append("  ---------    ----")
    for p in pods.sorted(by: { ($0.metadata.namespace ?? "", $0.metadata.name) < ($1.metadata.namespace ?? "", $1.metadata.name) }) {
      let ns = p.metadata.namespace ?? "default"
      out.append("  " + ns + String(repeating: " ", count: max(13 - ns.count, 1)) + p.metadata.name)
    }
  }

  private mutating func deployment(_ d: Deployment) {
    let w = 24
    header(d.metadata, width: w)
    field("Selector", selector(d.spec.selector), width: w)
    let s = d.status
    field(
      "Replicas",
      "\(d.spec.replicas ?? 1) desired | \(s.updatedReplicas) updated | \(s.replicas) total | \(s.availableReplicas) available | \(s.unavailableReplicas) unavailable",
      width: w)
    let rolling = (d.spec.strategy?.type ?? .rollingUpdate) == .rollingUpdate
    field("StrategyType", rolling ? "RollingUpdate" : "Recreate", width: w)
    field("MinReadySeconds", String(d.spec.minReadySeconds ?? 0), width: w)
    if rolling {
      let ru = d.spec.strategy?.rollingUpdate
      field(
        "RollingUpdateStrategy",
        "\(intOrString(ru?.maxUnavailable, "25%")) max unavailable, \(intOrString(ru?.maxSurge, "25%")) max surge",
        width: w)
    }
    podTemplate(d.spec.template)
    conditions(s.conditions.map { ($0.type, $0.status.rawValue, $0.reason) }, reasons: true)
    let owned = api.list(.replicaSet, namespace: d.metadata.namespace ?? "default")
      .compactMap(\.asReplicaSet)
      .filter { $0.metadata.ownerReferences.contains { $0.uid == d.metadata.uid && $0.controller == true } }
    let hashTemplate = { (rs: ReplicaSet) -> PodTemplateSpec in
      var t = rs.spec.template
      t.metadata.labels["pod-template-hash"] = nil
      return t
    }
    let new = owned.first { hashTemplate($0) == d.spec.template }
    let old = owned.filter { $0.metadata.uid != new?.metadata.uid && ($0.spec.replicas ?? 0) > 0 }
    let describeRS = { (rs: ReplicaSet) in
      "\(rs.metadata.name) (\(rs.status.replicas)/\(rs.spec.replicas ?? 0) replicas created)"
    }
    field(
      "OldReplicaSets", old.isEmpty ? "<none>" : old.map(describeRS).joined(separator: ", "),
      width: w - 8)
    field("NewReplicaSet", new.map(describeRS) ?? "<none>", width: w - 8)
  }

  private mutating func replicaSet(_ rs: ReplicaSet) {
    header(rs.metadata, created: false)
    field("Selector", selector(rs.spec.selector))
    controlledBy(rs.metadata)
    field("Replicas", "\(rs.status.replicas) current / \(rs.spec.replicas ?? 1) desired")
    field("Pods Status", podsStatus(ownedPods(rs.metadata.uid, rs.metadata.namespace)))
    podTemplate(rs.spec.template)
    conditions(rs.status.conditions.map { ($0.type, $0.status.rawValue, $0.reason) }, reasons: true)
  }

  private mutating func daemonSet(_ ds: DaemonSet) {
    let w = 48
    header(ds.metadata, width: 16, created: false)
    field("Selector", selector(ds.spec.selector))
    map("Node-Selector", ds.spec.template.spec.nodeSelector)
    let s = ds.status
    field("Desired Number of Nodes Scheduled", String(s.desiredNumberScheduled), width: w)
    field("Current Number of Nodes Scheduled", String(s.currentNumberScheduled), width: w)
    field("Number of Nodes Scheduled with Up-to-date Pods", String(s.updatedNumberScheduled), width: w)
    field("Number of Nodes Scheduled with Available Pods", String(s.numberAvailable), width: w)
    field("Number of Nodes Misscheduled", String(s.numberMisscheduled), width: w)
    field("Pods Status", podsStatus(ownedPods(ds.metadata.uid, ds.metadata.namespace)), width: w)
    podTemplate(ds.spec.template)
  }

  /// describe.go `describeHorizontalPodAutoscalerV2`: the metrics as "current / target", the
  /// replica bounds, the behavior when set, the target's pods and the conditions with messages.
  /// kubectl aligns the fields with one tabwriter block (2 spaces after the widest label).
  private mutating func horizontalPodAutoscaler(_ h: HorizontalPodAutoscaler) {
    var metricLines: [(String, String)] = []
    let current = h.status.currentMetrics?.toJSON()
    for (i, m) in h.spec.metrics.enumerated() where m.type == "Resource" {
      guard let r = m.resource else { continue }
      var status: JSONValue? = nil
      if case .array(let items)? = current, i < items.count { status = items[i]["resource"]?["current"] }
      let value = status?["averageValue"].flatMap { v -> String? in
        if case .string(let s) = v { return s } else { return nil }
      }
      if let avg = r.target.averageValue {
        metricLines.append(("  resource \(r.name) on pods:", "\(value ?? "<unknown>") / \(avg.description)"))
      } else {
        var cur = "<unknown>"
        if case .int(let u)? = status?["averageUtilization"] { cur = "\(u)% (\(value ?? ""))" }
        let target = r.target.averageUtilization.map { "\($0)%" } ?? "<auto>"
        metricLines.append(
          ("  resource \(r.name) on pods  (as a percentage of request):", "\(cur) / \(target)"))
      }
    }
    let kindPods = "\(h.spec.scaleTargetRef.kind) pods:"
    let w = max(([kindPods, "CreationTimestamp:", "Min replicas:"] + metricLines.map(\.0)).map(\.count).max() ?? 0, 0) + 2
    header(h.metadata, width: w)
    field("Reference", "\(h.spec.scaleTargetRef.kind)/\(h.spec.scaleTargetRef.name)", width: w)
    field("Metrics", "( current / target )", width: w)
    for (label, value) in metricLines {
      out.append(label + String(repeating: " ", count: w - label.count) + value)
    }
    field("Min replicas", h.spec.minReplicas.map(String.init) ?? "<unset>", width: w)
    field("Max replicas", String(h.spec.maxReplicas), width: w)
    if let b = h.spec.behavior {
      out.append("Behavior:")
      for (name, rules) in [("Scale Up", b.scaleUp), ("Scale Down", b.scaleDown)] {
        guard let rules else { continue }
        out.append("  \(name):")
        if let s = rules.stabilizationWindowSeconds {
          out.append("    Stabilization Window: \(s) seconds")
        }
        if let p = rules.selectPolicy { out.append("    Select Policy: \(p)") }
        if !rules.policies.isEmpty {
          out.append("    Policies:")
          for p in rules.policies {
            out.append("      - Type: \(p.type)  Value: \(p.value)  Period: \(p.periodSeconds) seconds")
          }
        }
      }
    }
    out.append(
      kindPods + String(repeating: " ", count: w - kindPods.count)
        + "\(h.status.currentReplicas) current / \(h.status.desiredReplicas) desired")
    guard !h.status.conditions.isEmpty else { return }
    out.append("Conditions:")
    let rows = [["Type", "Status", "Reason", "Message"], ["----", "------", "------", "-------"]]
      + h.status.conditions.map { [$0.type, $0.status.rawValue, $0.reason ?? "", $0.message ?? ""] }
    var widths = [0, 0, 0]
    for r in rows { for i in 0..<3 { widths[i] = max(widths[i], r[i].count) } }
    for r in rows {
      var line = "  "
      for i in 0..<3 { line += r[i] + String(repeating: " ", count: widths[i] - r[i].count + 2) }
      out.append(line + r[3])
    }
  }

  private mutating func statefulSet(_ st: StatefulSet) {
    let w = 20
    header(st.metadata, width: w)
    field("Selector", selector(st.spec.selector), width: w)
    field("Replicas", "\(st.spec.replicas ?? 1) desired | \(st.status.replicas) total", width: w)
    let strategy = st.spec.updateStrategy?.type ?? "RollingUpdate"
    field("Update Strategy", strategy, width: w)
    if strategy == "RollingUpdate" {
      field(
        "Partition", String(st.spec.updateStrategy?.rollingUpdate?.partition ?? 0), width: w - 2,
        indent: 2)
    }
    field("Pods Status", podsStatus(ownedPods(st.metadata.uid, st.metadata.namespace)), width: w)
    podTemplate(st.spec.template)
    out.append("Volume Claims:")
    if st.spec.volumeClaimTemplates.isEmpty { out.append("  <none>") }
    for c in st.spec.volumeClaimTemplates {
      field("Name", c.metadata.name, width: 16, indent: 2)
      field("StorageClass", c.spec.storageClassName ?? "", width: 16, indent: 2)
      field("Capacity", c.spec.resources.requests["storage"]?.description ?? "", width: 16, indent: 2)
      field("Access Modes", c.spec.accessModes.joined(separator: ","), width: 16, indent: 2)
    }
  }

  /// `qos.GetPodQOS` (pkg/apis/core/helper/qos): Guaranteed when every container's cpu and
  /// memory limits are set and equal to the requests, BestEffort when none are set.
  static func qosClass(_ spec: PodSpec) -> String {
    let all = spec.containers + spec.initContainers
    let any = all.contains { !$0.resources.requests.isEmpty || !$0.resources.limits.isEmpty }
    if !any { return "BestEffort" }
    let guaranteed = all.allSatisfy { c in
      ["cpu", "memory"].allSatisfy { r in
        guard let l = c.resources.limits[r] else { return false }
        return (c.resources.requests[r] ?? l) == l
      }
    }
    return guaranteed ? "Guaranteed" : "Burstable"
  }

  // MARK: Events

  /// describe.go `DescribeEvents`: Type, Reason, Age, Message of the object's events up to now.
  private mutating func renderEvents(_ object: APIObject, _ events: [RecordedEvent]) {
    let kind = object.kind.name
    let ns = object.kind.isNamespaced ? (object.metadata.namespace ?? "default") : nil
    let mine = events.filter {
      $0.object.kind == kind && $0.object.name == object.metadata.name
        && (ns == nil || ($0.object.namespace ?? "default") == ns) && $0.time <= now
    }
    guard !mine.isEmpty else {
      out.append("Events:  <none>")
      return
    }
    out.append("Events:")
    let rows = mine.map {
      [
        $0.type == .warning ? "Warning" : "Normal", $0.reason,
        HumanDuration.format(microseconds: (now - $0.time).microseconds), $0.message,
      ]
    }
    let header = ["Type", "Reason", "Age", "Message"]
    var widths = header.map(\.count)
    for r in rows { for i in 0..<3 { widths[i] = max(widths[i], r[i].count) } }
    func line(_ cells: [String]) -> String {
      var s = "  "
      for i in 0..<3 { s += cells[i] + String(repeating: " ", count: widths[i] - cells[i].count + 2) }
      return s + cells[3]
    }
    out.append(line(header))
    out.append(line(header.map { String(repeating: "-", count: $0.count) }))
    for r in rows { out.append(line(r)) }
  }
}
