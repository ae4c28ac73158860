/// The scheduler's hot per-node state as struct-of-arrays, indexed by a dense node slot.
///
/// Upstream keeps a `NodeInfo` per node (pkg/scheduler/framework/types.go) with `Allocatable`,
/// `Requested`, `NonZeroRequested` and its pods; KubeSim keeps the same figures in parallel arrays
/// so the filter and score loops read contiguous integers. Bind and delete update one slot
/// incrementally (`addPod`/`removePod`); nothing is rebuilt per pod. A removed node's slot is
/// tombstoned (`isLive == false`) and reused by no one, so slots stay stable for a run.
///
/// - Complexity: `addPod`/`removePod` are O(1) plus O(scalars of the pod).
public struct NodeTable: Sendable {
  /// Node names by slot.
  public private(set) var names: [String] = []
  /// Whether the slot holds a node (false after removal).
  public private(set) var isLive: [Bool] = []
  /// Allocatable cpu (millicores), memory and ephemeral-storage (bytes), pods.
  public private(set) var allocMilliCPU: [Int64] = []
  public private(set) var allocMemory: [Int64] = []
  public private(set) var allocEphemeralStorage: [Int64] = []
  public private(set) var allocPods: [Int64] = []
  /// Σ requests of the pods on the node (no defaults): what the Fit filter compares.
  public private(set) var requestedMilliCPU: [Int64] = []
  public private(set) var requestedMemory: [Int64] = []
  public private(set) var requestedEphemeralStorage: [Int64] = []
  /// Σ requests with the 100m/200Mi non-zero defaults: what the Fit scores use.
  public private(set) var nonZeroMilliCPU: [Int64] = []
  public private(set) var nonZeroMemory: [Int64] = []
  /// Number of pods on the node (assumed or bound).
  public private(set) var podCount: [Int32] = []
  /// `spec.unschedulable`.
  public private(set) var unschedulable: [Bool] = []
  /// Zone key (`region:\u{0}:zone` as upstream `utilnode.GetZoneKey`), "" when unlabelled.
  public private(set) var zoneKeys: [String] = []
  /// Scalar resource names; column `i` of `allocScalar`/`requestedScalar` is `scalarNames[i]`.
  public private(set) var scalarNames: [String] = []
  /// Allocatable of each scalar resource per node, `[scalar][slot]`; -1 means not listed.
  public private(set) var allocScalar: [[Int64]] = []
  /// Σ requests of each scalar resource per node, `[scalar][slot]`.
  public private(set) var requestedScalar: [[Int64]] = []
  private var slotByName: [String: Int] = [:]

  public init() {}

  /// Number of slots (live or tombstoned).
  public var count: Int { names.count }

  /// The slot of a live node.
  public func slot(of name: String) -> Int? { slotByName[name] }

  /// Adds a node or updates its allocatable, zone and unschedulable flag in place.
  /// - Returns: the slot, and whether the node is new (callers rebuild the node order then).
  @discardableResult
  public mutating func upsert(
    name: String, allocatable: ResourceVector, allocatablePods: Int64, zoneKey: String,
    unschedulable isUnschedulable: Bool
  ) -> (slot: Int, isNew: Bool) {
    let slot: Int
    let isNew: Bool
    if let s = slotByName[name] {
      slot = s
      isNew = false
    } else {
      slot = names.count
      isNew = true
      slotByName[name] = slot
      names.append(name)
      isLive.append(true)
      allocMilliCPU.append(0)
      allocMemory.append(0)
      allocEphemeralStorage.append(0)
      allocPods.append(0)
      requestedMilliCPU.append(0)
      requestedMemory.append(0)
      requestedEphemeralStorage.append(0)
      nonZeroMilliCPU.append(0)
      nonZeroMemory.append(0)
      podCount.append(0)
      unschedulable.append(false)
      zoneKeys.append("")
      for i in scalarNames.indices {
        allocScalar[i].append(-1)
        requestedScalar[i].append(0)
      }
    }
    allocMilliCPU[slot] = allocatable.milliCPU
    allocMemory[slot] = allocatable.memory
    allocEphemeralStorage[slot] = allocatable.ephemeralStorage
    allocPods[slot] = allocatablePods
    unschedulable[slot] = isUnschedulable
    zoneKeys[slot] = zoneKey
    for i in scalarNames.indices { allocScalar[i][slot] = -1 }
    for s in allocatable.scalars { allocScalar[scalarColumn(s.name)][slot] = s.value }
    return (slot, isNew)
  }

  /// Tombstones a node; its pods stay counted until they are removed.
  public mutating func remove(name: String) {
    guard let s = slotByName.removeValue(forKey: name) else { return }
    isLive[s] = false
  }

  /// Adds a pod's requests to a node (bind or assume).
  public mutating func addPod(slot: Int, requests: ResourceVector, nonZero: ResourceVector) {
    apply(slot: slot, requests: requests, nonZero: nonZero, sign: 1)
  }

  /// Removes a pod's requests from a node (pod deleted or finished).
  public mutating func removePod(slot: Int, requests: ResourceVector, nonZero: ResourceVector) {
    apply(slot: slot, requests: requests, nonZero: nonZero, sign: -1)
  }

  /// Allocatable of a scalar resource on a node, 0 when not listed (upstream's missing = 0).
  public func allocatableScalar(_ name: String, slot: Int) -> Int64 {
    guard let c = scalarNames.firstIndex(of: name) else { return 0 }
    return max(allocScalar[c][slot], 0)
  }

  /// Whether the node lists a scalar resource in its allocatable.
  public func listsScalar(_ name: String, slot: Int) -> Bool {
    guard let c = scalarNames.firstIndex(of: name) else { return false }
    return allocScalar[c][slot] >= 0
  }

  /// Requested amount of a scalar resource on a node.
  public func requestedScalarAmount(_ name: String, slot: Int) -> Int64 {
    guard let c = scalarNames.firstIndex(of: name) else { return 0 }
    return requestedScalar[c][slot]
  }

  private mutating func apply(
    slot: Int, requests: ResourceVector, nonZero: ResourceVector, sign: Int64
  ) {
    requestedMilliCPU[slot] &+= sign &* requests.milliCPU
    requestedMemory[slot] &+= sign &* requests.memory
    requestedEphemeralStorage[slot] &+= sign &* requests.ephemeralStorage
    nonZeroMilliCPU[slot] &+= sign &* nonZero.milliCPU
    nonZeroMemory[slot] &+= sign &* nonZero.memory
    podCount[slot] &+= Int32(truncatingIfNeeded: sign)
    for s in requests.scalars where s.value != 0 {
      requestedScalar[scalarColumn(s.name)][slot] &+= sign &* s.value
    }
  }

  private mutating func scalarColumn(_ name: String) -> Int {
    if let c = scalarNames.firstIndex(of: name) { return c }
    scalarNames.append(name)
    allocScalar.append([Int64](repeating: -1, count: names.count))
    requestedScalar.append([Int64](repeating: 0, count: names.count))
    return scalarNames.count - 1
  }

  /// Checks that no count went negative; called by tests and invariant checks.
  public func _checkInvariants() -> String? {
    for s in names.indices {
      if podCount[s] < 0 { return "node \(names[s]): negative pod count \(podCount[s])" }
      if requestedMilliCPU[s] < 0 || requestedMemory[s] < 0 {
        return "node \(names[s]): negative requested resources"
      }
    }
    return nil
  }
}
