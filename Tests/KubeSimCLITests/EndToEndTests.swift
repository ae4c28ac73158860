import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// Issue 2 "Must show": hello-cluster end to end, and byte-identical outputs across runs,
/// processes and hash seeds.
@Suite(.serialized) struct EndToEndTests {
  static let root = RepositoryPaths.root().path
  static let hello = root + "/Scenarios/hello-cluster.yaml"
  static let outputs = ["events.jsonl", "placements.csv", "summary.json", "summary.md"]

  @Test func helloClusterRunsEndToEnd() throws {
    let dir = TemporaryDirectory("e2e")
    defer { dir.remove() }
    let r = CommandLineInterface.run(["run", Self.hello, "--out", dir.path])
    #expect(r.code == .success, "\(r.stdout)\n\(r.stderr)")
    #expect(r.stdout.contains("expectations: 4 passed, 0 failed"))
    let events = try #require(dir.read("events.jsonl"))
    let placements = try #require(dir.read("placements.csv"))
    let pods = placements.split(separator: "\n").dropFirst().map {
      String($0.split(separator: ",")[1])
    }
    #expect(pods.count == 3)
    for pod in pods {
      for reason in ["Scheduled", "Pulling", "Pulled", "Started"] {
        let found = events.split(separator: "\n").contains {
          $0.contains("\"reason\":\"\(reason)\"") && $0.contains("\"object\":\"Pod/\(pod)\"")
        }
        #expect(found, "no \(reason) event for \(pod)")
      }
    }
    // One pod per node.
    let nodes = placements.split(separator: "\n").dropFirst().map {
      String($0.split(separator: ",")[2])
    }
    #expect(nodes.sorted() == ["worker-1", "worker-2", "worker-3"])
  }

  @Test func twoRunsAreByteIdentical() throws {
    let a = TemporaryDirectory("det-a")
    let b = TemporaryDirectory("det-b")
    defer {
      a.remove()
      b.remove()
    }
    for scenario in RepositoryPaths.files(under: "Scenarios", suffix: ".yaml") {
      let ra = CommandLineInterface.run(["run", Self.root + "/" + scenario, "--out", a.path])
      let rb = CommandLineInterface.run(["run", Self.root + "/" + scenario, "--out", b.path])
      #expect(ra.stdout == rb.stdout, "\(scenario): stdout differs")
      for name in Self.outputs {
        let x = try #require(a.read(name))
        let y = try #require(b.read(name))
        #expect(Snapshot.lineDiff(expected: x, actual: y) == nil, "\(scenario): \(name) differs")
      }
    }
  }

  /// The built binary, run as a subprocess with SWIFT_DETERMINISTIC_HASHING=1, writes the same
  /// bytes as an in-process run (a leak of hash order would show here: STYLE.md P1/P2).
  @Test func subprocessWithDeterministicHashingGivesTheSameBytes() throws {
    // Next to the test bundle (.build/debug or .build/release), else the debug build.
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .deletingLastPathComponent().path
    let candidates = [bundleDirectory + "/kubesim", Self.root + "/.build/debug/kubesim"]
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      print("skipped: no kubesim binary at \(candidates) (run `swift build --product kubesim`)")
      return
    }
    let inProcess = TemporaryDirectory("det-in")
    let subprocess = TemporaryDirectory("det-sub")
    defer {
      inProcess.remove()
      subprocess.remove()
    }
    let r = CommandLineInterface.run(["run", Self.hello, "--quiet", "--out", inProcess.path])
    #expect(r.code == .success)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["run", Self.hello, "--quiet", "--out", subprocess.path]
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_DETERMINISTIC_HASHING"] = "1"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    for name in Self.outputs {
      let x = try #require(inProcess.read(name))
      let y = try #require(subprocess.read(name))
      #expect(Snapshot.lineDiff(expected: x, actual: y) == nil, "\(name) differs")
    }
  }

  /// The whole output a student sees for hello-cluster (re-record with
  /// KUBESIM_RECORD_SNAPSHOTS=1 when a model change is intended).
  @Test func helloClusterOutputSnapshot() {
    // Paths are absolute here; the snapshot shows them relative to the repository.
    let relative = { (text: String) in text.replacingOccurrences(of: Self.root + "/", with: "") }
    let dir = TemporaryDirectory("snap")
    defer { dir.remove() }
    let r = CommandLineInterface.run(["run", Self.hello, "--out", dir.path])
    #expect(r.code == .success)
    #expect(Snapshot.mismatch(relative(r.stdout), named: "run-hello-cluster") == nil)
    for name in ["summary.json", "summary.md", "placements.csv"] {
      let text = relative(dir.read(name) ?? "")
      #expect(Snapshot.mismatch(text, named: "hello-cluster-" + name) == nil)
    }
    let get = CommandLineInterface.run(["get", "pods", "--at", "1m", Self.hello, "-o", "wide"])
    #expect(Snapshot.mismatch(relative(get.stdout), named: "get-pods-hello-cluster") == nil)
  }

  @Test func getShowsTheClusterAtATime() {
    let r = CommandLineInterface.run(["get", "pods", "--at", "1m", Self.hello, "-o", "wide"])
    #expect(r.code == .success, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("NAME ") == true)
    #expect(lines.first?.contains("READY   STATUS    RESTARTS   AGE   IP       NODE") == true)
    #expect(lines.count == 4)
    #expect(lines.dropFirst().allSatisfy { $0.contains("1/1     Running   0          59s") })
    let several = CommandLineInterface.run(["get", "deploy,rs", Self.hello])
    #expect(several.code == .success)
    #expect(several.stdout.hasPrefix("""
      NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
      deployment.apps/web   3/3     3            3           2m

      NAME                             DESIRED   CURRENT   READY   AGE
      replicaset.apps/web-
      """))
    // Plain manifests: no nodes, so the pods stay Pending.
    let plain = CommandLineInterface.run(
      ["get", "pods", "--at", "1m", Self.root + "/Tests/Fixtures/kubectl/deployment.yaml"])
    #expect(plain.code == .success, "\(plain.stderr)")
    let plainRows = plain.stdout.split(separator: "\n").dropFirst()
    #expect(plainRows.count == 3)
    #expect(plainRows.allSatisfy { $0.hasSuffix("0/1     Pending   0          59s") })
    let missing = CommandLineInterface.run(["get", "deploy", "api", Self.hello])
    #expect(missing.code == .badInput)
    #expect(missing.stderr == "Error from server (NotFound): deployments.apps \"api\" not found\n")
    let unknown = CommandLineInterface.run(["get", "widgets", Self.hello])
    #expect(unknown.code == .badInput)
    #expect(unknown.stderr == "kubesim get: the server doesn't have a resource type \"widgets\"\n")
    let nodes = CommandLineInterface.run(["get", "nodes", "--at", "90s", Self.hello])
    let rows = nodes.stdout.split(separator: "\n")
    #expect(rows.count == 4)
    #expect(rows.dropFirst().map { String($0.prefix(8)) } == ["worker-1", "worker-2", "worker-3"])
    #expect(rows.dropFirst().allSatisfy { $0.contains("   <none>   90s") })
  }
}
