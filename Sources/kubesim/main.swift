#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import KubeSimCLI

// Buffer stdout unless a person watches it (a long run prints one line per event).
let stdoutSink = StandardStreamSink(fileDescriptor: 1, buffered: isatty(1) == 0)
let stderrSink = StandardStreamSink(fileDescriptor: 2)
let context = CommandContext(
  stdout: stdoutSink, stderr: stderrSink, stderrIsTerminal: stderrSink.isTerminal)
let code = CommandLineInterface.main(
  arguments: Array(CommandLine.arguments.dropFirst()), context: context)
stdoutSink.flush()
exit(code.rawValue)
