import KubeSimKernel
import KubeSimYAML

extension NodePool: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodePool
  {
    var v = NodePool()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "spec":
        d.push(key)
        v.spec = try NodePoolSpec.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: NodePool.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec",
  ]
}

extension NodePoolSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodePoolSpec
  {
    var v = NodePoolSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "count":
        d.push(key)
        v.count = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "namePrefix":
        d.push(key)
        v.namePrefix = try String.decode(pair.value, in: &d)
        d.pop()
      case "capacity":
        d.push(key)
        v.capacity = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "allocatable":
        d.push(key)
        v.allocatable = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "labels":
        d.push(key)
        v.labels = try d.decodeNodePoolLabels(pair.value)
        d.pop()
      case "annotations":
        d.push(key)
        v.annotations = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "taints":
        d.push(key)
        v.taints = try d.decodeArray(pair.value)
        d.pop()
      case "unschedulable":
        d.push(key)
        v.unschedulable = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "images":
        d.push(key)
        v.images = try d.decodeArray(pair.value)
        d.pop()
      case "failureDomain":
        d.push(key)
        v.failureDomain = try String.decode(pair.value, in: &d)
        d.pop()
      case "costPerHour":
        d.push(key)
        v.costPerHour = try Quantity.decode(pair.value, in: &d)
        d.pop()
      case "min":
        d.push(key)
        v.min = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "max":
        d.push(key)
        v.max = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "priority":
        d.push(key)
        v.priority = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodePoolSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "count", "namePrefix", "capacity", "allocatable", "labels", "annotations", "taints",
    "unschedulable", "images", "failureDomain", "costPerHour",
    "min", "max", "priority",
  ]
}

extension NodePoolLabel: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodePoolLabel
  {
    var v = NodePoolLabel()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "key":
        d.push(key)
        v.key = try String.decode(pair.value, in: &d)
        d.pop()
      case "values":
        d.push(key)
        v.values = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodePoolLabel.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "key", "values",
  ]
}
