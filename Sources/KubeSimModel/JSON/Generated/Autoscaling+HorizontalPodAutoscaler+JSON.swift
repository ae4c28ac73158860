import KubeSimKernel
import KubeSimYAML

extension HorizontalPodAutoscaler: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("metadata", metadata)
    o.always("spec", spec)
    o.always("status", status)
    return o.value
  }
}

extension HorizontalPodAutoscalerSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("scaleTargetRef", scaleTargetRef)
    o.put("minReplicas", minReplicas)
    o.always("maxReplicas", maxReplicas)
    o.put("metrics", metrics)
    o.put("behavior", behavior)
    return o.value
  }
}

extension CrossVersionObjectReference: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("kind", kind)
    o.always("name", name)
    o.put("apiVersion", apiVersion)
    return o.value
  }
}

extension MetricSpec: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.put("resource", resource)
    o.put("containerResource", containerResource)
    o.put("pods", pods)
    o.put("object", object)
    o.put("external", external)
    return o.value
  }
}

extension ResourceMetricSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.always("target", target)
    return o.value
  }
}

extension ContainerResourceMetricSource: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("name", name)
    o.always("target", target)
    o.always("container", container)
    return o.value
  }
}

extension MetricTarget: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.put("value", value)
    o.put("averageValue", averageValue)
    o.put("averageUtilization", averageUtilization)
    return o.value
  }
}

extension HorizontalPodAutoscalerBehavior: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("scaleUp", scaleUp)
    o.put("scaleDown", scaleDown)
    return o.value
  }
}

extension HPAScalingRules: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("stabilizationWindowSeconds", stabilizationWindowSeconds)
    o.put("selectPolicy", selectPolicy)
    o.put("policies", policies)
    o.put("tolerance", tolerance)
    return o.value
  }
}

extension HPAScalingPolicy: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("value", value)
    o.always("periodSeconds", periodSeconds)
    return o.value
  }
}

extension HorizontalPodAutoscalerStatus: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.put("observedGeneration", observedGeneration)
    o.put("lastScaleTime", lastScaleTime)
    o.put("currentReplicas", currentReplicas)
    o.always("desiredReplicas", desiredReplicas)
    o.put("currentMetrics", currentMetrics)
    o.put("conditions", conditions)
    return o.value
  }
}

extension HorizontalPodAutoscalerCondition: JSONRenderable {
  /// Kubernetes field names in declaration order, empty fields omitted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    var o = JSONObjectBuilder(r)
    o.always("type", type)
    o.always("status", status)
    o.put("lastTransitionTime", lastTransitionTime)
    o.put("reason", reason)
    o.put("message", message)
    return o.value
  }
}
