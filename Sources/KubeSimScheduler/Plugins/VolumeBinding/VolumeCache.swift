import KubeSimModel

/// The scheduler's view of PersistentVolumeClaims, PersistentVolumes and StorageClasses (what
/// upstream's volume plugins read through their listers). Lookups only: no iteration order
/// reaches behaviour except `unboundVolumes`, kept sorted by name.
public struct VolumeCache: Sendable {
  /// PVCs by `namespace/name`.
  public private(set) var claims: [String: PersistentVolumeClaim] = [:]
  /// PVs by name.
  public private(set) var volumes: [String: PersistentVolume] = [:]
  /// StorageClasses by name.
  public private(set) var classes: [String: StorageClass] = [:]

  public init() {}

  public var isEmpty: Bool { claims.isEmpty }

  public mutating func upsert(_ o: APIObject) {
    switch o {
    case .persistentVolumeClaim(let c):
      claims["\(c.metadata.namespace ?? "default")/\(c.metadata.name)"] = c
    case .persistentVolume(let v): volumes[v.metadata.name] = v
    case .storageClass(let s): classes[s.metadata.name] = s
    default: break
    }
  }

  public mutating func remove(_ o: APIObject) {
    switch o {
    case .persistentVolumeClaim(let c):
      claims["\(c.metadata.namespace ?? "default")/\(c.metadata.name)"] = nil
    case .persistentVolume(let v): volumes[v.metadata.name] = nil
    case .storageClass(let s): classes[s.metadata.name] = nil
    default: break
    }
  }

  /// The PVC of a pod volume.
  public func claim(_ namespace: String, _ name: String) -> PersistentVolumeClaim? {
    claims["\(namespace)/\(name)"]
  }

  /// PVs not bound to any claim, sorted by name (deterministic matching).
  public var unboundVolumes: [PersistentVolume] {
    volumes.values.filter { $0.spec.claimRef == nil }.sorted { $0.metadata.name < $1.metadata.name }
  }
}

extension PodInfo {
  /// The claim names of the pod's PVC volumes, in volume order.
  public var claimNames: [String] {
    pod.spec.volumes.compactMap { $0.persistentVolumeClaim?.claimName }
  }
  public var namespace: String { pod.metadata.namespace ?? "default" }
}
