import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// One entry of an HPA's `status.currentMetrics` (autoscaling/v2 `MetricStatus` of type
/// Resource): the resource, its utilization (percent of request, for Utilization targets) and
/// its average value (`current.averageValue`, a milli-quantity as horizontal.go writes it).
struct HPAMetricStatus: Equatable {
  var resource: String
  var averageUtilization: Int32?
  var averageValueMilli: Int64

  /// The list as the model's `currentMetrics` node (nil when empty).
  static func node(_ list: [HPAMetricStatus]) -> YAMLNode? {
    if list.isEmpty { return nil }
    let at = SourceLocation(file: "horizontal-pod-autoscaler", line: 0, column: 0)
    func scalar(_ text: String, _ value: YAMLValue) -> YAMLNode {
      YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: value)), at: at)
    }
    func string(_ s: String) -> YAMLNode { scalar(s, .string(s)) }
    func map(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
      YAMLNode(.mapping(pairs.map { YAMLPair(key: string($0.0), value: $0.1) }), at: at)
    }
    return YAMLNode(
      .sequence(
        list.map { m in
          var current: [(String, YAMLNode)] = [
            ("averageValue", string(Quantity(milli: m.averageValueMilli).description))
          ]
          if let u = m.averageUtilization {
            current.append(("averageUtilization", scalar(String(u), .int(Int64(u)))))
          }
          return map([
            ("type", string("Resource")),
            ("resource", map([("name", string(m.resource)), ("current", map(current))])),
          ])
        }), at: at)
  }
}
