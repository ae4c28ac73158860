import Testing
@testable import KubeSimKernel
