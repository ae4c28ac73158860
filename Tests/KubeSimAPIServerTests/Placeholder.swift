import Testing
@testable import KubeSimAPIServer
