import KubeSimModel

/// The ImageLocality plugin: prefer nodes that already hold the pod's images, weighted by how
/// widely each image is spread (so one node holding a rare image does not attract every pod).
///
/// Upstream pkg/scheduler/framework/plugins/imagelocality/image_locality.go:
/// - per container and init container whose normalized image name is on the node,
///   `sum += int64(float64(sizeBytes) · float64(numNodesWithImage) / float64(totalNumNodes))`;
/// - `minThreshold = 23 MiB`, `maxContainerThreshold = 1000 MiB`, `maxThreshold =
///   maxContainerThreshold · (containers + init containers)`; `sum` clamped to
///   [minThreshold, maxThreshold]; score = `100 · (sum − min) / (max − min)`; no normalization.
///
/// Node images come from the snapshot (the Node objects' `status.images`). KubeSim's image
/// model is layer-aware in the kubelet; the scheduler, like upstream, sees whole images.
public struct ImageLocality: ScorePlugin, Sendable {
  public static let pluginName = "ImageLocality"
  public var name: String { ImageLocality.pluginName }
  /// image_locality.go `mb`, `minThreshold`, `maxContainerThreshold`.
  public static let mb: Int64 = 1024 * 1024
  public static let minThreshold: Int64 = 23 * mb
  public static let maxContainerThreshold: Int64 = 1000 * mb
  public init() {}

  /// image_locality.go `normalizedImageName`: adds ":latest" when the name has no tag (the
  /// last ':' is not after the last '/').
  public static func normalizedImageName(_ name: String) -> String {
    let colon = name.lastIndex(of: ":")
    let slash = name.lastIndex(of: "/")
    switch (colon, slash) {
    case (nil, _): return name + ":latest"
    case (let c?, let s?) where c < s: return name + ":latest"
    default: return name
    }
  }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let spec = pod.pod.spec
    let numContainers = Int64(spec.containers.count + spec.initContainers.count)
    let total = snapshot.liveNodeCount
    var sum: Int64 = 0
    if total > 0 && snapshot.hasImages(slot) {
      for c in spec.initContainers + spec.containers {
        guard let image = c.image else { continue }
        let n = ImageLocality.normalizedImageName(image)
        guard let size = snapshot.imageSize(n, slot: slot) else { continue }
        let spread = Double(snapshot.imageNodeCount(n)) / Double(total)
        sum += Int64(Double(size) * spread)
      }
    }
    let maxThreshold = ImageLocality.maxContainerThreshold * numContainers
    if sum < ImageLocality.minThreshold {
      sum = ImageLocality.minThreshold
    } else if sum > maxThreshold {
      sum = maxThreshold
    }
    if maxThreshold <= ImageLocality.minThreshold { return 0 }
    return NodeScore.max * (sum - ImageLocality.minThreshold)
      / (maxThreshold - ImageLocality.minThreshold)
  }
}
