/// A request refused by an admission step, with upstream's message (without the
/// `pods "x" is forbidden: ` prefix, which the API server adds).
public struct AdmissionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message.
  public var message: String
  /// Creates an error.
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Defaulting {
  /// The not-ready toleration's key (`v1.TaintNodeNotReady`).
  public static let notReadyTaintKey = "node.kubernetes.io/not-ready"
  /// The unreachable toleration's key (`v1.TaintNodeUnreachable`).
  public static let unreachableTaintKey = "node.kubernetes.io/unreachable"

  /// The DefaultTolerationSeconds admission plugin
  /// (`plugin/pkg/admission/defaulttolerationseconds/admission.go`): a pod without a toleration
  /// for `node.kubernetes.io/not-ready:NoExecute` (or `unreachable`) gets one with
  /// `operator: Exists` and `tolerationSeconds` (default 300, the
  /// `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds`
  /// flags). A toleration with an empty key or an empty effect counts as tolerating.
  public static func defaultTolerationSeconds(
    _ spec: inout PodSpec, notReadySeconds: Int64 = 300, unreachableSeconds: Int64 = 300
  ) {
    var notReady = false
    var unreachable = false
    for t in spec.tolerations {
      let key = t.key ?? ""
      let effectOK = t.effect == nil || t.effect == .noExecute
      if (key == notReadyTaintKey || key.isEmpty) && effectOK { notReady = true }
      if (key == unreachableTaintKey || key.isEmpty) && effectOK { unreachable = true }
    }
    if !notReady {
      spec.tolerations.append(
        Toleration(
          key: notReadyTaintKey, operator: .exists, effect: .noExecute,
          tolerationSeconds: notReadySeconds))
    }
    if !unreachable {
      spec.tolerations.append(
        Toleration(
          key: unreachableTaintKey, operator: .exists, effect: .noExecute,
          tolerationSeconds: unreachableSeconds))
    }
  }

  /// The built-in PriorityClasses every API server creates
  /// (`pkg/apis/scheduling/types.go` SystemCriticalPriority = 2000000000;
  /// `system-node-critical` = SystemCriticalPriority + 1000).
  public static let systemPriorityClasses: [PriorityClass] = [
    PriorityClass(
      metadata: ObjectMeta(name: "system-cluster-critical"), value: 2_000_000_000,
      description: "Used for system critical pods that must run in the cluster, but can be "
        + "moved to another node if necessary.", preemptionPolicy: .preemptLowerPriority),
    PriorityClass(
      metadata: ObjectMeta(name: "system-node-critical"), value: 2_000_001_000,
      description: "Used for system critical pods that must not be moved from their current node.",
      preemptionPolicy: .preemptLowerPriority),
  ]

  /// The Priority admission plugin (`plugin/pkg/admission/priority/admission.go`, admitPod):
  /// a pod without `priorityClassName` gets the globalDefault class (the lowest-valued one if
  /// several) or priority 0 and PreemptLowerPriority; a named class must exist (user classes in
  /// `classes`, plus the two system classes). A priority or preemption policy set in the pod
  /// must equal the computed one.
  ///
  /// - Throws: `AdmissionError` with upstream's message.
  public static func resolvePriority(_ spec: inout PodSpec, classes: [PriorityClass])
    throws(AdmissionError)
  {
    let all =
      classes
      + systemPriorityClasses.filter { s in
        !classes.contains { $0.metadata.name == s.metadata.name }
      }
    var priority: Int32 = 0
    var policy: PreemptionPolicy = .preemptLowerPriority
    if let name = spec.priorityClassName, !name.isEmpty {
      guard let pc = all.first(where: { $0.metadata.name == name }) else {
        throw AdmissionError("no PriorityClass with name \(name) was found")
      }
      priority = pc.value
      policy = pc.preemptionPolicy ?? .preemptLowerPriority
    } else {
      var best: PriorityClass?
      for pc in all where pc.globalDefault == true {
        if let b = best, b.value <= pc.value { continue }
        best = pc
      }
      if let best {
        spec.priorityClassName = best.metadata.name
        priority = best.value
        policy = best.preemptionPolicy ?? .preemptLowerPriority
      }
    }
    if let p = spec.priority, p != priority {
      throw AdmissionError(
        "the integer value of priority (\(p)) must not be provided in pod spec; priority "
          + "admission controller computed \(priority) from the given PriorityClass name")
    }
    if let p = spec.preemptionPolicy, p != policy {
      throw AdmissionError(
        "the string value of PreemptionPolicy (\(p.rawValue)) must not be provided in pod spec; "
          + "priority admission controller computed \(policy.rawValue) from the given "
          + "PriorityClass name")
    }
    spec.priority = priority
    spec.preemptionPolicy = policy
  }
}
