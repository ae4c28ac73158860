/// Splits a command line into words as a POSIX shell would, without expansions.
///
/// Supports single quotes (literal), double quotes (with `\"`, `\\`, `\$` and `` \` `` escapes)
/// and backslash escapes outside quotes, so that
/// `label pod web 'note=two words'` gives `["label", "pod", "web", "note=two words"]`.
/// Follows POSIX.1-2017 XCU 2.2 "Quoting"; no variables, globs or command substitution.
public enum ShellWords {
  /// The words of `line`.
  /// - Throws: `KubectlError` for an unterminated quote or a trailing backslash.
  public static func split(_ line: String) throws -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var inWord = false
    var iterator = Array(line.unicodeScalars)
    var i = 0
    func fail(_ message: String) -> KubectlError { KubectlError(message) }
    while i < iterator.count {
      let c = iterator[i]
      i += 1
      switch c {
      case " ", "\t", "\n", "\r":
        if inWord {
          words.append(String(current))
          current = String.UnicodeScalarView()
          inWord = false
        }
      case "'":
        inWord = true
        guard let end = iterator[i...].firstIndex(of: "'") else {
          throw fail("unterminated single quote in the command line")
        }
        current.append(contentsOf: iterator[i..<end])
        i = end + 1
      case "\"":
        inWord = true
        var closed = false
        while i < iterator.count {
          let d = iterator[i]
          i += 1
          if d == "\"" {
            closed = true
            break
          }
          if d == "\\", i < iterator.count, ["\"", "\\", "$", "`"].contains(iterator[i]) {
            current.append(iterator[i])
            i += 1
          } else {
            current.append(d)
          }
        }
        if !closed { throw fail("unterminated double quote in the command line") }
      case "\\":
        guard i < iterator.count else { throw fail("trailing backslash in the command line") }
        inWord = true
        current.append(iterator[i])
        i += 1
      default:
        inWord = true
        current.append(c)
      }
    }
    if inWord { words.append(String(current)) }
    iterator.removeAll()
    return words
  }
}
