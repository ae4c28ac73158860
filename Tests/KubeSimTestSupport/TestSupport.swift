import Foundation

/// Paths of the repository, found from a test file's `#filePath`.
public enum RepositoryPaths {
  /// The repository root: the nearest ancestor of `filePath` that holds Package.swift.
  public static func root(from filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  /// Files with `suffix` under `directory`, recursively, as paths relative to the repository
  /// root, sorted byte-wise (directory listings have no stable order: STYLE.md P10).
  public static func files(
    under directory: String, suffix: String, from filePath: String = #filePath
  )
    -> [String]
  {
    let root = root(from: filePath)
    let base = root.appendingPathComponent(directory)
    guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
    var found: [String] = []
    while let item = walker.nextObject() as? String {
      if item.hasSuffix(suffix) { found.append(directory + "/" + item) }
    }
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}

/// A temporary directory removed by `remove()`; names come from a counter and the process id,
/// never from randomness.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL
  public var path: String { url.path }
  nonisolated(unsafe) private static var counter = 0
  private static let lock = NSLock()

  public init(_ label: String = "kubesim") {
    Self.lock.lock()
    Self.counter += 1
    let n = Self.counter
    Self.lock.unlock()
    url = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(n)")
    try? FileManager.default.removeItem(at: url)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    let file = url.appendingPathComponent(name)
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// The contents of `name` inside the directory, or nil.
  public func read(_ name: String) -> String? {
    try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
  }

  public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Writes raw bytes (for non-UTF-8 inputs).
public enum FileBytes {
  public static func write(_ bytes: [UInt8], to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  }
}
