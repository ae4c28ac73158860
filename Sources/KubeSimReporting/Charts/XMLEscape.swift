/// Escapes text for XML/HTML text content and attribute values.
public enum XMLEscape {
  /// Replaces `& < > " '` by entities and drops control characters other than tab and newline
  /// (they are not allowed in XML 1.0, so one stray byte from a pod name cannot break the page).
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
          continue
        }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
