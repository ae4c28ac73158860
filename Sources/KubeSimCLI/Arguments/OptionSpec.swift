/// One option a command accepts: `--seed 42`, `--seed=42`, `-o wide`, or a flag such as `--quiet`.
///
/// Modelled on swift-argument-parser's `@Option`/`@Flag`, without property wrappers: a command
/// lists its options as values, and the parser returns what it found in `ParsedArguments`.
public struct OptionSpec: Sendable, Equatable {
  /// The long name without dashes (`seed` for `--seed`).
  public var name: String
  /// A one-letter short name without the dash (`o` for `-o`), if any.
  public var short: Character?
  /// The name of the value in usage text (`N`, `DIR`); nil for a flag that takes no value.
  public var valueName: String?
  /// Whether the option may be given more than once (values accumulate in order).
  public var repeatable: Bool
  /// One line of help text.
  public var help: String

  /// An option that takes a value.
  public static func option(
    _ name: String, short: Character? = nil, value: String, repeatable: Bool = false,
    help: String
  ) -> OptionSpec {
    OptionSpec(name: name, short: short, valueName: value, repeatable: repeatable, help: help)
  }

  /// A flag: present or absent.
  public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
    OptionSpec(name: name, short: short, valueName: nil, repeatable: false, help: help)
  }

  /// `-o, --output FORMAT` as shown in help text.
  var synopsis: String {
    var s = ""
    if let short { s += "-\(short), " }
    s += "--\(name)"
    if let valueName { s += " \(valueName)" }
    return s
  }
}
