import Foundation
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimYAML

/// `kubesim get KIND [NAME] --at T FILE… [-o wide|json]`.
enum GetCommand {
  static let spec = CommandSpec(
    name: "get", abstract: "Show the cluster as kubectl get would at simulated time T.",
    usage: "get KIND [NAME] --at T FILE… [-o wide|json]",
    options: [
      .option("at", value: "T", help: "Simulated time, e.g. 2m30s (default: the scenario's end)."),
      .option("output", short: "o", value: "FORMAT", help: "wide or json."),
      .option("namespace", short: "n", value: "NS", help: "Namespace (default: default)."),
      .flag("all-namespaces", short: "A", help: "Objects of every namespace."),
      .option("seed", value: "N", help: "Seed (overrides spec.seed)."),
    ],
    positionalName: "ARG", minPositionals: 2,
    discussion: """
      KIND is a kubectl resource name (pods, po, nodes, deployments, deploy, …), a comma list
      (deploy,rs,pods) or KIND/NAME.
      NAME is optional: an argument that names an existing file is taken as a FILE.
      Plain manifests (no Scenario document) work too: seed 0, default settings, and without
      --at the cluster once nothing is pending any more.
      Example: kubesim get pods --at 1m Scenarios/hello-cluster.yaml -o wide
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    var positionals = arguments.positionals
    var kindText = positionals.removeFirst()
    var name: String?
    if let slash = kindText.firstIndex(of: "/") {
      name = String(kindText[kindText.index(after: slash)...])
      kindText = String(kindText[..<slash])
    } else if let first = positionals.first, !FileManager.default.fileExists(atPath: first) {
      name = positionals.removeFirst()
    }
    var kinds: [ObjectKind] = []
    for text in kindText.split(separator: ",").map(String.init) {
      guard let kind = ScenarioKinds.resolve(text) else {
        context.err("kubesim get: the server doesn't have a resource type \"\(text)\"")
        return .badInput
      }
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    if kinds.isEmpty {
      context.err("kubesim get: the server doesn't have a resource type \"\(kindText)\"")
      return .badInput
    }
    guard !positionals.isEmpty else {
      context.err(
        UsageError(command: "get", "missing a FILE (usage: kubesim \(spec.usage))").description)
      return .badInput
    }
    let format = arguments.value("output") ?? ""
    guard ["", "wide", "json"].contains(format) else {
      context.err(
        UsageError(command: "get", "-o: expected wide or json, found '\(format)'").description)
      return .badInput
    }
    var options = RunOptions()
    do throws(UsageError) {
      options.seed = try RunCommand.seed(arguments, command: "get")
      options.until = try RunCommand.duration(arguments.value("at"), option: "at", command: "get")
    } catch {
      context.err(error.description)
      return .badInput
    }
    var parsed = arguments
    parsed.positionals = positionals
    guard
      let runner = RunCommand.prepare(
        parsed, options: &options, context, quiet: true, requireScenario: false)
    else {
      return .badInput
    }
    _ = runner.run()
    let api = runner.world.api
    let allNamespaces = arguments.flag("all-namespaces")
    let requested = arguments.value("namespace") ?? "default"
    var found: [(ObjectKind, [APIObject])] = []
    for kind in kinds {
      var objects = api.list(kind).filter {
        !kind.isNamespaced || allNamespaces || $0.metadata.namespace == requested
      }
      if let name {
        objects = objects.filter { $0.metadata.name == name }
        if objects.isEmpty {
          let resource = kind.group.isEmpty ? kind.plural : kind.plural + "." + kind.group
          context.err("Error from server (NotFound): \(resource) \"\(name)\" not found")
          return .badInput
        }
      }
      found.append((kind, objects))
    }
    if format == "json" {
      let items = found.flatMap { $0.1 }.map { ObjectJSONRenderer.render($0, runner) }
      if name != nil, items.count == 1, let only = items.first {
        context.stdout.write(JSONPrettyPrinter.format(only))
      } else {
        let list = JSONValue.object([
          ("apiVersion", .string("v1")), ("items", .array(items)), ("kind", .string("List")),
          ("metadata", .object([("resourceVersion", .string(""))])),
        ])
        context.stdout.write(JSONPrettyPrinter.format(list))
      }
      return .success
    }
    if found.allSatisfy({ $0.1.isEmpty }) {
      let namespaced = kinds.contains(where: \.isNamespaced)
      let where_ = namespaced && !allNamespaces ? " in \(requested) namespace" : ""
      context.err("No resources found\(where_).")
      return .success
    }
    // Several kinds: one table each, names as TYPE[.GROUP]/NAME, a blank line between (kubectl).
    var tables: [String] = []
    for (kind, objects) in found where !objects.isEmpty {
      let printer = ResourcePrinter(
        now: runner.world.now, wide: format == "wide",
        showNamespace: kind.isNamespaced && allNamespaces,
        namePrefix: kinds.count > 1
          ? kind.name.lowercased() + (kind.group.isEmpty ? "" : "." + kind.group) + "/" : "")
      tables.append(printer.table(kind, objects).text)
    }
    context.stdout.write(tables.joined(separator: "\n"))
    return .success
  }
}

/// Bridges to the scenario layer's JSON form of objects.
enum ObjectJSONRenderer {
  static func render(_ object: APIObject, _ runner: ScenarioRunner) -> JSONValue {
    runner.objectJSON(object)
  }
}
