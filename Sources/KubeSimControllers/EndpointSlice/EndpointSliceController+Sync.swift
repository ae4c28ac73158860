import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension EndpointSliceController {
  /// Brings the slices of Service `key` to the desired state: writes only slices whose content
  /// changed, creates missing ones (`generateName: <service>-`), deletes surplus ones; a Service
  /// with a selector and no endpoints keeps one empty slice (upstream's placeholder slice,
  /// reconciler.go `placeholderSliceCompare`).
  func sync(_ key: String, _ ctx: inout ComponentContext) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return }
    let (ns, name) = (parts[0], parts[1])
    guard let service = services[key], service.spec.selector != nil else {
      deleteSlices(key, ns, &ctx)
      return
    }
    let endpoints = (members[key] ?? []).sorted().compactMap { pods[ns]?[$0] }
      .compactMap { Self.endpoint(for: $0, service) }
    var chunks: [[Endpoint]] = []
    var i = 0
    while i < endpoints.count {
      chunks.append(Array(endpoints[i..<min(i + maxPerSlice, endpoints.count)]))
      i += maxPerSlice
    }
    if chunks.isEmpty { chunks = [[]] }
    var names = slices[key] ?? []
    let ports = service.spec.ports.map { p -> EndpointPort in
      var port = p.port
      if case .int(let n)? = p.targetPort { port = Int32(n) }
      return EndpointPort(name: p.name ?? "", protocol: p.protocol ?? .tcp, port: port)
    }
    for (index, chunk) in chunks.enumerated() {
      if index < names.count {
        guard case .endpointSlice(var slice)? = ctx.api.get(.endpointSlice, ns, names[index])
        else { continue }
        if slice.endpoints == chunk && slice.ports == ports { continue }
        slice.endpoints = chunk
        slice.ports = ports
        _ = try? ctx.api.update(.endpointSlice(slice))
      } else {
        // Upstream sets generateName `<service>-`; the suffix is drawn here from the
        // controller's own stream so that slices do not shift the names of pods.
        var sliceName = ""
        repeat {
          let suffix = ctx.withRandom("endpointslice-names") { $0.randomAlphanumeric(count: 5) }
          sliceName = name + "-" + suffix
        } while ctx.api.get(.endpointSlice, ns, sliceName) != nil
        var meta = ObjectMeta(name: sliceName)
        meta.generateName = name + "-"
        meta.namespace = ns
        meta.labels = [
          Self.serviceNameLabel: name, Self.managedByLabel: Self.controllerName,
        ]
        meta.ownerReferences = [
          OwnerReference(
            apiVersion: "v1", kind: "Service", name: name, uid: service.metadata.uid,
            controller: true, blockOwnerDeletion: true)
        ]
        let slice = EndpointSlice(metadata: meta, endpoints: chunk, ports: ports)
        if let created = try? ctx.api.create(.endpointSlice(slice)) {
          names.append(created.metadata.name)
        }
      }
    }
    while names.count > chunks.count, let last = names.popLast() {
      _ = try? ctx.api.delete(.endpointSlice, ns, last)
    }
    slices[key] = names
  }

  func deleteSlices(_ key: String, _ ns: String, _ ctx: inout ComponentContext) {
    for n in slices[key] ?? [] { _ = try? ctx.api.delete(.endpointSlice, ns, n) }
    slices[key] = nil
  }

  /// The endpoint for `pod`, or nil when it is not listed (not bound, not Running, or terminal).
  /// Upstream: `podToEndpoint` and `ShouldPodBeInEndpoints` (staging/src/k8s.io/endpointslice/
  /// utils.go, pkg/api/v1/endpoints util).
  public static func endpoint(for pod: Pod, _ service: Service) -> Endpoint? {
    guard let node = pod.spec.nodeName, !node.isEmpty, pod.status.phase == .running else {
      return nil
    }
    let publish = service.spec.publishNotReadyAddresses == true
    let podReady = PodUtil.isReady(pod)
    let terminating = pod.metadata.deletionTimestamp != nil
    // utils.go: "ready should never be true if a pod is terminating, unless
    // publishNotReadyAddresses was set".
    let ready = terminating ? publish : (publish || podReady)
    let serving = publish || podReady
    return Endpoint(
      addresses: pod.status.podIP.map { [$0] } ?? [],
      conditions: EndpointConditions(ready: ready, serving: serving, terminating: terminating),
      targetRef: ObjectReference(
        kind: "Pod", namespace: pod.metadata.namespace ?? "default", name: pod.metadata.name,
        uid: pod.metadata.uid),
      nodeName: node)
  }
}
