import KubeSimYAML

extension HorizontalPodAutoscaler {
  /// Decodes an `autoscaling/v1` HorizontalPodAutoscaler into the v2 form, as the API server's
  /// conversion does (`pkg/apis/autoscaling/v1/conversion.go`): `targetCPUUtilizationPercentage`
  /// becomes a Resource metric on `cpu` with an Utilization target.
  public static func decodeV1(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> HorizontalPodAutoscaler
  {
    var hpa = HorizontalPodAutoscaler()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "apiVersion", "kind": continue
      case "metadata": hpa.metadata = try d.decode(pair.value, field: key)
      case "status": d.ignored(pair, key: key)
      case "spec":
        d.push("spec")
        for sp in try d.mapping(pair.value) {
          let k = try d.key(sp)
          if d.isNull(sp.value) { continue }
          switch k {
          case "scaleTargetRef": hpa.spec.scaleTargetRef = try d.decode(sp.value, field: k)
          case "minReplicas": hpa.spec.minReplicas = try d.decode(sp.value, field: k)
          case "maxReplicas": hpa.spec.maxReplicas = try d.decode(sp.value, field: k)
          case "targetCPUUtilizationPercentage":
            let p: Int32 = try d.decode(sp.value, field: k)
            let target = MetricTarget(type: "Utilization", averageUtilization: p)
            hpa.spec.metrics = [
              MetricSpec(
                type: "Resource", resource: ResourceMetricSource(name: "cpu", target: target))
            ]
          default:
            throw d.unknownField(
              sp,
              known: [
                "scaleTargetRef", "minReplicas", "maxReplicas",
                "targetCPUUtilizationPercentage",
              ])
          }
        }
        d.pop()
      default:
        throw d.unknownField(pair, known: ["apiVersion", "kind", "metadata", "spec", "status"])
      }
    }
    return hpa
  }
}
