import KubeSimModel

/// Resolves kind names as users write them in timelines and expectations.
public enum ScenarioKinds {
  /// The kind for `deployment`, `deployments`, `deploy`, `Deployment` or `deployments.apps`;
  /// nil when unknown. The `.group` suffix must be the kind's API group, as kubectl requires.
  public static func resolve(_ resource: String) -> ObjectKind? {
    if let kind = ObjectKind(resource: resource) { return kind }
    guard let dot = resource.firstIndex(of: ".") else { return nil }
    let name = String(resource[..<dot])
    let group = String(resource[resource.index(after: dot)...])
    guard let kind = ObjectKind(resource: name), kind.group == group else { return nil }
    return kind
  }
}
