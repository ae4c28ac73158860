/// A position in an input file: the file name as given, a 1-based line and a 1-based column.
///
/// Every YAML node carries one so that every error KubeSim reports can say
/// `file:line:col`. Columns count Unicode scalars, as editors do for ASCII-indented YAML.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file name as the user gave it (not made absolute, so messages match the command line).
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column number.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:col`, the form compilers and editors understand.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}
