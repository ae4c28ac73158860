import Foundation
import KubeSimModel
import KubeSimScheduler
import KubeSimYAML

/// Reads, parses and decodes a run's input files into a `LoadedInput`.
///
/// - Files are UTF-8 YAML streams; each document is decoded with the model's `ManifestDecoder`.
/// - `include:` paths of the Scenario are relative to the including file; a missing file or an
///   include cycle is an error at the `include` entry.
/// - At most one Scenario document over all files; `requireScenario` makes one mandatory (run,
///   get) while `validate` also takes plain manifests.
/// - Errors are collected over all documents and files and reported together, in read order.
///
/// Initial objects are created in load order, except that Namespaces and then PriorityClasses
/// come first (as `helm install` orders them), so a file may declare its namespace after the
/// objects that live in it. kubectl applies in file order and would fail such a file once.
public struct ScenarioLoader {
  private var input = LoadedInput()
  private var errors: [ScenarioDiagnostic] = []
  private var decoder = ManifestDecoder()
  /// Canonical paths of files being loaded (include cycle detection) and already loaded.
  private var stack: [String] = []
  private var loaded: Set<String> = []
  private var scenarioLocations: [SourceLocation] = []
  private var pendingObjects: [(APIObject, SourceLocation)] = []

  /// Loads `paths` (as given on the command line).
  /// - Returns: the input, or every error found.
  public static func load(_ paths: [String], requireScenario: Bool) -> Result<
    LoadedInput, ScenarioLoadError
  > {
    var loader = ScenarioLoader()
    for path in paths {
      loader.loadFile(path, from: nil)
    }
    return loader.finish(requireScenario: requireScenario, firstFile: paths.first ?? "")
  }

  private mutating func finish(requireScenario: Bool, firstFile: String) -> Result<
    LoadedInput, ScenarioLoadError
  > {
    if scenarioLocations.count > 1 {
      for location in scenarioLocations.dropFirst() {
        errors.append(
          ScenarioDiagnostic(
            at: location, path: "kind",
            "a second Scenario document (the first is at \(scenarioLocations[0])); a run has exactly one"
          ))
      }
    }
    if requireScenario, scenarioLocations.isEmpty, errors.isEmpty {
      errors.append(
        ScenarioDiagnostic(
          at: SourceLocation(file: firstFile, line: 0, column: 0),
          "no Scenario document (kind: Scenario, apiVersion: kubesim.io/v1alpha1) in the input"))
    }
    // Warnings for ignored fields, once per field (list indexes folded: `containers[*].env`)
    // and message, at the first place it occurs.
    var seen: Set<String> = []
    for warning in decoder.warnings {
      let path = Self.foldIndexes(warning.path)
      let key = path + "\u{0}" + warning.message
      if seen.insert(key).inserted {
        input.warnings.append(
          ScenarioDiagnostic(.warning, at: warning.location, path: path, warning.message))
      }
    }
    input.warnings += JobWarnings.check(pendingObjects)
    input.warnings += SchedulingWarnings.check(
      pendingObjects, configurations: input.schedulerConfigurations,
      policy: SchedulingWarnings.policy(in: input.scenario?.settings ?? []))
    let rank: (APIObject) -> Int = {
      switch $0.kind {
      case .namespace: return 0
      case .priorityClass: return 1
      default: return 2
      }
    }
    let ordered = pendingObjects.enumerated().sorted {
      (rank($0.element.0), $0.offset) < (rank($1.element.0), $1.offset)
    }
    input.objects = ordered.map(\.element.0)
    input.objectLocations = ordered.map(\.element.1)
    CSVUsageSeries.inline(&input.objects, input.objectLocations, &errors)
    if !errors.isEmpty { return .failure(ScenarioLoadError(errors)) }
    return .success(input)
  }

  private mutating func loadFile(_ path: String, from includeLocation: SourceLocation?) {
    let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    if stack.contains(canonical) {
      if let includeLocation {
        let chain = (stack + [canonical]).map { Self.relative($0) }.joined(separator: " → ")
        errors.append(
          ScenarioDiagnostic(at: includeLocation, path: "spec.include", "include cycle: \(chain)"))
      }
      return
    }
    if loaded.contains(canonical) { return }  // the same file named twice is read once
    loaded.insert(canonical)
    let text: String
    do {
      text = try SourceFileReader.read(path, from: includeLocation)
    } catch {
      var e = error
      if includeLocation != nil { e.path = "spec.include" }
      errors.append(e)
      return
    }
    input.files.append(path)
    let fileIndex = input.documentCounts.count
    input.documentCounts.append(0)
    let nodes: [YAMLNode]
    do {
      nodes = try YAMLParser.parseStream(text, file: path)
    } catch {
      errors.append(ScenarioDiagnostic(at: error.location, error.message))
      return
    }
    stack.append(canonical)
    defer { stack.removeLast() }
    for node in nodes {
      if case .scalar(let s) = node.content, s.value == .null { continue }
      input.documentCounts[fileIndex] += 1
      let document: DecodedDocument
      do {
        document = try decoder.decode(node)
      } catch {
        errors.append(ScenarioDiagnostic(at: error.location, path: error.path, error.message))
        continue
      }
      if case .nodePool = document {
        let problems = Validation.check(document, node: node)
        if !problems.isEmpty {
          errors += problems.map { ScenarioDiagnostic(at: $0.location, path: $0.path, $0.message) }
          continue
        }
      }
      if let issue = Self.schedulerConfigurationIssue(document, node) {
        errors.append(issue)
        continue
      }
      add(document, at: node.location, file: path)
    }
  }

