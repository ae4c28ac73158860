extension StandardMetric {
  // MARK: Service traffic (issue 6)

  /// Requests offered to a Service by its load profile, cumulative.
  public static let serviceRequestsOffered = StandardMetric(
    name: "service_requests_offered_total", kind: .counter, labels: ["service"],
    help: "Requests offered to the Service by its load (timeline load:), since the run began.")

  /// Requests a pod of the Service served, cumulative.
  public static let serviceRequestsServed = StandardMetric(
    name: "service_requests_served_total", kind: .counter, labels: ["service"],
    help: "Requests served by the Service's pods, since the run began.")

  /// Requests that failed (no endpoint, stale kube-proxy rule, over capacity), cumulative.
  public static let serviceRequestsFailed = StandardMetric(
    name: "service_requests_failed_total", kind: .counter, labels: ["service"],
    help:
      "Requests that failed: no endpoint, routed to a pod that no longer serves, or over a pod's capacity."
  )
}
