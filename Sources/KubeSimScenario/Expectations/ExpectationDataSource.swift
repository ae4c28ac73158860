import KubeSimYAML

/// What an expression reads: objects as JSON and counts of matching objects.
///
/// The scenario runner implements it over the World's API server; tests implement it over a
/// fixed list. Kinds arrive as written in the expression (`deploy`, `pods`); the source resolves
/// them (`ScenarioKinds.resolve`).
public protocol ExpectationDataSource {
  /// The JSON form (`APIObject.toJSON`) of one object, or nil when it does not exist.
  /// `namespace` is nil when the expression gave none (meaning `default` for namespaced kinds).
  func objectJSON(kind: String, namespace: String?, name: String) -> JSONValue?
  /// How many objects of `kind` match every term (see `CountQuery` for the keys).
  func count(kind: String, terms: [SelectorTerm]) -> Int
  /// A run metric (`recovery(fault 1)`, `availability(service/web)`), or nil when unknown.
  func metric(_ call: MetricCall) -> ExpressionValue?
}

extension ExpectationDataSource {
  /// No run metrics.
  public func metric(_ call: MetricCall) -> ExpressionValue? { nil }
}
