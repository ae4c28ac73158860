import Foundation
import KubeSimAPIServer
import KubeSimModel
import KubeSimScenario
import KubeSimYAML

/// The parameter grid of `kubesim sweep --grid` and `kubesim compare --grid`:
/// `profile=a,b;seed=1..100;settings.nodeMonitorGracePeriod=40s,50s;kubernetesVersion=1.35,1.36;nodepool.worker.count=10,20`.
///
/// Dimensions:
/// - `profile`: scheduling policies (as `run --profile`); default `default`.
/// - `seed`: seeds, `A..B` ranges and single values separated by commas; default `1`.
/// - `settings.KEY`: any scenario setting (`spec.settings.KEY`), values as written in YAML;
///   each value is checked against the setting before anything runs.
/// - `kubernetesVersion`: the same as `settings.kubernetesVersion`.
/// - `nodepool.NAME.count`: the node count of the NodePool `NAME` (its nodes are re-expanded).
///
/// Cells are ordered profile first, then the other dimensions in the order written (the first
/// one slowest), then seed; each combination but the seed is one *grid point*, a column of the
/// comparison named `profile key=value …`. Seeds are the replications over which means and
/// confidence intervals are taken.
struct SweepGrid: Equatable {
  /// Scheduling policies.
  var profiles: [String]
  /// Seeds (replications).
  var seeds: [UInt64]
  /// Other dimensions in the order written: key (`settings.watchDelay`, `nodepool.w.count`)
  /// and its values.
  var dimensions: [Dimension] = []

  /// One dimension beyond profile and seed.
  struct Dimension: Equatable {
    var key: String
    var values: [String]
  }

  /// A grid point with one seed: what one simulation runs.
  struct Cell {
    var profile: String
    var seed: UInt64
    /// (key, value) per dimension, in the grid's order.
    var overrides: [(key: String, value: String)]
  }

  /// The grid points (every combination but the seed) in order, as (label, overrides).
  var points: [(label: String, profile: String, overrides: [(key: String, value: String)])] {
    var combos: [[(key: String, value: String)]] = [[]]
    for d in dimensions {
      combos = combos.flatMap { c in d.values.map { c + [(d.key, $0)] } }
    }
    return profiles.flatMap { p in
      combos.map { c in
        (([p] + c.map { "\($0.key)=\($0.value)" }).joined(separator: " "), p, c)
      }
    }
  }

  /// The columns of the comparison, in order.
  var labels: [String] { points.map(\.label) }

  /// Every cell: grid points in order, seeds innermost.
  var cells: [Cell] {
    points.flatMap { p in seeds.map { Cell(profile: p.profile, seed: $0, overrides: p.overrides) } }
  }

  /// The grid as written back in shard files (parses to the same grid).
  var text: String {
    var parts = [
      "profile=" + profiles.joined(separator: ","),
      "seed=" + seeds.map(String.init).joined(separator: ","),
    ]
    parts += dimensions.map { $0.key + "=" + $0.values.joined(separator: ",") }
    return parts.joined(separator: ";")
  }

  /// The most cells a grid may have (STYLE.md: a limit on everything).
  static let maxCells = 1_000_000

  /// Parses `text`; `command` names the command in errors. Setting values are checked here.
  static func parse(_ text: String, command: String) throws(UsageError) -> SweepGrid {
    var grid = SweepGrid(profiles: ["default"], seeds: [1])
    var seen: [String] = []
    for part in text.split(separator: ";") {
      let kv = part.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard kv.count == 2, !kv[0].isEmpty else {
        throw UsageError(command: command, "--grid: expected key=values, found '\(part)'")
      }
      var key = kv[0]
      if key == "kubernetesVersion" { key = "settings.kubernetesVersion" }
      if seen.contains(key) {
        throw UsageError(command: command, "--grid: '\(kv[0])' is given twice")
      }
      seen.append(key)
      let values = kv[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
        throw UsageError(command: command, "--grid: \(kv[0]): empty value in '\(kv[1])'")
      }
      switch key {
      case "profile":
        grid.profiles = values
      case "seed":
        var seeds: [UInt64] = []
        for item in values { seeds += try CompareCommand.seedRange(item, command: command) }
        grid.seeds = seeds
      default:
        for v in values { try check(key, v, command: command) }
        grid.dimensions.append(Dimension(key: key, values: values))
      }
    }
    let count = grid.dimensions.reduce(grid.profiles.count * grid.seeds.count) {
      $0.multipliedReportingOverflow(by: $1.values.count).partialValue
    }
    guard count <= maxCells else {
      throw UsageError(command: command, "--grid: \(count) cells is more than \(maxCells)")
    }
    return grid
  }

