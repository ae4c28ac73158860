import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite struct ArgumentParserTests {
  let spec = CommandSpec(
    name: "run", abstract: "Run.", usage: "run FILE… [--seed N]",
    options: [
      .option("seed", value: "N", help: "Seed."),
      .option("output", short: "o", value: "FORMAT", help: "Format."),
      .option("profile", value: "P", repeatable: true, help: "Profile."),
      .flag("quiet", short: "q", help: "Quiet."),
    ],
    minPositionals: 1)

  @Test func acceptsEveryOptionForm() throws {
    let p = try ArgumentParser(spec).parse(
      ["a.yaml", "--seed", "42", "-owide", "--profile=x", "--profile", "y", "-q", "--", "--b"])
    #expect(p.value("seed") == "42")
    #expect(p.value("output") == "wide")
    #expect(p.allValues("profile") == ["x", "y"])
    #expect(p.flag("quiet"))
    #expect(p.positionals == ["a.yaml", "--b"])
    #expect(
      try ArgumentParser(spec).parse(["--seed=7", "-o", "json", "f"]).value("output") == "json")
    #expect(try ArgumentParser(spec).parse(["-o=json", "f"]).value("output") == "json")
  }

  @Test(arguments: [
    (["--sede", "3", "f"], "kubesim run: unknown option '--sede' (did you mean '--seed'?)"),
    (["--zzzzzz", "f"], "kubesim run: unknown option '--zzzzzz'"),
    (["-x", "f"], "kubesim run: unknown option '-x'"),
    (["f", "--seed"], "kubesim run: option '--seed' needs a value"),
    (["f", "--quiet=yes"], "kubesim run: option '--quiet' takes no value"),
    (["f", "--seed", "1", "--seed", "2"], "kubesim run: option '--seed' given more than once"),
    ([], "kubesim run: missing a FILE (usage: kubesim run FILE… [--seed N])"),
  ])
  func rejectsBadArguments(_ arguments: [String], _ message: String) {
    #expect(throws: UsageError(command: "run", String(message.dropFirst("kubesim run: ".count)))) {
      try ArgumentParser(spec).parse(arguments)
    }
  }

  @Test func helpWinsOverErrors() throws {
    #expect(try ArgumentParser(spec).parse(["--sede", "-h"]).helpRequested)
  }

  @Test func suggestsByEditDistance() {
    #expect(ArgumentParser.editDistance("kitten", "sitting") == 3)
    #expect(ArgumentParser.closest(to: "--untill", among: ["--until", "--out"]) == "--until")
  }
}
