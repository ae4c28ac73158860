/// Colours for charts, chosen to stay distinguishable with colour-vision deficiencies.
public enum ChartPalette {
  /// Series colours: the Okabe–Ito palette (M. Okabe and K. Ito, "Color Universal Design", 2002;
  /// also Wong, "Points of view: Color blindness", Nature Methods 8:441, 2011), reordered so the
  /// first colours have the most contrast on white and yellow comes last.
  public static let series: [String] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
  ]

  /// The colour of series `index` (cycling when there are more series than colours).
  public static func series(_ index: Int) -> String {
    series[((index % series.count) + series.count) % series.count]
  }

  /// Dash patterns combined with the colour after the palette has cycled once, so the ninth
  /// series differs from the first by more than colour.
  public static func dash(_ index: Int) -> String? {
    let patterns: [String?] = [nil, "6 3", "2 2", "8 3 2 3"]
    return patterns[(max(0, index) / series.count) % patterns.count]
  }

  /// Band colours for timeline intervals by category: grey, vermillion-tinted, blue-tinted,
  /// green-tinted, purple-tinted (Okabe–Ito hues, light).
  public static let bands: [String] = ["#BBBBBB", "#F4B183", "#9ECAE9", "#A1D99B", "#DDB3D1"]

  /// Viridis (S. van der Walt and N. Smith, matplotlib, 2015), sampled at nine evenly spaced
  /// points: perceptually uniform, readable in grey scale and with colour-vision deficiencies.
  public static let viridis: [(r: Int, g: Int, b: Int)] = [
    (0x44, 0x01, 0x54), (0x47, 0x2C, 0x7A), (0x3B, 0x51, 0x8B), (0x2C, 0x71, 0x8E),
    (0x21, 0x90, 0x8D), (0x27, 0xAD, 0x81), (0x5C, 0xC8, 0x63), (0xAA, 0xDC, 0x32),
    (0xFD, 0xE7, 0x25),
  ]

  /// The viridis colour at `t` in 0…1 (clamped; NaN gives the low end), interpolated linearly
  /// between the samples, as `#RRGGBB`.
  public static func viridis(_ t: Double) -> String {
    let clamped = t.isNaN ? 0 : min(1, max(0, t))
    let position = clamped * Double(viridis.count - 1)
    let i = min(viridis.count - 2, Int(position))
    let f = position - Double(i)
    let a = viridis[i]
    let b = viridis[i + 1]
    func mix(_ x: Int, _ y: Int) -> Int { x + Int((Double(y - x) * f).rounded()) }
    return hex(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b))
  }

  /// `#RRGGBB` from 0…255 components.
  public static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
    let digits = Array("0123456789ABCDEF")
    var s = "#"
    for c in [r, g, b] {
      let v = min(255, max(0, c))
      s.append(digits[v / 16])
      s.append(digits[v % 16])
    }
    return s
  }
}
