/// The result of parsing one command's arguments: option values, flags, and positionals.
public struct ParsedArguments: Sendable, Equatable {
  /// Option values by long name, in command-line order.
  public var values: [String: [String]] = [:]
  /// Long names of the flags that were given.
  public var flags: Set<String> = []
  /// Positional arguments in order.
  public var positionals: [String] = []
  /// Whether `--help`/`-h` was given.
  public var helpRequested = false

  /// Creates an empty value.
  public init() {}

  /// The last value of option `name`, if given.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// All values of a repeatable option, in order.
  public func allValues(_ name: String) -> [String] { values[name] ?? [] }

  /// Whether flag `name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }
}
