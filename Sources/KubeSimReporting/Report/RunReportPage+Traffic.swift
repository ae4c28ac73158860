import KubeSimKernel

extension RunReportPage {
  /// "Service traffic" (issue 6): per Service with load, cumulative requests offered, served and
  /// failed over time (the `service_requests_*_total` counters), one chart per Service, at most
  /// eight. Nothing without load.
  static func trafficSection(
    _ page: inout ReportPage, _ m: RunMetrics, end: Int64, markers: [TimelineMarker]
  ) {
    let reg = m.registry
    let offered = reg.keys(of: .counter).filter {
      $0.name == StandardMetric.serviceRequestsOffered.name
    }
    guard !offered.isEmpty else { return }
    page.heading("Service traffic")
    for key in offered.prefix(8) {
      let service = key.labels.first?.value ?? ""
      var chart = TimeSeriesChart(
        title: "Requests to \(service) (cumulative)", yAxisTitle: "requests",
        yFormat: .number(decimals: 0))
      chart.series = [
        ChartSeries(name: "offered", series: reg.series(key), aggregate: .max),
        ChartSeries(
          name: "served", series: reg.series(StandardMetric.serviceRequestsServed.key(service)),
          aggregate: .max),
        ChartSeries(
          name: "failed", series: reg.series(StandardMetric.serviceRequestsFailed.key(service)),
          aggregate: .max),
      ]
      chart.markers = markers
      chart.timeRangeMicros = 0...end
      page.chart(
        chart.svg(),
        caption: "Offered by the load profile; failed: no endpoint, a stale kube-proxy rule, or "
          + "beyond a pod's capacity. Dashed lines: timeline actions.")
    }
  }
}
