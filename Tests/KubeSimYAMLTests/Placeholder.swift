import Testing
@testable import KubeSimYAML
