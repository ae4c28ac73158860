// swift-tools-version:6.0
// KubeSim: a deterministic discrete-event simulator of a Kubernetes cluster.
// The target graph is the architecture (shared/design/ARCHITECTURE.md): dependencies point one way,
// Kernel ← Model ← APIServer ← {Scheduler, Controllers, NodeAgent} ← Scenario ← Reporting ← CLI.
// No package dependencies, by the user's choice: it builds wherever the toolchain does.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "KubeSim",
  products: [
    .library(name: "KubeSim", targets: ["KubeSim"]),
    .executable(name: "kubesim", targets: ["kubesim"]),
  ],
  targets: [
    // Leaves: no Kubernetes knowledge.
    .target(name: "KubeSimKernel", swiftSettings: swiftSettings),
    .target(name: "KubeSimYAML", swiftSettings: swiftSettings),
    // Vocabulary: API objects, quantities, selectors, decoding and defaulting.
    .target(
      name: "KubeSimModel", dependencies: ["KubeSimKernel", "KubeSimYAML"],
      swiftSettings: swiftSettings),
    .target(
      name: "KubeSimAPIServer", dependencies: ["KubeSimModel"], swiftSettings: swiftSettings),
    // Components: they talk to each other only through the API server.
    .target(
      name: "KubeSimScheduler", dependencies: ["KubeSimAPIServer"], swiftSettings: swiftSettings),
    .target(
      name: "KubeSimControllers", dependencies: ["KubeSimAPIServer"],
      swiftSettings: swiftSettings),
    .target(
      name: "KubeSimNodeAgent", dependencies: ["KubeSimAPIServer"], swiftSettings: swiftSettings),
    // Assembly, input, output.
    .target(
      name: "KubeSimScenario",
      dependencies: ["KubeSimScheduler", "KubeSimControllers", "KubeSimNodeAgent"],
      swiftSettings: swiftSettings),
    .target(
      name: "KubeSimReporting", dependencies: ["KubeSimScenario"], swiftSettings: swiftSettings),
    // Umbrella for plug-in authors (re-exports by typealias, as swift-collections does).
    .target(
      name: "KubeSim",
      dependencies: [
        "KubeSimKernel", "KubeSimYAML", "KubeSimModel", "KubeSimAPIServer", "KubeSimScheduler",
        "KubeSimControllers", "KubeSimNodeAgent", "KubeSimScenario", "KubeSimReporting",
      ],
      swiftSettings: swiftSettings),
    .target(name: "KubeSimCLI", dependencies: ["KubeSimReporting"], swiftSettings: swiftSettings),
    .executableTarget(name: "kubesim", dependencies: ["KubeSimCLI"], swiftSettings: swiftSettings),

    // Tests.
    .target(
      name: "KubeSimTestSupport", dependencies: ["KubeSimScenario", "KubeSimReporting"],
      path: "Tests/KubeSimTestSupport", swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimKernelTests", dependencies: ["KubeSimKernel", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimYAMLTests", dependencies: ["KubeSimYAML", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimModelTests", dependencies: ["KubeSimModel", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimAPIServerTests", dependencies: ["KubeSimAPIServer", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimSchedulerTests", dependencies: ["KubeSimScheduler", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimControllersTests", dependencies: ["KubeSimControllers", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimNodeAgentTests", dependencies: ["KubeSimNodeAgent", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimScenarioTests", dependencies: ["KubeSimScenario", "KubeSimTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimReportingTests", dependencies: ["KubeSimReporting", "KubeSimTestSupport"],
      exclude: ["Charts/Snapshots"],  // read from the source tree by path, not bundled
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KubeSimCLITests", dependencies: ["KubeSimCLI", "KubeSimTestSupport"],
      exclude: ["Fixtures", "Snapshots"],  // read from the source tree by path, not bundled
      swiftSettings: swiftSettings),
  ]
)
