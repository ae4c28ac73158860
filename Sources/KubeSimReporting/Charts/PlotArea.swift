/// The inner rectangle of a chart and the scales mapping data to it, with the axis drawing
/// shared by every chart type.
struct PlotArea {
  var left: Double
  var top: Double
  var width: Double
  var height: Double
  var x: NiceScale
  var y: NiceScale

  var right: Double { left + width }
  var bottom: Double { top + height }

  /// Pixel x of a data value (clamped to the plot).
  func px(_ value: Double) -> Double {
    let f = (value - x.lower) / (x.upper - x.lower)
    return left + width * min(1, max(0, f.isFinite ? f : 0))
  }

  /// Pixel y of a data value (clamped; larger values are higher).
  func py(_ value: Double) -> Double {
    let f = (value - y.lower) / (y.upper - y.lower)
    return bottom - height * min(1, max(0, f.isFinite ? f : 0))
  }

  /// Grid lines, tick labels, axis lines and axis titles.
  func drawAxes(
    _ svg: inout SVGWriter, xFormat: (Double) -> String, yFormat: (Double) -> String,
    xTitle: String?, yTitle: String?
  ) {
    for t in y.ticks {
      let yy = py(t)
      svg.line(x1: left, y1: yy, x2: right, y2: yy, stroke: "#E5E5E5")
      svg.text(yFormat(t), x: left - 6, y: yy + 4, anchor: "end", fill: "#444444")
    }
    for t in x.ticks {
      let xx = px(t)
      svg.line(x1: xx, y1: bottom, x2: xx, y2: bottom + 5, stroke: "#666666")
      svg.text(xFormat(t), x: xx, y: bottom + 18, anchor: "middle", fill: "#444444")
    }
    svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#666666")
    svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#666666")
    if let xTitle {
      svg.text(xTitle, x: left + width / 2, y: bottom + 36, anchor: "middle", fill: "#444444")
    }
    if let yTitle {
      svg.text(
        yTitle, x: 14, y: top + height / 2, anchor: "middle", fill: "#444444", rotate: -90)
    }
  }
}

/// A legend as one or more rows of swatches and names under the title.
enum ChartLegend {
  /// Approximate width of `text` at 12 px sans-serif (0.6 em per character), for layout only.
  static func textWidth(_ text: String) -> Double { Double(text.count) * 7 }

  /// The number of rows `draw` uses for these names.
  static func rows(_ names: [String], maxWidth: Double) -> Int {
    guard !names.isEmpty else { return 0 }
    var rows = 1
    var cx = 0.0
    for name in names {
      let w = 22 + textWidth(name) + 14
      if cx > 0 && cx + w > maxWidth {
        cx = 0
        rows += 1
      }
      cx += w
    }
    return rows
  }

  /// Draws `entries` (name, colour, dash) from (x, y), wrapping at `maxWidth`; returns the
  /// height used. The last `markerEntries` entries get a vertical bar (a point marker) as swatch.
  @discardableResult
  static func draw(
    _ svg: inout SVGWriter, entries: [(name: String, colour: String, dash: String?)],
    x: Double, y: Double, maxWidth: Double, swatch: String = "line", markerEntries: Int = 0
  ) -> Double {
    guard !entries.isEmpty else { return 0 }
    var cx = x
    var cy = y
    for (index, e) in entries.enumerated() {
      let w = 22 + textWidth(e.name) + 14
      if cx > x && cx + w > x + maxWidth {
        cx = x
        cy += 18
      }
      if index >= entries.count - markerEntries {
        // A point marker: a short vertical bar, as drawn in the chart.
        svg.line(x1: cx + 8, y1: cy - 11, x2: cx + 8, y2: cy + 1, stroke: e.colour, width: 2)
      } else if swatch == "line" {
        svg.line(
          x1: cx, y1: cy - 4, x2: cx + 16, y2: cy - 4, stroke: e.colour, width: 3, dash: e.dash)
      } else {
        svg.rect(x: cx, y: cy - 10, width: 16, height: 10, fill: e.colour, stroke: "#888888")
      }
      svg.text(e.name, x: cx + 22, y: cy, fill: "#222222")
      cx += w
    }
    return cy - y + 18
  }
}
