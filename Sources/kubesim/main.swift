import KubeSimCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let stderrSink = StandardStreamSink(fileDescriptor: 2)
let context = CommandContext(
  stdout: StandardStreamSink(fileDescriptor: 1), stderr: stderrSink,
  stderrIsTerminal: stderrSink.isTerminal)
exit(
  CommandLineInterface.main(arguments: Array(CommandLine.arguments.dropFirst()), context: context)
    .rawValue)
