import KubeSimModel

extension APIServer {
  /// LimitRanger admission for pods (placeholder until the full plugin lands).
  func admitLimitRanges(_ pod: inout Pod, name: String) throws(APIError) {}
}
