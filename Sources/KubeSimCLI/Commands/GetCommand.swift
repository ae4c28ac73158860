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
      KIND is a kubectl resource name (pods, po, nodes, deployments, deploy, …) or KIND/NAME.
      NAME is optional: an argument that names an existing file is taken as a FILE.
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
    guard let kind = ScenarioKinds.resolve(kindText) else {
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
    guard let runner = RunCommand.prepare(parsed, options: &options, context, quiet: true) else {
      return .badInput
    }
    _ = runner.run()
    let api = runner.world.api
    let allNamespaces = arguments.flag("all-namespaces")
    let namespace = kind.isNamespaced ? (arguments.value("namespace") ?? "default") : nil
    var objects = api.list(kind).filter {
      !kind.isNamespaced || allNamespaces || $0.metadata.namespace == namespace
    }
    if let name {
      objects = objects.filter { $0.metadata.name == name }
      if objects.isEmpty {
        let resource = kind.group.isEmpty ? kind.plural : kind.plural + "." + kind.group
        context.err("Error from server (NotFound): \(resource) \"\(name)\" not found")
        return .badInput
      }
    }
    if format == "json" {
      let items = objects.map { ObjectJSONRenderer.render($0, runner) }
      if name != nil, let only = items.first {
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
    if objects.isEmpty {
      let where_ =
        kind.isNamespaced && !allNamespaces ? " in \(namespace ?? "default") namespace" : ""
      context.err("No resources found\(where_).")
      return .success
    }
    let printer = ResourcePrinter(
      now: runner.world.now, wide: format == "wide",
      showNamespace: kind.isNamespaced && allNamespaces)
    context.stdout.write(printer.table(kind, objects).text)
    return .success
  }
}

/// Bridges to the scenario layer's JSON form of objects.
enum ObjectJSONRenderer {
  static func render(_ object: APIObject, _ runner: ScenarioRunner) -> JSONValue {
    runner.objectJSON(object)
  }
}
