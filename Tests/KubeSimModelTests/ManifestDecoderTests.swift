import Foundation
import KubeSimModel
import Testing

@Suite struct ManifestDecoderTests {
  @Test(.enabled(if: !ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory).isEmpty,
                 "../shared/reference/k8s-examples is absent (fresh clone): skipped"))
  func everyKubernetesDocsExampleDecodesExceptTheRemovedCronJob() throws {
    let files = ManifestFiles.yamlFiles(in: ManifestFiles.examplesDirectory)
    var decodedCount = 0
    for url in files {
      var decoder = ManifestDecoder()
      let name = url.lastPathComponent
      do {
        let docs = try decoder.decodeStream(ManifestFiles.read(url), file: name)
        decodedCount += docs.count
        #expect(name != "application__job__cronjob.yaml", "the batch/v1beta1 CronJob must fail")
      } catch {
        if name == "application__job__cronjob.yaml" {
          #expect(error.description.contains(
            "no matches for kind \"CronJob\" in version \"batch/v1beta1\": batch/v1beta1 CronJob"
              + " was removed in Kubernetes v1.25; use apiVersion batch/v1"))
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
