/// The catalogue of standard KubeSim metrics: name, kind, unit, labels and meaning, so every
/// component records them under the same names and reports find them.
///
/// Names follow Prometheus conventions (snake_case, unit last, `_total` for counters) and the
/// upstream metric they mirror where there is one, with integer units: microseconds (`_us`),
/// millicores (`_millis`), bytes (`_bytes`). Kubernetes exports seconds as floats; KubeSim keeps
/// integers so sums and percentiles are exact and platform-independent.
public struct StandardMetric: Equatable, Sendable {
  /// The metric name.
  public let name: String
  /// Counter, gauge or histogram.
  public let kind: MetricKind
  /// Label names, in key order.
  public let labels: [String]
  /// What is measured, from when to when.
  public let help: String

  /// The key of this metric with label values given in `labels` order.
  /// - Precondition: as many values as labels (a programmer error otherwise).
  public func key(_ values: String...) -> MetricKey {
    precondition(values.count == labels.count, "\(name) takes labels \(labels)")
    return MetricKey(name, labels: zip(labels, values).map { MetricLabel($0, $1) })
  }

  // MARK: Scheduling

  /// Scheduling attempts by result (`scheduled`, `unschedulable`, `error`) and profile.
  /// Mirrors `scheduler_schedule_attempts_total` (kubernetes pkg/scheduler/metrics/metrics.go).
  public static let scheduleAttempts = StandardMetric(
    name: "schedule_attempts_total", kind: .counter, labels: ["profile", "result"],
    help: "Scheduling attempts by result: scheduled, unschedulable or error.")

  /// One scheduling cycle (filter, score, reserve, permit), by result (`scheduled`,
  /// `unschedulable`) and profile: from the pop off the queue to the decision, the simulated
  /// cycle cost included. Upstream's `scheduler_scheduling_attempt_duration_seconds`
  /// (pkg/scheduler/metrics/metrics.go) also covers binding, which KubeSim does synchronously at
  /// the decision (see `schedulingBindingDuration`).
  public static let schedulingAttemptDuration = StandardMetric(
    name: "scheduling_attempt_duration_us", kind: .histogram, labels: ["profile", "result"],
    help: "Duration of one scheduling cycle, from pop off the queue to the binding decision.")

  /// Time a pod waited in the scheduling queue before the attempt that placed it: from first
  /// entering the queue (creation, seen by the scheduler) to the pop of the binding attempt.
  public static let queueWait = StandardMetric(
    name: "scheduling_queue_wait_us", kind: .histogram, labels: [],
    help: "Time from the pod entering the scheduling queue to the start of its last attempt.")

  /// Queue wait of every attempt: from entering the queue for it (added, or put back after the
  /// previous attempt failed) to its pop.
  public static let attemptQueueWait = StandardMetric(
    name: "scheduling_attempt_queue_wait_us", kind: .histogram, labels: [],
    help: "Time from the pod (re-)entering the scheduling queue to the pop of each attempt.")

  /// From an attempt's decision to the binding stored by the API server (binding attempts only).
  public static let schedulingBindingDuration = StandardMetric(
    name: "scheduling_binding_duration_us", kind: .histogram, labels: [],
    help: "Time from the scheduling decision to the stored binding (0 in KubeSim: synchronous).")

  /// End-to-end scheduling latency, retries included. Mirrors
  /// `scheduler_pod_scheduling_sli_duration_seconds` ("E2e latency for a pod being scheduled,
  /// from the time the pod enters the scheduling queue and might involve multiple scheduling
  /// attempts", pkg/scheduler/metrics/metrics.go).
  public static let podSchedulingDuration = StandardMetric(
    name: "pod_scheduling_sli_duration_us", kind: .histogram, labels: [],
    help: "From the pod entering the scheduling queue to it being bound, retries included.")

  /// Pods waiting to be scheduled, by queue (`active`, `backoff`, `unschedulable`). Mirrors
  /// `scheduler_pending_pods` (pkg/scheduler/metrics/metrics.go).
  public static let pendingPods = StandardMetric(
    name: "pending_pods", kind: .gauge, labels: ["queue"],
    help: "Pods waiting in the scheduling queue, by sub-queue.")

  /// Preemption attempts. Mirrors `scheduler_preemption_attempts_total`.
  public static let preemptionAttempts = StandardMetric(
    name: "preemption_attempts_total", kind: .counter, labels: [],
    help: "Preemption attempts by the scheduler.")

