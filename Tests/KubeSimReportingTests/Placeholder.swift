import Testing
@testable import KubeSimReporting
