/// The DefaultBinder plugin (pkg/scheduler/framework/plugins/defaultbinder/default_binder.go):
/// binds the pod with a `pods/binding` call. `DefaultScheduler` performs that call itself
/// (`APIServer.bind`); the plugin exists so profiles can name it, and returns success.
public struct DefaultBinder: BindPlugin, Sendable {
  public static let pluginName = "DefaultBinder"
  public var name: String { DefaultBinder.pluginName }
  public init() {}

  public func bind(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status { .success }
}
