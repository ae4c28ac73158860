/// An amount of every schedulable resource, in the integer units kube-scheduler uses.
///
/// cpu in millicores, memory and ephemeral-storage in bytes, scalar (extended, hugepages, …)
/// resources in their integer `Value()`. Mirrors upstream `framework.Resource`
/// (pkg/scheduler/framework/types.go, v1.35): `MilliCPU`, `Memory`, `EphemeralStorage`,
/// `ScalarResources`. Scalars are kept sorted by name so that iteration order never depends on
/// hashing.
public struct ResourceVector: Sendable, Hashable {
  /// CPU in millicores (`Quantity.milliValue`).
  public var milliCPU: Int64 = 0
  /// Memory in bytes (`Quantity.value`).
  public var memory: Int64 = 0
  /// Ephemeral storage in bytes (`Quantity.value`).
  public var ephemeralStorage: Int64 = 0
  /// Extended and hugepages resources by name, sorted by name, with their integer value.
  public private(set) var scalars: [Scalar] = []

  /// One scalar resource amount.
  public struct Scalar: Sendable, Hashable {
    public var name: String
    public var value: Int64
    public init(name: String, value: Int64) {
      self.name = name
      self.value = value
    }
  }

  public init(milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0) {
    self.milliCPU = milliCPU
    self.memory = memory
    self.ephemeralStorage = ephemeralStorage
  }

  /// True when every amount is zero (upstream's "no resources requested" fast path).
  public var isZero: Bool {
    milliCPU == 0 && memory == 0 && ephemeralStorage == 0 && scalars.allSatisfy { $0.value == 0 }
  }

  /// The amount of a scalar resource, 0 when absent.
  public func scalar(_ name: String) -> Int64 {
    for s in scalars where s.name == name { return s.value }
    return 0
  }

  /// Whether the scalar resource is listed (even with value 0).
  public func hasScalar(_ name: String) -> Bool { scalars.contains { $0.name == name } }

  /// Sets a scalar resource, keeping the list sorted by name.
  public mutating func setScalar(_ name: String, _ value: Int64) {
    var lo = 0
    var hi = scalars.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if scalars[mid].name < name { lo = mid + 1 } else { hi = mid }
    }
    if lo < scalars.count, scalars[lo].name == name {
      scalars[lo].value = value
    } else {
      scalars.insert(Scalar(name: name, value: value), at: lo)
    }
  }

  /// Adds `other` amount by amount.
  public mutating func add(_ other: ResourceVector) {
    milliCPU &+= other.milliCPU
    memory &+= other.memory
    ephemeralStorage &+= other.ephemeralStorage
    for s in other.scalars { setScalar(s.name, scalar(s.name) &+ s.value) }
  }

  /// Subtracts `other` amount by amount.
  public mutating func subtract(_ other: ResourceVector) {
    milliCPU &-= other.milliCPU
    memory &-= other.memory
    ephemeralStorage &-= other.ephemeralStorage
    for s in other.scalars { setScalar(s.name, scalar(s.name) &- s.value) }
  }

  /// Takes the maximum of each amount (upstream `Resource.SetMaxResource`).
  public mutating func formMax(_ other: ResourceVector) {
    milliCPU = max(milliCPU, other.milliCPU)
    memory = max(memory, other.memory)
    ephemeralStorage = max(ephemeralStorage, other.ephemeralStorage)
    for s in other.scalars { setScalar(s.name, max(scalar(s.name), s.value)) }
  }

  /// Adds one resource by name: `cpu` takes `milli`, the others take `value`. `pods` and
  /// non-scalar names (e.g. `storage`) are ignored, as upstream `Resource.Add` does.
  public mutating func add(name: String, milli: Int64, value: Int64) {
    switch name {
    case "cpu": milliCPU &+= milli
    case "memory": memory &+= value
    case "ephemeral-storage": ephemeralStorage &+= value
    default:
      if ResourceVector.isScalarResourceName(name) { setScalar(name, scalar(name) &+ value) }
    }
  }

  /// Upstream `schedutil.IsScalarResourceName` (pkg/scheduler/util/utils.go, v1.35): an extended
  /// resource, a hugepages resource, a `kubernetes.io/`-prefixed native resource or an
  /// attachable-volumes resource. In practice: `hugepages-*`, `attachable-volumes-*`, or any name
  /// containing `/` that does not start with `requests.` (k8s.io/kubernetes pkg/apis/core/v1/helper
  /// `IsExtendedResourceName`, `IsPrefixedNativeResource`).
  public static func isScalarResourceName(_ name: String) -> Bool {
    if name.hasPrefix("hugepages-") || name.hasPrefix("attachable-volumes-") { return true }
    return name.contains("/") && !name.hasPrefix("requests.")
  }

  /// Upstream `v1helper.IsExtendedResourceName`: contains `/`, is not in the `kubernetes.io`
  /// domain and has no `requests.` prefix. Only these can be ignored by the Fit filter's
  /// `ignoredResources`/`ignoredResourceGroups`.
  public static func isExtendedResourceName(_ name: String) -> Bool {
    guard let slash = name.firstIndex(of: "/"), !name.hasPrefix("requests.") else { return false }
    let domain = name[..<slash]
    return !(domain == "kubernetes.io" || domain.hasSuffix(".kubernetes.io"))
  }
}
