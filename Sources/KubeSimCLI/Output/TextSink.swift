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

/// A sink over a file descriptor (1 = stdout, 2 = stderr).
///
/// Buffered sinks collect up to 64 KiB before writing (a long run prints one line per event);
/// call `flush()` before the process exits. Unbuffered sinks write at once (stderr: errors and
/// the progress line must show immediately).
public final class StandardStreamSink: TextSink {
  private let fd: Int32
  private let buffered: Bool
  private var buffer: [UInt8] = []
  private static let capacity = 64 * 1024

  /// A sink writing to `fileDescriptor`.
  public init(fileDescriptor: Int32, buffered: Bool = false) {
    self.fd = fileDescriptor
    self.buffered = buffered
    if buffered { buffer.reserveCapacity(Self.capacity) }
  }

  /// Writes `text` (buffered or at once).
  public func write(_ text: String) {
    if buffered {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= Self.capacity { flush() }
    } else {
      var bytes = Array(text.utf8)
      writeAll(&bytes)
    }
  }

  /// Writes out what is buffered.
  public func flush() {
    guard !buffer.isEmpty else { return }
    writeAll(&buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var offset = 0
      while offset < p.count {
        let n = Glibc_write(fd, base + offset, p.count - offset)
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
