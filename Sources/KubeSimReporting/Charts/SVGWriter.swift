/// Builds SVG markup as text, one element per line, with escaped text and coordinates printed
/// by `DecimalFormat` (at most two decimals), so the same calls give the same bytes.
///
/// The root element sets `font-family="sans-serif"`: the viewer's own sans-serif font, never a
/// downloaded one. No scripts, no external references.
public struct SVGWriter: Sendable {
  /// Width of the drawing in pixels.
  public let width: Double
  /// Height of the drawing in pixels.
  public let height: Double
  private var body: [String] = []

  /// A drawing of `width` × `height` pixels.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// A coordinate or length: at most two decimals, trailing zeros dropped.
  public static func n(_ x: Double) -> String { DecimalFormat.trimmed(x, 2) }

  /// Appends raw, already valid markup (for example another chart's elements).
  public mutating func raw(_ markup: String) { body.append(markup) }

  /// A rectangle.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    opacity: Double? = nil, stroke: String? = nil, title: String? = nil
  ) {
    var a = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\""
    a += " height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\""
    if let opacity { a += " fill-opacity=\"\(Self.n(opacity))\"" }
    if let stroke { a += " stroke=\"\(stroke)\"" }
    if let title {
      body.append(a + "><title>\(XMLEscape.escape(title))</title></rect>")
    } else {
      body.append(a + "/>")
    }
  }

  /// A straight line.
  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil
  ) {
    var a = "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\""
    a += " y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\""
    if width != 1 { a += " stroke-width=\"\(Self.n(width))\"" }
    if let dash { a += " stroke-dasharray=\"\(dash)\"" }
    body.append(a + "/>")
  }

  /// An open path through `points`: straight segments, or horizontal-then-vertical steps.
  public mutating func path(
    _ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, step: Bool = false,
    dash: String? = nil
  ) {
    guard let first = points.first else { return }
    var d = "M\(Self.n(first.x)) \(Self.n(first.y))"
    for p in points.dropFirst() {
      d += step ? "H\(Self.n(p.x))V\(Self.n(p.y))" : "L\(Self.n(p.x)) \(Self.n(p.y))"
    }
    var a = "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
    a += " stroke-linejoin=\"round\""
    if let dash { a += " stroke-dasharray=\"\(dash)\"" }
    body.append(a + "/>")
  }

  /// Text anchored at (x, y): `anchor` is `start`, `middle` or `end`.
  public mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
    weight: String? = nil, fill: String = "#222222", rotate: Double? = nil
  ) {
    var a = "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\""
    if anchor != "start" { a += " text-anchor=\"\(anchor)\"" }
    if let size { a += " font-size=\"\(Self.n(size))\"" }
    if let weight { a += " font-weight=\"\(weight)\"" }
    if fill != "#222222" { a += " fill=\"\(fill)\"" }
    if let rotate { a += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
    body.append(a + ">\(XMLEscape.escape(content))</text>")
  }

  /// The complete `<svg>` element; `title` becomes its accessible name and `<title>`.
  public func render(title: String) -> String {
    let t = XMLEscape.escape(title)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) "
    out += "\(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
    out += " role=\"img\" aria-label=\"\(t)\" font-family=\"sans-serif\" font-size=\"12\">\n"
    out += "<title>\(t)</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
    out += " fill=\"#FFFFFF\"/>\n"
    for line in body { out += line + "\n" }
    return out + "</svg>\n"
  }
}
