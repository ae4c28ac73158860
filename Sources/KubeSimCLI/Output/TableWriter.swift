/// Aligns rows into columns the way kubectl's printer does.
///
/// kubectl writes cells separated by tabs through Go's `text/tabwriter` with minwidth 6,
/// tabwidth 4, padding 3 and padchar ' ' (k8s.io/cli-runtime/pkg/printers/tabwriter.go, v1.32):
/// every column but the last is padded to max(widest cell + 3, 6); the last is not padded.
public struct TableWriter: Sendable {
  /// The header row (upper case, as kubectl prints it).
  public var header: [String]
  /// The rows appended so far.
  public private(set) var rows: [[String]] = []

  /// Creates a value with the given parts.
  public init(header: [String]) { self.header = header }

  /// Appends a row (missing trailing cells are empty).
  public mutating func append(_ row: [String]) { rows.append(row) }

  /// The table as text, each line ending in a newline.
  public var text: String {
    let all = [header] + rows
    let columns = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in all {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    var out = ""
    for row in all {
      var line = ""
      for i in 0..<columns {
        let cell = i < row.count ? row[i] : ""
        if i == columns - 1 {
          line += cell
        } else {
          line += cell + String(repeating: " ", count: max(widths[i] + 3, 6) - cell.count)
        }
      }
      // tabwriter keeps trailing padding only when a later cell follows; trim for blank ends.
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}
