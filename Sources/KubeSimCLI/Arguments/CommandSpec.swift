/// What a command accepts and how it describes itself in `--help`.
public struct CommandSpec: Sendable {
  /// The subcommand name (`run`).
  public var name: String
  /// One line saying what the command does.
  public var abstract: String
  /// The usage line after `kubesim ` (`run FILE… [--seed N] [--until T] [--out DIR]`).
  public var usage: String
  /// The options, in the order help lists them (`--help` is implicit).
  public var options: [OptionSpec]
  /// The name of the positional arguments in messages (`FILE`).
  public var positionalName: String
  /// Minimum and maximum number of positional arguments (nil: unbounded).
  public var minPositionals: Int
  /// Maximum number of positional arguments; nil means unbounded.
  public var maxPositionals: Int?
  /// More lines of help after the option list (examples, notes).
  public var discussion: String

  /// Creates a value with the given parts.
  public init(
    name: String, abstract: String, usage: String, options: [OptionSpec] = [],
    positionalName: String = "FILE", minPositionals: Int = 0, maxPositionals: Int? = nil,
    discussion: String = ""
  ) {
    self.name = name
    self.abstract = abstract
    self.usage = usage
    self.options = options
    self.positionalName = positionalName
    self.minPositionals = minPositionals
    self.maxPositionals = maxPositionals
    self.discussion = discussion
  }

  /// The text `kubesim NAME --help` prints.
  public var helpText: String {
    var lines = ["OVERVIEW: \(abstract)", "", "USAGE: kubesim \(usage)", ""]
    lines.append("OPTIONS:")
    let all = options + [.flag("help", short: "h", help: "Show help for this command.")]
    let width = all.map { $0.synopsis.count }.max() ?? 0
    for option in all {
      let pad = String(repeating: " ", count: width - option.synopsis.count)
      lines.append("  \(option.synopsis)\(pad)   \(option.help)")
    }
    if !discussion.isEmpty {
      lines.append("")
      lines.append(discussion)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
