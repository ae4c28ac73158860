// The umbrella module for plug-in authors. It re-exports the components by `@_exported`-free
// typealiases as they gain public API (swift-collections' "HeapModule reexports.swift" pattern).
import KubeSimKernel
