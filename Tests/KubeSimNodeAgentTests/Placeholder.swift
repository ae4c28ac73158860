import Testing
@testable import KubeSimNodeAgent
