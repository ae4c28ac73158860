import KubeSimModel

/// The VolumeZone plugin: a pod's bound volumes must be in the node's zone and region.
///
/// Upstream pkg/scheduler/framework/plugins/volumezone/volume_zone.go (v1.36): for each bound
/// PVC, the PV's `topology.kubernetes.io/zone` / `region` labels (and the deprecated
/// `failure-domain.beta.kubernetes.io/*` ones) must contain the node's value for that key; a
/// label value may list several zones joined by "__" (`LabelMultiZoneDelimiter`). A node
/// without the label fails. Failure: UnschedulableAndUnresolvable,
/// `ErrReasonConflict = "node(s) had no available volume zone"`. PreFilter returns Skip for a
/// pod without PVC volumes.
public struct VolumeZone: PreFilterPlugin, FilterPlugin, Sendable {
  public static let pluginName = "VolumeZone"
  public var name: String { VolumeZone.pluginName }
  /// volume_zone.go `ErrReasonConflict`.
  public static let reason = "node(s) had no available volume zone"
  /// volume_zone.go `topologyLabels`.
  public static let topologyKeys = [
    "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
    "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
  ]
  public init() {}

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    pod.claimNames.isEmpty ? .skip : .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let labels = snapshot.nodes[slot].metadata.labels
    for n in pod.claimNames {
      guard let c = snapshot.volumes.claim(pod.namespace, n), let vn = c.spec.volumeName,
        !vn.isEmpty, let pv = snapshot.volumes.volumes[vn]
      else { continue }
      for key in Self.topologyKeys {
        guard let v = pv.metadata.labels[key] else { continue }
        let zones = v.split(separator: "__").map(String.init)
        guard let nodeValue = labels[key], zones.contains(nodeValue) else {
          return Status(.unschedulableAndUnresolvable, [Self.reason], plugin: name)
        }
      }
    }
    return .success
  }
}