  private mutating func add(_ document: DecodedDocument, at location: SourceLocation, file: String)
  {
    switch document {
    case .object(let object):
      pendingObjects.append((object, location))
    case .nodePool(let pool):
      input.nodePools.append(pool)
      for node in pool.expand() { pendingObjects.append((.node(node), location)) }
    case .image(let image):
      input.images.append(image)
    case .schedulerConfiguration(let configuration):
      input.schedulerConfigurations.append(configuration)
    case .list(let items):
      for item in items { add(item, at: location, file: file) }
    case .scenario(let node):
      scenarioLocations.append(location)
      var scenarioDecoder = ScenarioDecoder()
      let decoded = scenarioDecoder.decode(node)
      errors += scenarioDecoder.diagnostics
      guard var scenario = decoded, scenarioLocations.count == 1 else { return }
      for i in scenario.timeline.indices {
        scenario.timeline[i].manifests = manifests(for: scenario.timeline[i], scenarioFile: file)
      }
      input.scenario = scenario
      input.scenarioFile = file
      let base = URL(fileURLWithPath: file).deletingLastPathComponent()
      for include in scenario.includes {
        let resolved =
          include.path.hasPrefix("/")
          ? include.path : Self.join(base, include.path, relativeTo: file)
        loadFile(resolved, from: include.location)
      }
    }
  }

  /// The objects of an `apply -f`/`create -f` file, decoded now; errors are recorded.
  private mutating func manifests(for entry: TimelineEntry, scenarioFile: String) -> [APIObject] {
    guard case .kubectl(let command) = entry.action else { return [] }
    let path: String
    switch command {
    case .apply(let file), .create(let file): path = file
    default: return []
    }
    let resolved =
      path.hasPrefix("/")
      ? path : Self.join(URL(fileURLWithPath: scenarioFile), path, relativeTo: scenarioFile)
    let text: String
    do {
      text = try SourceFileReader.read(resolved, from: entry.location)
    } catch {
      errors.append(error)
      return []
    }
    var fileDecoder = ManifestDecoder()
    var objects: [APIObject] = []
    func collect(_ d: DecodedDocument, _ location: SourceLocation) {
      switch d {
      case .object(let o): objects.append(o)
      case .nodePool(let pool): objects += pool.expand().map { .node($0) }
      case .list(let items): for item in items { collect(item, location) }
      case .image, .schedulerConfiguration, .scenario:
        errors.append(
          ScenarioDiagnostic(
            at: location,
            "kubectl \(command.verb) -f takes Kubernetes objects and NodePools; this document is not one"
          ))
      }
    }
    do {
      for document in try fileDecoder.decodeStream(text, file: resolved) {
        collect(document, entry.location)
      }
    } catch {
      errors.append(ScenarioDiagnostic(at: error.location, path: error.path, error.message))
    }
    return objects
  }

  /// `dir/path` keeping the path relative when the including file's path was relative, so that
  /// messages name files as the user would.
  static func join(_ base: URL, _ path: String, relativeTo file: String) -> String {
    let directory = (file as NSString).deletingLastPathComponent
    if directory.isEmpty { return path }
    return (directory as NSString).appendingPathComponent(path)
  }

  /// `a[0].b[12]` → `a[*].b[*]`.
  static func foldIndexes(_ path: String) -> String {
    var out = ""
    var inIndex = false
    for c in path {
      if c == "[" {
        inIndex = true
        out += "[*]"
      } else if c == "]" {
        inIndex = false
      } else if !inIndex {
        out.append(c)
      }
    }
    return out
  }

  static func relative(_ canonical: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if canonical.hasPrefix(cwd + "/") { return String(canonical.dropFirst(cwd.count + 1)) }
    return canonical
  }
}

extension ScenarioLoader {
  /// A KubeSchedulerConfiguration the scheduler cannot build profiles from (unknown plugin,
  /// negative weight, weight on a non-Score plugin, unknown arg field, …), as a diagnostic at
  /// the offending field (`ProfileBuilder.build`).
  static func schedulerConfigurationIssue(_ document: DecodedDocument, _ node: YAMLNode)
    -> ScenarioDiagnostic?
  {
    guard case .schedulerConfiguration(let configuration) = document else { return nil }
    do {
      _ = try ProfileBuilder.build(configuration)
      return nil
    } catch {
      return ScenarioDiagnostic(
        at: node.locate(path: error.path).location, path: error.path, error.message)
    }
  }
}
