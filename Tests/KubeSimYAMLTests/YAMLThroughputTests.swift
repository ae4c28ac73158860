import Foundation
import Testing

@testable import KubeSimYAML

/// Parser throughput on 10,000 generated Deployments (about 8.9 MB), the same text as
/// `Tests/Differential/make_big_manifest.py` writes. Opt-in, and meaningful in release only:
/// `KUBESIM_YAML_BENCH=1 swift test -c release --filter YAMLThroughputTests`.
@Suite("YAML parser throughput (opt-in: KUBESIM_YAML_BENCH=1)")
struct YAMLThroughputTests {
  static func manifest(deployments n: Int) -> String {
    var docs: [String] = []
    docs.reserveCapacity(n)
    for i in 0..<n {
      docs.append(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-\(i)
          namespace: team-\(i % 7)
          labels:
            app: web-\(i)
            tier: "frontend"
          annotations:
            kubesim.io/duration: 30s
        spec:
          replicas: \(i % 5 + 1)
          selector:
            matchLabels:
              app: web-\(i)
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
          template:
            metadata:
              labels:
                app: web-\(i)
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                ports:
                - containerPort: 80
                  protocol: TCP
                resources:
                  requests:
                    cpu: 100m
                    memory: 128Mi
                  limits:
                    cpu: "500m"
                    memory: 256Mi
                args: ["--port", "80", '--verbose']
              tolerations:
              - key: node.kubernetes.io/not-ready
                operator: Exists
                effect: NoExecute
                tolerationSeconds: 300

        """)
    }
    return docs.joined(separator: "---\n")
  }

  @Test(
    "10,000 Deployments: MB/s of parseStream",
    .enabled(if: ProcessInfo.processInfo.environment["KUBESIM_YAML_BENCH"] != nil))
  func throughput() throws {
    let text = Self.manifest(deployments: 10_000)
    let megabytes = Double(text.utf8.count) / 1_000_000
    var best = Double.infinity
    var count = 0
    for _ in 0..<5 {
      let start = ContinuousClock.now  // measurement only
      count = try YAMLParser.parseStream(text, file: "big.yaml").count
      let d = ContinuousClock.now - start
      best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    #expect(count == 10_000)
    let tenths = Int(megabytes * 10)
    print(
      "yaml throughput: \(count) documents, \(tenths / 10).\(tenths % 10) MB in "
        + "\(Int(best * 1000)) ms (best of 5): \(Int(megabytes / best)) MB/s")
  }
}
