import Foundation
import KubeSimYAML

/// Reads input files as UTF-8 text, reporting unreadable and non-UTF-8 files with a position.
public enum SourceFileReader {
  /// The text of `path`.
  /// - Parameter location: where the file was named (an `include:` entry), for messages; nil for
  ///   files named on the command line.
  /// - Throws: `ScenarioDiagnostic` when the file is missing, unreadable or not UTF-8 (the
  ///   position of the first invalid byte is given).
  public static func read(_ path: String, from location: SourceLocation? = nil)
    throws(ScenarioDiagnostic)
    -> String
  {
    var isDirectory: ObjCBool = false
    let here = location ?? SourceLocation(file: path, line: 0, column: 0)
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ScenarioDiagnostic(
        at: here,
        location == nil ? "cannot read: no such file" : "cannot read \(path): no such file")
    }
    if isDirectory.boolValue {
      throw ScenarioDiagnostic(
        at: here, "cannot read \(path): it is a directory, expected a YAML file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ScenarioDiagnostic(at: here, "cannot read \(path): permission denied or I/O error")
    }
    let bytes = [UInt8](data)
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    throw ScenarioDiagnostic(
      at: firstInvalidPosition(bytes, file: path),
      "the file is not UTF-8 text (KubeSim reads YAML as UTF-8, as Kubernetes does)")
  }

  /// The line and column of the first byte that is not part of valid UTF-8.
  static func firstInvalidPosition(_ bytes: [UInt8], file: String) -> SourceLocation {
    var line = 1
    var column = 1
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return SourceLocation(file: file, line: line, column: column)
      }
      guard i + length <= bytes.count,
        String(validating: bytes[i..<i + length], as: UTF8.self) != nil
      else {
        return SourceLocation(file: file, line: line, column: column)
      }
      if b == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += length
    }
    return SourceLocation(file: file, line: line, column: column)
  }
}
