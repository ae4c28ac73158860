import KubeSimModel

/// Checks the first steps of a field path against the object's JSON shape, so that a typo
/// (`deployment/web.stauts.readyReplicas`) is an error before the run rather than a field that
/// is never set. Deeper steps are not checked: Kubernetes omits empty fields, so absence there
/// is normal.
enum FieldNames {
  /// Top-level fields every object has.
  static let common = ["apiVersion", "kind", "metadata"]

  /// Top-level fields by kind (k8s.io/api types, v1.32).
  static func topLevel(_ kind: ObjectKind) -> [String] {
    switch kind {
    case .configMap: return common + ["data", "binaryData", "immutable"]
    case .secret: return common + ["data", "stringData", "type", "immutable"]
    case .priorityClass:
      return common + ["value", "globalDefault", "description", "preemptionPolicy"]
    case .storageClass:
      return common + [
        "provisioner", "parameters", "reclaimPolicy", "mountOptions", "allowVolumeExpansion",
        "volumeBindingMode", "allowedTopologies",
      ]
    case .endpointSlice: return common + ["addressType", "endpoints", "ports"]
    default: return common + ["spec", "status"]
    }
  }

  /// ObjectMeta's fields (k8s.io/apimachinery/pkg/apis/meta/v1 `ObjectMeta`).
  static let metadata = [
    "name", "generateName", "namespace", "uid", "resourceVersion", "generation",
    "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
    "annotations", "ownerReferences", "finalizers",
  ]

  /// nil when the path's first steps exist, else what is wrong.
  static func check(_ path: [PathComponent], of kind: ObjectKind) -> String? {
    guard case .key(let first) = path.first else {
      return "a field path starts with a field name, e.g. .status"
    }
    let top = topLevel(kind)
    guard top.contains(first) else { return unknown(first, in: top, of: "a \(kind.name)") }
    if first == "metadata", path.count > 1, case .key(let second) = path[1],
      !metadata.contains(second)
    {
      return unknown(second, in: metadata, of: "metadata")
    }
    return nil
  }

  private static func unknown(_ name: String, in known: [String], of owner: String) -> String {
    var message = "\(owner) has no field \"\(name)\""
    if let suggestion = closest(name, known) { message += "; did you mean \"\(suggestion)\"?" }
    return message
  }

  /// The nearest name within edit distance 2, first in list order on ties.
  private static func closest(_ word: String, _ candidates: [String]) -> String? {
    var best: (String, Int)?
    for c in candidates {
      let d = distance(Array(word.lowercased()), Array(c.lowercased()))
      if d <= 2, d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
  }

  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
