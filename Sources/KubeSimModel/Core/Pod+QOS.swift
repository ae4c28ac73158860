/// The pod's quality-of-service class, as the API server computes it into `status.qosClass`.
///
/// Source: `pkg/apis/core/helper/qos/qos.go` `ComputePodQOS` (v1.33): only cpu and memory count;
/// zero quantities are ignored; requests and limits are summed over init and regular containers.
/// - BestEffort: no container requests or limits any cpu or memory;
/// - Guaranteed: every container limits both cpu and memory, and the summed requests equal the
///   summed limits for every resource requested;
/// - Burstable: otherwise.
/// Pod-level resources (`spec.resources`, the PodLevelResources gate) are not considered yet.
extension Pod {
  public var computedQOSClass: PodQOSClass {
    let supported = [ResourceList.cpu, ResourceList.memory]
    // Summed in milli-units (cpu) and bytes (memory); exact integers, fixed order.
    var requests: [String: Int64] = [:]
    var limits: [String: Int64] = [:]
    var guaranteed = true
    for c in spec.initContainers + spec.containers {
      for name in supported {
        if let q = c.resources.requests[name], !q.isZero {
          requests[name, default: 0] &+= Pod.amount(q, name)
        }
      }
      var limitsFound = 0
      for name in supported {
        if let q = c.resources.limits[name], !q.isZero {
          limits[name, default: 0] &+= Pod.amount(q, name)
          limitsFound += 1
        }
      }
      if limitsFound < supported.count { guaranteed = false }
    }
    if requests.isEmpty && limits.isEmpty { return .bestEffort }
    if guaranteed {
      for name in supported where requests[name] != nil && requests[name] != limits[name] {
        guaranteed = false
      }
    }
    return guaranteed && requests.count == limits.count ? .guaranteed : .burstable
  }

  private static func amount(_ q: Quantity, _ name: String) -> Int64 {
    name == ResourceList.cpu ? q.milliValue : q.value
  }
}
