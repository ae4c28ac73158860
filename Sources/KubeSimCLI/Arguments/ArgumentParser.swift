/// Parses one command's arguments against its `CommandSpec`.
///
/// Accepted forms: `--name value`, `--name=value`, `-o value`, `-o=value`, `-ovalue`, flags
/// `--quiet`, positionals anywhere, and `--` after which everything is positional. `--help`/`-h`
/// anywhere requests help (and suppresses other errors). Unknown options are errors with a
/// suggestion when a known option is within edit distance 2 (as git and swift-argument-parser do).
public struct ArgumentParser: Sendable {
  /// The command this parser reads arguments for.
  public var spec: CommandSpec

  /// Creates a value with the given parts.
  public init(_ spec: CommandSpec) { self.spec = spec }

  /// Parses `arguments` (without the program and command names).
  /// - Throws: `UsageError` for unknown options, missing values, values given to flags,
  ///   repeated non-repeatable options, and too few or too many positionals.
  public func parse(_ arguments: [String]) throws -> ParsedArguments {
    var result = ParsedArguments()
    if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
      result.helpRequested = true
      return result
    }
    var i = 0
    var onlyPositionals = false
    while i < arguments.count {
      let arg = arguments[i]
      i += 1
      if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
        result.positionals.append(arg)
        continue
      }
      if arg == "--" {
        onlyPositionals = true
        continue
      }
      let option: OptionSpec
      var inlineValue: String?
      if arg.hasPrefix("--") {
        let body = arg.dropFirst(2)
        let name: String
        if let eq = body.firstIndex(of: "=") {
          name = String(body[..<eq])
          inlineValue = String(body[body.index(after: eq)...])
        } else {
          name = String(body)
        }
        guard let found = spec.options.first(where: { $0.name == name }) else {
          throw unknownOption("--" + name)
        }
        option = found
      } else {
        let body = arg.dropFirst()
        guard let letter = body.first,
          let found = spec.options.first(where: { $0.short == letter })
        else {
          throw unknownOption(String(arg.prefix(2)))
        }
        option = found
        let rest = body.dropFirst()
        if !rest.isEmpty {
          guard option.valueName != nil else { throw unknownOption(arg) }
          inlineValue = rest.hasPrefix("=") ? String(rest.dropFirst()) : String(rest)
        }
      }
      let shown = "--\(option.name)"
      guard option.valueName != nil else {
        if inlineValue != nil {
          throw UsageError(command: spec.name, "option '\(shown)' takes no value")
        }
        result.flags.insert(option.name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard i < arguments.count else {
          throw UsageError(command: spec.name, "option '\(shown)' needs a value")
        }
        value = arguments[i]
        i += 1
      }
      if !option.repeatable, result.values[option.name] != nil {
        throw UsageError(command: spec.name, "option '\(shown)' given more than once")
      }
      result.values[option.name, default: []].append(value)
    }
    if result.positionals.count < spec.minPositionals {
      let what =
        spec.minPositionals == 1
        ? "a \(spec.positionalName)" : "\(spec.minPositionals) \(spec.positionalName) arguments"
      throw UsageError(command: spec.name, "missing \(what) (usage: kubesim \(spec.usage))")
    }
    if let max = spec.maxPositionals, result.positionals.count > max {
      let extra = result.positionals[max]
      throw UsageError(
        command: spec.name, "unexpected argument '\(extra)' (usage: kubesim \(spec.usage))")
    }
    return result
  }

  private func unknownOption(_ text: String) -> UsageError {
    var message = "unknown option '\(text)'"
    let candidates = spec.options.map { "--" + $0.name } + ["--help"]
    if let suggestion = Self.closest(to: text, among: candidates) {
      message += " (did you mean '\(suggestion)'?)"
    }
    return UsageError(command: spec.name, message)
  }

  /// The candidate nearest to `word` by edit distance, if within 2 (first in list order on ties).
  static func closest(to word: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
      let d = editDistance(word, candidate)
      if d <= 2, d < (best?.1 ?? Int.max) { best = (candidate, d) }
    }
    return best?.0
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}
