import Testing
@testable import KubeSimScheduler
