import KubeSimYAML

/// Indented JSON as `kubectl get -o json` prints it: four spaces per level, `"key": value`
/// (Go's `json.MarshalIndent(obj, "", "    ")`, which kubectl's JSONPrinter uses).
enum JSONPrettyPrinter {
  static func format(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, to: &out)
    return out + "\n"
  }

  private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
    let pad = String(repeating: " ", count: (indent + 1) * 4)
    let closing = String(repeating: " ", count: indent * 4)
    switch value {
    case .array(let items) where !items.isEmpty:
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        write(item, indent: indent + 1, to: &out)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += closing + "]"
    case .object(let pairs) where !pairs.isEmpty:
      out += "{\n"
      for (i, pair) in pairs.enumerated() {
        out += pad
        JSONValue.writeString(pair.0, to: &out)
        out += ": "
        write(pair.1, indent: indent + 1, to: &out)
        out += i == pairs.count - 1 ? "\n" : ",\n"
      }
      out += closing + "}"
    default:
      value.write(to: &out)
    }
  }
}