  /// Checks one value of a dimension (the setting's own decoder, or a NodePool count).
  static func check(_ key: String, _ value: String, command: String) throws(UsageError) {
    if key.hasPrefix("settings.") {
      let name = String(key.dropFirst("settings.".count))
      var settings = SimulationSettings()
      do throws(ManifestError) {
        try settings.set(name, try settingPair(name, value).value)
      } catch {
        throw UsageError(command: command, "--grid: \(key)=\(value): \(error.message)")
      }
      return
    }
    let parts = key.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0] == "nodepool", !parts[1].isEmpty {
      guard parts[2] == "count" else {
        throw UsageError(
          command: command, "--grid: \(key): unknown NodePool field '\(parts[2])' (expected count)")
      }
      guard let n = Int32(value), n >= 0, n <= 100_000 else {
        throw UsageError(
          command: command,
          "--grid: \(key): expected a node count from 0 to 100000, found '\(value)'")
      }
      return
    }
    throw UsageError(
      command: command,
      "--grid: unknown parameter '\(key)' (expected profile, seed, settings.KEY, kubernetesVersion, nodepool.NAME.count)"
    )
  }

  /// `value` as the YAML node a scenario's `settings:` would hold (so `true`, `40s`, `1.35`
  /// resolve as they do in a file).
  static func settingPair(_ name: String, _ value: String) throws(ManifestError) -> YAMLPair {
    let nodes: [YAMLNode]
    do {
      nodes = try YAMLParser.parseStream(name + ": " + value, file: "--grid")
    } catch {
      throw ManifestError("cannot read '\(value)' as YAML: \(error)", at: SourceLocation(file: "--grid", line: 1, column: 1), path: "spec.settings." + name)
    }
    guard let doc = nodes.first, case .mapping(let pairs) = doc.content, let pair = pairs.first else {
      throw ManifestError("cannot read '\(value)'", at: SourceLocation(file: "--grid", line: 1, column: 1), path: "spec.settings." + name)
    }
    return pair
  }
}

extension SweepGrid.Cell {
  /// Applies the cell's overrides to a loaded input: settings replace or extend the scenario's
  /// `settings:`, NodePool counts re-expand the pool's nodes in place. An unknown pool is an error.
  func apply(to input: inout LoadedInput) throws(UsageError) {
    for (key, value) in overrides {
      if key.hasPrefix("settings.") {
        let name = String(key.dropFirst("settings.".count))
        guard var scenario = input.scenario else { continue }
        let pair: YAMLPair
        do throws(ManifestError) {
          pair = try SweepGrid.settingPair(name, value)
        } catch {
          throw UsageError(command: "sweep", "--grid: \(key)=\(value): \(error.message)")
        }
        scenario.settings.removeAll {
          if case .scalar(let s) = $0.key.content { return s.text == name }
          return false
        }
        scenario.settings.append(pair)
        input.scenario = scenario
      } else {
        let parts = key.split(separator: ".")
        guard parts.count == 3, let count = Int32(value) else { continue }
        try resize(pool: String(parts[1]), to: count, in: &input)
      }
    }
  }

  private func resize(pool name: String, to count: Int32, in input: inout LoadedInput)
    throws(UsageError)
  {
    guard let index = input.nodePools.firstIndex(where: { $0.metadata.name == name }) else {
      let known = input.nodePools.map(\.metadata.name)
      throw UsageError(
        command: "sweep",
        "--grid: nodepool.\(name).count: no NodePool named '\(name)' in the input"
          + (known.isEmpty ? "" : " (NodePools: " + known.joined(separator: ", ") + ")"))
    }
    let old = input.nodePools[index]
    var resized = old
    resized.spec.count = count
    input.nodePools[index] = resized
    let oldNames = Set(old.expand().map(\.metadata.name))
    let at = input.objects.firstIndex {
      if case .node(let n) = $0 { return oldNames.contains(n.metadata.name) }
      return false
    }
    let location = at.map { input.objectLocations[$0] } ?? input.scenario?.location
    var objects: [APIObject] = []
    var locations: [SourceLocation] = []
    for (i, o) in input.objects.enumerated() {
      if i == at, let location {
        for n in resized.expand() {
          objects.append(.node(n))
          locations.append(location)
        }
      }
      if case .node(let n) = o, oldNames.contains(n.metadata.name) { continue }
      objects.append(o)
      locations.append(input.objectLocations[i])
    }
    if at == nil, let location {
      for n in resized.expand() {
        objects.append(.node(n))
        locations.append(location)
      }
    }
    input.objects = objects
    input.objectLocations = locations
  }
}
