import KubeSimModel

extension APIServer {
  /// ResourceQuota admission (placeholder until the full plugin lands).
  func admitQuota(_ obj: APIObject, name: String, replacing old: APIObject?) throws(APIError) {}
}