  /// Pods deleted as preemption victims.
  public static let preemptionVictims = StandardMetric(
    name: "preemption_victims_total", kind: .counter, labels: [],
    help: "Pods evicted to make room for a higher-priority pod.")

  // MARK: Pod startup

  /// The upstream pod startup SLI: "Startup latency of stateless and schedulable pods,
  /// excluding time to pull images and run init containers, measured from pod creation
  /// timestamp to when all its containers are reported as started and observed via watch"
  /// (kubernetes/community sig-scalability/slos/pod_startup_latency.md; the kubelet exports it
  /// as `kubelet_pod_start_sli_duration_seconds` since v1.26, PR #111930).
  public static let podStartupLatency = StandardMetric(
    name: "pod_startup_latency_us", kind: .histogram, labels: [],
    help: "Pod creation to all containers started, excluding image pulls and init containers.")

  /// The same span including image pulls and init containers (what a user waits).
  public static let podStartupTotalLatency = StandardMetric(
    name: "pod_startup_total_latency_us", kind: .histogram, labels: [],
    help: "Pod creation to all containers started, image pulls and init containers included.")

  // MARK: Resources

  /// CPU requested by the pods bound to a node (millicores).
  public static let nodeCPURequested = StandardMetric(
    name: "node_cpu_requested_millis", kind: .gauge, labels: ["node"],
    help: "Sum of CPU requests of the pods bound to the node, in millicores.")

  /// CPU used on a node (millicores), from the simulated usage model.
  public static let nodeCPUUsed = StandardMetric(
    name: "node_cpu_used_millis", kind: .gauge, labels: ["node"],
    help: "CPU used by the pods on the node, in millicores.")

  /// Memory requested by the pods bound to a node (bytes).
  public static let nodeMemoryRequested = StandardMetric(
    name: "node_memory_requested_bytes", kind: .gauge, labels: ["node"],
    help: "Sum of memory requests of the pods bound to the node, in bytes.")

  /// Memory used on a node (bytes).
  public static let nodeMemoryUsed = StandardMetric(
    name: "node_memory_used_bytes", kind: .gauge, labels: ["node"],
    help: "Memory used by the pods on the node, in bytes.")

  /// Pods bound to a node.
  public static let nodePods = StandardMetric(
    name: "node_pods", kind: .gauge, labels: ["node"],
    help: "Pods bound to the node (not terminated).")

  /// Free CPU that no pending pod can use: the sum over nodes of free CPU on nodes where no
  /// pending pod fits (a KubeSim metric; Kubernetes has no equivalent).
  public static let fragmentedCPU = StandardMetric(
    name: "fragmented_cpu_millis", kind: .gauge, labels: [],
    help: "Free CPU on nodes where no pending pod fits, in millicores.")

  // MARK: Disruption and availability

  /// Pods evicted, by reason (`taint`, `pressure`, `drain`, …).
  public static let evictions = StandardMetric(
    name: "evictions_total", kind: .counter, labels: ["reason"],
    help: "Pods evicted, by reason.")

  /// Container restarts.
  public static let containerRestarts = StandardMetric(
    name: "container_restarts_total", kind: .counter, labels: [],
    help: "Container restarts by kubelets.")

  /// Ready endpoints of a Service.
  public static let serviceReadyEndpoints = StandardMetric(
    name: "service_ready_endpoints", kind: .gauge, labels: ["service"],
    help: "Ready endpoints behind the Service (0 means unavailable).")

  /// Node cost accumulated since the start, in micro-units of the scenario's currency: a
  /// monotone gauge sampled from `NodeCostLedger` (Node annotation `sim.kubesim.io/cost-per-hour`).
  public static let cost = StandardMetric(
    name: "cost_micros_total", kind: .gauge, labels: [],
    help: "Accumulated node cost in millionths of the currency unit.")

  /// Every standard metric, sorted by name.
  public static let all: [StandardMetric] = [
    scheduleAttempts, schedulingAttemptDuration, queueWait, attemptQueueWait,
    schedulingBindingDuration, podSchedulingDuration, pendingPods,
    preemptionAttempts, preemptionVictims, podStartupLatency, podStartupTotalLatency,
    nodeCPURequested, nodeCPUUsed, nodeMemoryRequested, nodeMemoryUsed, nodePods, fragmentedCPU,
    evictions, containerRestarts, serviceReadyEndpoints, cost,
    serviceRequestsOffered, serviceRequestsServed, serviceRequestsFailed,
  ].sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
}
