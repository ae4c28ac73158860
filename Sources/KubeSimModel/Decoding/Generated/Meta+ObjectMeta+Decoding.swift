import KubeSimKernel
import KubeSimYAML

extension ObjectMeta: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ObjectMeta
  {
    var v = ObjectMeta()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "generateName":
        d.push(key)
        v.generateName = try String.decode(pair.value, in: &d)
        d.pop()
      case "namespace":
        d.push(key)
        v.namespace = try String.decode(pair.value, in: &d)
        d.pop()
      case "uid":
        d.push(key)
        v.uid = try String.decode(pair.value, in: &d)
        d.pop()
      case "resourceVersion":
        d.push(key)
        v.resourceVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "generation":
        d.push(key)
        v.generation = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "creationTimestamp":
        d.push(key)
        v.creationTimestamp = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "deletionTimestamp":
        d.push(key)
        v.deletionTimestamp = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "deletionGracePeriodSeconds":
        d.push(key)
        v.deletionGracePeriodSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "labels":
        d.push(key)
        v.labels = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "annotations":
        d.push(key)
        v.annotations = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "ownerReferences":
        d.push(key)
        v.ownerReferences = try d.decodeArray(pair.value)
        d.pop()
      case "finalizers":
        d.push(key)
        v.finalizers = try d.decodeArray(pair.value)
        d.pop()
      case "managedFields", "selfLink", "clusterName":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: ObjectMeta.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "generateName", "namespace", "uid", "resourceVersion", "generation",
    "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
    "ownerReferences", "finalizers", "managedFields", "selfLink", "clusterName",
  ]
}
