import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension EndpointSliceController {
  /// Brings the slices of Service `key` to the desired state for the pods changed since the
  /// last sync (all of them after a Service change): see the type's placement rules.
  func sync(_ key: String, _ ctx: inout ComponentContext) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return }
    let (ns, name) = (parts[0], parts[1])
    let dirty = dirtyPods[key] ?? .some([])
    dirtyPods[key] = nil
    guard let service = services[key], service.spec.selector != nil else {
      deleteSlices(key, ns, &ctx)
      return
    }
    var records = slices[key] ?? []
    var where_ = podSlice[key] ?? [:]
    var touched: Set<Int> = []
    // The pods to reconsider: the dirty ones, or every member and every listed pod.
    var candidates: [String]
    if let d = dirty {
      candidates = d.sorted()
    } else {
      candidates = Array(Set(members[key] ?? []).union(where_.keys)).sorted()
      touched.formUnion(records.indices)
    }
    for pod in candidates {
      let desired: Endpoint? =
        (members[key]?.contains(pod) == true)
        ? ctx.api.get(.pod, ns, pod).flatMap { o -> Endpoint? in
          if case .pod(let p) = o { return Self.endpoint(for: p, service) }
          return nil
        } : nil
      if let at = where_[pod] {
        if let e = desired {
          if records[at].endpoints[pod] != e {
            records[at].endpoints[pod] = e
            touched.insert(at)
          }
        } else {
          records[at].endpoints[pod] = nil
          where_[pod] = nil
          touched.insert(at)
        }
      } else if let e = desired {
        var at = records.firstIndex { $0.endpoints.count < maxPerSlice } ?? -1
        if at < 0 {
          records.append(SliceRecord(name: "", endpoints: [:]))
          at = records.count - 1
        }
        records[at].endpoints[pod] = e
        where_[pod] = at
        touched.insert(at)
      }
    }
    if records.isEmpty {
      records.append(SliceRecord(name: "", endpoints: [:]))
      touched.insert(0)
    }
    let ports = service.spec.ports.map { p -> EndpointPort in
      var port = p.port
      if case .int(let n)? = p.targetPort { port = Int32(n) }
      return EndpointPort(name: p.name ?? "", protocol: p.protocol ?? .tcp, port: port)
    }
    for at in touched.sorted() {
      let endpoints = records[at].endpoints.keys.sorted().compactMap { records[at].endpoints[$0] }
      if records[at].name.isEmpty {
        records[at].name = create(name, ns, service, endpoints, ports, &ctx)
      } else if case .endpointSlice(var slice)? = ctx.api.get(.endpointSlice, ns, records[at].name),
        slice.endpoints != endpoints || slice.ports != ports
      {
        slice.endpoints = endpoints
        slice.ports = ports
        _ = try? ctx.api.update(.endpointSlice(slice))
      }
    }
    // Empty slices go, except a Service's only one (the placeholder).
    var kept: [SliceRecord] = []
    var remap: [Int: Int] = [:]
    for (at, r) in records.enumerated() {
      if r.endpoints.isEmpty && records.count > 1 && !(kept.isEmpty && at == records.count - 1) {
        if !r.name.isEmpty { _ = try? ctx.api.delete(.endpointSlice, ns, r.name) }
        continue
      }
      remap[at] = kept.count
      kept.append(r)
    }
    if kept.count != records.count {
      for (pod, at) in where_ { where_[pod] = remap[at] }
    }
    slices[key] = kept
    podSlice[key] = where_
  }

  /// Creates a slice for Service `name` (upstream: `generateName: <service>-`) and returns its
  /// name ("" if the API server refused it).
  func create(
    _ name: String, _ ns: String, _ service: Service, _ endpoints: [Endpoint],
    _ ports: [EndpointPort], _ ctx: inout ComponentContext
  ) -> String {
    // The suffix is drawn from the controller's own stream so that slices do not shift the
    // names of pods.
    var sliceName = ""
    repeat {
      let suffix = ctx.withRandom("endpointslice-names") { $0.randomAlphanumeric(count: 5) }
      sliceName = name + "-" + suffix
    } while ctx.api.get(.endpointSlice, ns, sliceName) != nil
    var meta = ObjectMeta(name: sliceName)
    meta.generateName = name + "-"
    meta.namespace = ns
    meta.labels = [Self.serviceNameLabel: name, Self.managedByLabel: Self.controllerName]
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "v1", kind: "Service", name: name, uid: service.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    let slice = EndpointSlice(metadata: meta, endpoints: endpoints, ports: ports)
    return (try? ctx.api.create(.endpointSlice(slice)))?.metadata.name ?? ""
  }

  func deleteSlices(_ key: String, _ ns: String, _ ctx: inout ComponentContext) {
    for r in slices[key] ?? [] where !r.name.isEmpty {
      _ = try? ctx.api.delete(.endpointSlice, ns, r.name)
    }
    slices[key] = nil
    podSlice[key] = nil
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
