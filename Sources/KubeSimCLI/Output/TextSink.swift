#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes text: the process's stdout/stderr, or a buffer in tests.
public protocol TextSink: AnyObject {
  /// Appends `text` (no newline is added).
  func write(_ text: String)
}

/// A sink that keeps everything written to it, for in-process tests.
public final class BufferSink: TextSink {
  /// Everything written so far.
  public private(set) var text = ""
  /// Creates an empty value.
  public init() {}
  /// Appends `text`.
  public func write(_ text: String) { self.text += text }
}

/// A sink over a C stdio stream (`stdout`, `stderr`), buffered by stdio.
public final class StandardStreamSink: TextSink {
  private let fd: Int32

  /// A sink writing to file descriptor 1 (stdout) or 2 (stderr).
  public init(fileDescriptor: Int32) { self.fd = fileDescriptor }

  /// Appends `text`.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { return }
        let n = Glibc_write(fd, base + offset, buffer.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }

  /// Whether the descriptor is a terminal (`isatty`).
  public var isTerminal: Bool { isatty(fd) != 0 }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, p, n)
  #else
    return Darwin.write(fd, p, n)
  #endif
}
