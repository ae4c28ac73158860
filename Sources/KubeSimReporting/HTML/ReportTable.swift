/// A table of summary values for a `ReportPage`.
///
/// ```swift
/// var t = ReportTable(columns: [.init("metric"), .init("mean", alignment: .right)])
/// t.rows.append(["pod startup p99", ReportCell("12.5s", emphasized: true)])
/// ```
public struct ReportTable: Equatable, Sendable {
  /// A column: title and alignment.
  public struct Column: Equatable, Sendable {
    /// The header text.
    public var title: String
    /// Left for names, right for numbers.
    public var alignment: Alignment

    /// A column.
    public init(_ title: String, alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  /// Horizontal alignment of a column.
  public enum Alignment: String, Equatable, Sendable {
    /// Left-aligned (text).
    case left
    /// Right-aligned (numbers, so digits line up).
    case right
  }

  /// A caption above the table.
  public var caption: String?
  /// The columns.
  public var columns: [Column]
  /// The rows; a row shorter than `columns` is padded with empty cells.
  public var rows: [[ReportCell]]

  /// A table.
  public init(caption: String? = nil, columns: [Column], rows: [[ReportCell]] = []) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }

  /// The `<table>` element.
  func html() -> String {
    var out = "<table>\n"
    if let caption { out += "<caption>\(XMLEscape.escape(caption))</caption>\n" }
    out += "<thead><tr>"
    for c in columns {
      out += "<th class=\"\(c.alignment.rawValue)\">\(XMLEscape.escape(c.title))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
      for (i, c) in columns.enumerated() {
        let cell = i < row.count ? row[i] : ReportCell("")
        let cls = c.alignment.rawValue + (cell.emphasized ? " em" : "")
        out += "<td class=\"\(cls)\">\(XMLEscape.escape(cell.text))</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}

/// One table cell: text, optionally emphasised (bold on a tinted background, used to mark
/// significant differences or failed expectations).
public struct ReportCell: Equatable, Sendable, ExpressibleByStringLiteral {
  /// The text (escaped when rendered).
  public var text: String
  /// Whether the cell is highlighted.
  public var emphasized: Bool

  /// A cell.
  public init(_ text: String, emphasized: Bool = false) {
    self.text = text
    self.emphasized = emphasized
  }

  /// A plain cell from a literal.
  public init(stringLiteral value: String) { self.init(value) }
}
