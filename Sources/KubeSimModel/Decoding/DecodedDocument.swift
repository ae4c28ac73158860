import KubeSimYAML

/// One decoded YAML document of a scenario or manifest file.
public enum DecodedDocument: Sendable, Equatable {
  /// A Kubernetes object.
  case object(APIObject)
  /// A `kubesim.io/v1alpha1` NodePool (expand it with `NodePool.expand()`).
  case nodePool(NodePool)
  /// A `kubesim.io/v1alpha1` Image.
  case image(ImageSpec)
  /// A `kubescheduler.config.k8s.io/v1` KubeSchedulerConfiguration.
  case schedulerConfiguration(KubeSchedulerConfiguration)
  /// A `kubesim.io/v1alpha1` Scenario, raw: the scenario lane decodes it with `DecodingContext`.
  case scenario(YAMLNode)
  /// A `v1` List: its items, decoded.
  case list([DecodedDocument])
}
