import Foundation
import KubeSimModel
import KubeSimYAML
import Testing

@Suite struct ManifestDecoderTests {
  @Test(
    .enabled(
      if: !ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory).isEmpty,
      "../shared/reference/k8s-examples is absent (fresh clone): skipped"))
  func everyKubernetesDocsExampleDecodesExceptWhatAnAPIServerRejects() throws {
    // What a current API server with kubectl's default strict field validation also rejects:
    // the removed batch/v1beta1 CronJob, and `gRPC` (the field is `grpc`; strict decoding in
    // sigs.k8s.io/json is case-sensitive).
    let rejected = [
      "application__job__cronjob.yaml":
        "application__job__cronjob.yaml:1:13: apiVersion: no matches for kind \"CronJob\" in "
        + "version \"batch/v1beta1\": batch/v1beta1 CronJob was removed in Kubernetes v1.25; "
        + "use apiVersion batch/v1",
      "pods__probe__grpc-liveness.yaml":
        "pods__probe__grpc-liveness.yaml:13:7: spec.containers[0].livenessProbe.gRPC: unknown "
        + "field \"gRPC\"; did you mean \"grpc\"?",
    ]
    let files = ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory)
    var decodedCount = 0
    for url in files {
      var decoder = ManifestDecoder()
      let name = url.lastPathComponent
      do {
        let docs = try decoder.decodeStream(ManifestFiles.read(url), file: name)
        decodedCount += docs.count
        #expect(rejected[name] == nil, "\(name) must be rejected")
      } catch {
        if let expected = rejected[name] {
          #expect(error.description == expected)
        } else {
          Issue.record("\(error)")
        }
      }
    }
    #expect(decodedCount >= 70)
  }

  @Test func everyKubectlFixtureDecodes() throws {
    let files = ManifestFiles.yamlFiles(in: ManifestFiles.kubectlDirectory)
    try #require(files.count >= 10)
    for url in files {
      var decoder = ManifestDecoder()
      do {
        let docs = try decoder.decodeStream(ManifestFiles.read(url), file: url.lastPathComponent)
        #expect(!docs.isEmpty)
      } catch {
        Issue.record("\(error)")
      }
    }
  }
}

@Suite struct ValidationOfReferenceManifestsTests {
  /// Every document that decodes must also pass defaulting + validation: these are manifests a
  /// real API server accepts.
  @Test func kubectlFixturesAndDocsExamplesValidate() throws {
    let files =
      ManifestFiles.yamlFiles(in: ManifestFiles.kubectlDirectory)
      + ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory)
    var checked = 0
    for url in files {
      let name = url.lastPathComponent
      guard let nodes = try? YAMLParser.parseStream(ManifestFiles.read(url), file: name) else {
        continue
      }
      var decoder = ManifestDecoder()
      for node in nodes {
        guard let doc = try? decoder.decode(node) else { continue }
        for e in Validation.check(doc, node: node) { Issue.record("\(e)") }
        checked += 1
      }
    }
    // 18 kubectl fixtures always; 80+ documents with the docs examples next to the repo.
    let examplesPresent = !ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory).isEmpty
    #expect(checked >= (examplesPresent ? 80 : 18))
  }
}
