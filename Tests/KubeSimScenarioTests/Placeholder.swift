import Testing
@testable import KubeSimScenario
