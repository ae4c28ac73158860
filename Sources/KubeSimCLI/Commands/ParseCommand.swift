import KubeSimScenario
import KubeSimYAML

/// `kubesim parse FILE`: each YAML document as one line of JSON, as KubeSim read it.
enum ParseCommand {
  static let spec = CommandSpec(
    name: "parse", abstract: "Print each YAML document of a file as one line of JSON.",
    usage: "parse FILE", minPositionals: 1, maxPositionals: 1,
    discussion: "Plain scalars resolve as Kubernetes' YAML reader resolves them (yes/on are true).")

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    let path = arguments.positionals[0]
    do {
      let text = try SourceFileReader.read(path)
      let documents = try YAMLParser.parseStream(text, file: path)
      var out = ""
      for document in documents {
        document.toJSON().write(to: &out)
        out += "\n"
      }
      context.stdout.write(out)
      return .success
    } catch let error as ScenarioDiagnostic {
      context.err(error.description)
    } catch let error as YAMLError {
      context.err(error.description)
    } catch {
      context.err("\(path): \(error)")
    }
    return .badInput
  }
}
