import Testing
@testable import KubeSimModel
