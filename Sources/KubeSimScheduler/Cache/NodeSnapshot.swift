import KubeSimModel

/// What plugins read about nodes during a cycle: the struct-of-arrays hot table plus the node
/// objects (for taints, labels and the other fields the cold plugins need), by slot.
///
/// Upstream takes a snapshot of the cache per cycle (`Cache.UpdateSnapshot`); KubeSim runs one
/// cycle at a time on one thread, so the live cache is its own snapshot.
public struct NodeSnapshot: Sendable {
  /// Hot per-node figures.
  public var table = NodeTable()
  /// The node objects by slot (a removed node keeps its last object).
  public var nodes: [Node] = []
  /// `spec.taints` by slot, so the taint plugins do not copy node objects in their loops.
  public private(set) var taints: [[Taint]] = []
  /// Number of slots (live or not) with any taint: 0 lets a cycle skip the taint checks.
  public private(set) var taintedSlots = 0
  /// Number of slots (live or not) listing any image: 0 lets ImageLocality score a constant.
  public private(set) var slotsWithImages = 0
  /// Host ports in use by the pods on each slot (NodePorts; upstream `NodeInfo.UsedPorts`).
  public private(set) var usedPortsBySlot: [[HostPort]] = []
  /// `status.images` by slot: normalized name → size in bytes (ImageLocality).
  private var imagesBySlot: [[String: Int64]] = []
  /// Number of live nodes listing each image name (upstream `ImageStateSummary.NumNodes`).
  private var imageNodes: [String: Int] = [:]
  /// Sizes of declared images (`kind: Image`, the sum of their layers) by reference and alias:
  /// a `status.images` entry without `sizeBytes` (NodePool pre-pulled images) takes its size
  /// from here, else `defaultImageSizeBytes` (as the kubelet sizes undeclared images).
  public var declaredImageSizes: [String: Int64] = [:]
  /// `settings.defaultImageSizeBytes`.
  public var defaultImageSizeBytes: Int64 = 0
  /// PVCs, PVs and StorageClasses (VolumeBinding, VolumeZone).
  public var volumes = VolumeCache()
  /// Live node count (ImageLocality's `totalNumNodes`).
  public private(set) var liveNodeCount = 0
  /// The pods bound or assumed on each node (for the inter-pod plugins).
  public var pods = AssignedPods()

  public init() {}

  /// The host ports used on `slot`.
  @inline(__always)
  public func usedPorts(_ slot: Int) -> [HostPort] { usedPortsBySlot[slot] }

  /// Whether the node in `slot` lists any image.
  @inline(__always)
  public func hasImages(_ slot: Int) -> Bool { !imagesBySlot[slot].isEmpty }

  /// The size of image `name` on `slot`, nil when absent.
  public func imageSize(_ name: String, slot: Int) -> Int64? { imagesBySlot[slot][name] }

  /// How many live nodes list image `name`.
  public func imageNodeCount(_ name: String) -> Int { imageNodes[name] ?? 0 }

  /// Accounts a pod on `slot`: its requests in the table and its host ports.
  public mutating func addPod(slot: Int, _ info: PodInfo) {
    table.addPod(slot: slot, requests: info.requests, nonZero: info.nonZeroRequests)
    if !info.hostPorts.isEmpty { usedPortsBySlot[slot] += info.hostPorts }
  }

  /// Reverses `addPod`.
  public mutating func removePod(
    slot: Int, requests: ResourceVector, nonZero: ResourceVector, hostPorts: [HostPort]
  ) {
    table.removePod(slot: slot, requests: requests, nonZero: nonZero)
    for hp in hostPorts {
      if let i = usedPortsBySlot[slot].firstIndex(of: hp) { usedPortsBySlot[slot].remove(at: i) }
    }
  }

  /// Removes a node (tombstones its slot, forgets its images, clears the per-domain caches).
  public mutating func removeNode(name: String) {
    guard let s = table.slot(of: name) else { return }
    setImages(slot: s, [])
    liveNodeCount -= 1
    table.remove(name: name)
    pods.markNodeRemoved(slot: s)
  }

  private mutating func setImages(slot: Int, _ images: [ContainerImage]) {
    for name in imagesBySlot[slot].keys {
      imageNodes[name, default: 1] -= 1
      if imageNodes[name] == 0 { imageNodes[name] = nil }
    }
    var m: [String: Int64] = [:]
    for img in images {
      for name in img.names {
        m[name] = img.sizeBytes ?? declaredImageSizes[name] ?? defaultImageSizeBytes
      }
    }
    for name in m.keys { imageNodes[name, default: 0] += 1 }
    slotsWithImages += (m.isEmpty ? 0 : 1) - (imagesBySlot[slot].isEmpty ? 0 : 1)
    imagesBySlot[slot] = m
  }

  /// Adds or updates a node from its object.
  /// - Returns: the slot and whether the node is new.
  @discardableResult
  public mutating func upsert(_ node: Node) -> (slot: Int, isNew: Bool) {
    var alloc = ResourceVector()
    var pods: Int64 = 0
    let list = node.status.allocatable.isEmpty ? node.status.capacity : node.status.allocatable
    for e in list.entries {
      if e.name == ResourceList.pods {
        pods = e.quantity.value
      } else {
        alloc.add(name: e.name, milli: e.quantity.milliValue, value: e.quantity.value)
      }
    }
    let r = table.upsert(
      name: node.metadata.name, allocatable: alloc, allocatablePods: pods,
      zoneKey: NodeSnapshot.zoneKey(node.metadata.labels),
      unschedulable: node.spec.unschedulable ?? false)
    self.pods.setNodeLabels(node.metadata.labels, slot: r.slot)
    if r.isNew {
      nodes.append(node)
      taints.append(node.spec.taints)
      taintedSlots += node.spec.taints.isEmpty ? 0 : 1
      usedPortsBySlot.append([])
      imagesBySlot.append([:])
      liveNodeCount += 1
    } else {
      nodes[r.slot] = node
      taintedSlots += (node.spec.taints.isEmpty ? 0 : 1) - (taints[r.slot].isEmpty ? 0 : 1)
      taints[r.slot] = node.spec.taints
    }
    setImages(slot: r.slot, node.status.images)
    return r
  }

  /// Upstream `utilnode.GetZoneKey` (staging/src/k8s.io/component-helpers/node/topology/helpers.go):
  /// region and zone joined by ":\x00:", "" when both are absent. Only the current
  /// `topology.kubernetes.io/*` labels are read (the beta `failure-domain.beta.kubernetes.io/*`
  /// fallbacks are not modelled).
  public static func zoneKey(_ labels: Labels) -> String {
    let region = labels["topology.kubernetes.io/region"] ?? ""
    let zone = labels["topology.kubernetes.io/zone"] ?? ""
    if region.isEmpty && zone.isEmpty { return "" }
    return region + ":\u{0}:" + zone
  }
}
