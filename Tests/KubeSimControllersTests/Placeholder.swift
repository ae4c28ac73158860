import Testing
@testable import KubeSimControllers
