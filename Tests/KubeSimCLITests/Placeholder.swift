import Testing
@testable import KubeSimCLI
