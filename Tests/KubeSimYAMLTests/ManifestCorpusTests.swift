import Foundation
import Testing

@testable import KubeSimYAML

/// Real manifests: kubectl's own output (Tests/Fixtures/kubectl) and the Kubernetes
/// documentation's examples (shared/reference/k8s-examples, skipped when absent).
@Suite("Kubernetes manifests parse")
struct ManifestCorpusTests {
  static var fixtures: URL { TestPaths.repoRoot.appendingPathComponent("Tests/Fixtures/kubectl") }

  @Test("every kubectl fixture parses into mappings with apiVersion and kind")
  func kubectlFixtures() throws {
    let files = TestPaths.yamlFiles(in: Self.fixtures)
    #expect(files.count >= 18)
    for file in files {
      let text = try #require(TestPaths.read(file))
      let docs = try YAMLParser.parseStream(text, file: file.lastPathComponent)
      #expect(!docs.isEmpty, "\(file.lastPathComponent)")
      for doc in docs {
        #expect(doc["apiVersion"]?.scalar != nil, "\(file.lastPathComponent)")
        #expect(doc["kind"]?.scalar != nil, "\(file.lastPathComponent)")
      }
    }
  }

  @Test("kubectl's deployment reads as kubectl wrote it")
  func deploymentValues() throws {
    let text = try #require(TestPaths.read(Self.fixtures.appendingPathComponent("deployment.yaml")))
    let doc = try document(text)
    #expect(doc["spec"]?["replicas"]?.scalar?.value == .int(3))
    #expect(doc["metadata"]?["creationTimestamp"]?.scalar?.value == .null)
    #expect(doc["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.scalar?.text != nil)
  }

  @Test(
    "every manifest of the Kubernetes documentation examples parses",
    .enabled(
      if: TestPaths.sharedReference("k8s-examples") != nil,
      "shared/reference/k8s-examples is not beside the clone"))
  func k8sExamples() throws {
    guard let dir = TestPaths.sharedReference("k8s-examples") else { return }
    let files = TestPaths.yamlFiles(in: dir)
    #expect(files.count > 50)
    var documents = 0
    for file in files {
      let text = try #require(TestPaths.read(file))
      do {
        documents += try YAMLParser.parseStream(text, file: file.lastPathComponent).count
      } catch {
        Issue.record("\(error)")
      }
    }
    print("k8s-examples: parsed \(files.count) files, \(documents) documents")
  }
}
