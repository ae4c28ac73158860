import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite struct CommandLineInterfaceTests {
  @Test func unknownOptionExits2WithSuggestion() {
    let r = CommandLineInterface.run(["run", "--sede", "42", "x.yaml"])
    #expect(r.code == .badInput)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "kubesim run: unknown option '--sede' (did you mean '--seed'?)\n"
        + "Run 'kubesim run --help' for usage.\n")
  }

  @Test func unknownCommandExits2WithSuggestion() {
    let r = CommandLineInterface.run(["valdate", "x.yaml"])
    #expect(r.code == .badInput)
    #expect(
      r.stderr
        == "kubesim: unknown command 'valdate' (did you mean 'validate'?)\n"
        + "Run 'kubesim --help' for the list of commands.\n")
  }

  @Test func noArgumentsPrintsOverviewAndExits2() {
    let r = CommandLineInterface.run([])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix("OVERVIEW: KubeSim"))
  }

  @Test func unknownBenchmarkExits2() {
    let r = CommandLineInterface.run(["bench", "nope"])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix("kubesim bench: unknown benchmark \"nope\"; available:\n  kernel: "))
  }

  @Test func overviewHelp() {
    let r = CommandLineInterface.run(["--help"])
    #expect(r.code == .success)
    #expect(Snapshot.mismatch(r.stdout, named: "overviewHelp") == nil)
  }

  @Test(arguments: ["run", "validate", "parse", "get", "explain", "bench"])
  func everyCommandHasHelp(_ name: String) {
    let r = CommandLineInterface.run([name, "--help"])
    #expect(r.code == .success)
    #expect(r.stderr == "")
    #expect(Snapshot.mismatch(r.stdout, named: "help-\(name)") == nil)
  }
}
