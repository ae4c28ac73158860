import KubeSimKernel
import KubeSimYAML

extension KubeSchedulerConfiguration: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("metadata", metadata)
    o.put("parallelism", parallelism)
    o.put("percentageOfNodesToScore", percentageOfNodesToScore)
    o.put("podInitialBackoffSeconds", podInitialBackoffSeconds)
    o.put("podMaxBackoffSeconds", podMaxBackoffSeconds)
    o.put("profiles", profiles)
    return o.value
  }
}

extension KubeSchedulerProfile: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("schedulerName", schedulerName)
    o.put("percentageOfNodesToScore", percentageOfNodesToScore)
    o.put("plugins", plugins)
    o.put("pluginConfig", pluginConfig)
    return o.value
  }
}

extension Plugins: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("preEnqueue", preEnqueue)
    o.put("queueSort", queueSort)
    o.put("preFilter", preFilter)
    o.put("filter", filter)
    o.put("postFilter", postFilter)
    o.put("preScore", preScore)
    o.put("score", score)
    o.put("reserve", reserve)
    o.put("permit", permit)
    o.put("preBind", preBind)
    o.put("bind", bind)
    o.put("postBind", postBind)
    o.put("multiPoint", multiPoint)
    return o.value
  }
}

extension PluginSet: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("enabled", enabled)
    o.put("disabled", disabled)
    return o.value
  }
}

extension Plugin: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.put("weight", weight)
    return o.value
  }
}

extension PluginConfig: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.put("args", args)
    return o.value
  }
}
