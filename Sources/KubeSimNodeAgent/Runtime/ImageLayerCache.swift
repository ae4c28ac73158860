import KubeSimKernel
import KubeSimModel

/// One node's container runtime image store: which images and layers are present, and when
/// pulls in progress will finish.
///
/// A pull fetches only the layers the node lacks (layers shared between images are pulled once),
/// at `bandwidthBytesPerSecond`; pull time = missing bytes / bandwidth, rounded up to the
/// microsecond. With `serialize` (kubelet `serializeImagePulls: true`, the default,
/// pkg/kubelet/apis/config/v1beta1/defaults.go) one pull runs at a time in request order; else
/// pulls run in parallel and a layer already being pulled by another pull is waited for, not
/// fetched twice. Images without a `kind: Image` document are one layer of
/// `defaultImageSizeBytes` named after the reference.
///
/// KubeSim differs from a real runtime: no registry QPS limit, no layer extraction time, one
/// bandwidth per node shared by nothing else.
public struct ImageLayerCache: Sendable {
  /// A scheduled pull.
  public struct Pull: Sendable, Hashable {
    /// When the pull was requested (the `Pulling` event).
    public var requested: SimTime
    /// When fetching starts (after waiting for earlier pulls when serialized).
    public var started: SimTime
    /// When the image is present.
    public var finished: SimTime
    /// Bytes fetched.
    public var missingBytes: Int64
    /// The image's total size (the `Pulled` event's "Image size").
    public var imageSizeBytes: Int64
  }

  public var bandwidthBytesPerSecond: Int64
  public var defaultImageSizeBytes: Int64
  public var serialize: Bool
  private var catalog: [String: [ImageLayer]] = [:]
  /// References (with default tag) of images declared `unpullable`; only looked up.
  private var unpullable: Set<String> = []
  /// Layer digest → time it is (or will be) present.
  private var layerReadyAt: [String: SimTime] = [:]
  /// Layer digest → size in bytes, for the layers in `layerReadyAt`.
  private var layerBytes: [String: Int64] = [:]
  /// Image reference (with default tag) → time it is (or will be) present.
  private var imageReadyAt: [String: SimTime] = [:]
  private var busyUntil = SimTime.zero
  /// With `maxParallel` > 0 (and not serialized): when each pull slot is free again.
  public var maxParallel = 0
  private var slots: [SimTime] = []

  public init(
    images: [ImageSpec], bandwidthBytesPerSecond: Int64, defaultImageSizeBytes: Int64,
    serialize: Bool
  ) {
    self.bandwidthBytesPerSecond = max(bandwidthBytesPerSecond, 1)
    self.defaultImageSizeBytes = defaultImageSizeBytes
    self.serialize = serialize
    for img in images {
      for r in img.references {
        catalog[ImageName.withDefaultTag(r)] = img.layers
        if img.spec.unpullable { unpullable.insert(ImageName.withDefaultTag(r)) }
      }
    }
  }

  /// The layers of an image (declared, or one default-size layer).
  public func layers(of image: String) -> [ImageLayer] {
    let ref = ImageName.withDefaultTag(image)
    if let l = catalog[ref] { return l }
    return [ImageLayer(digest: "default:" + ref, size: Quantity(defaultImageSizeBytes))]
  }

  /// Marks an image (and its layers) present from the start (pre-pulled images).
  public mutating func markPresent(_ image: String) {
    let ref = ImageName.withDefaultTag(image)
    imageReadyAt[ref] = .zero
    for l in layers(of: ref) {
      layerReadyAt[l.digest] = .zero
      layerBytes[l.digest] = l.sizeBytes
    }
  }

  /// Whether every pull of `image` fails (`kind: Image` with `spec.unpullable: true`).
  public func isUnpullable(_ image: String) -> Bool {
    unpullable.contains(ImageName.withDefaultTag(image))
  }

  /// Whether the image is present at `now` (a pull in progress does not count).
  public func isPresent(_ image: String, at now: SimTime) -> Bool {
    guard let t = imageReadyAt[ImageName.withDefaultTag(image)] else { return false }
    return t <= now
  }

  /// Bytes of the layers present at `now` (the images on the node's filesystem; an integer
  /// sum, so the dictionary's order does not matter).
  public func presentBytes(at now: SimTime) -> Int64 {
    var total: Int64 = 0
    for (digest, t) in layerReadyAt where t <= now { total &+= layerBytes[digest] ?? 0 }
    return total
  }

  /// Bytes of every layer present or being pulled (an upper bound of `presentBytes` until the
  /// next pull starts).
  public var allLayerBytes: Int64 {
    var total: Int64 = 0
    for (digest, _) in layerReadyAt { total &+= layerBytes[digest] ?? 0 }
    return total
  }

  /// Schedules a pull requested at `now`; the image counts as present from `finished` on.
  public mutating func pull(_ image: String, now: SimTime) -> Pull {
    let ref = ImageName.withDefaultTag(image)
    let ls = layers(of: ref)
    var start = serialize ? max(now, busyUntil) : now
    var slot: Int?
    if !serialize && maxParallel > 0 {
      if slots.count != maxParallel { slots = Array(repeating: .zero, count: maxParallel) }
      var best = 0
      for j in slots.indices where slots[j] < slots[best] { best = j }
      slot = best
      start = max(now, slots[best])
    }
    var missing: Int64 = 0
    var waitFor = start
    var fetched: [String] = []
    for l in ls {
      if let t = layerReadyAt[l.digest] {
        if t > waitFor { waitFor = t }
      } else if !fetched.contains(l.digest) {
        missing &+= l.sizeBytes
        fetched.append(l.digest)
        layerBytes[l.digest] = l.sizeBytes
      }
    }
    let micros = Self.transferMicroseconds(missing, bandwidth: bandwidthBytesPerSecond)
    let finished = max(start + .microseconds(micros), waitFor)
    for d in fetched { layerReadyAt[d] = finished }
    imageReadyAt[ref] = finished
    if serialize { busyUntil = finished }
    if let slot { slots[slot] = max(finished, start) }
    let size = ls.reduce(Int64(0)) { $0 &+ $1.sizeBytes }
    return Pull(
      requested: now, started: start, finished: finished, missingBytes: missing,
      imageSizeBytes: size)
  }

  /// ceil(bytes · 10⁶ / bandwidth) without overflow for sizes up to exabytes.
  /// Saturates at 100 years, so absurd sizes or bandwidths cannot overflow the clock.
  static func transferMicroseconds(_ bytes: Int64, bandwidth: Int64) -> Int64 {
    if bytes <= 0 { return 0 }
    let cap: Int64 = 100 * 365 * 86_400 * 1_000_000
    let whole = bytes / bandwidth
    if whole >= cap / 1_000_000 { return cap }
    let rest = bytes % bandwidth
    let (restMicros, overflow) = rest.multipliedReportingOverflow(by: 1_000_000)
    if overflow { return cap }
    return min(whole * 1_000_000 + (restMicros + bandwidth - 1) / bandwidth, cap)
  }
}
