import KubeSimModel

/// The `pod-template-hash` of a Deployment's template: names its ReplicaSets
/// (`<deployment>-<hash>`) and labels their selector, template and pods.
///
/// Upstream `controller.ComputeHash` (pkg/controller/controller_utils.go, v1.35): FNV-32a over
/// the spew-printed `PodTemplateSpec` (`hashutil.DeepHashObject`), then the collision count as
/// 8 little-endian bytes when set, then `rand.SafeEncodeString` of the decimal `Sum32()`: each
/// digit `d` becomes `alphanums[int(d) % 27]` with alphanums "bcdfghjklmnpqrstvwxz2456789".
///
/// KubeSim differs: it cannot reproduce Go's spew bytes, so it hashes the template's compact
/// Kubernetes JSON (field order as Kubernetes marshals it, empty fields omitted, label maps
/// sorted). That rendering does not move when a Swift type gains a field or is reordered, and a
/// new field that stays unset leaves every hash unchanged. Hashes have the upstream shape (digits
/// of a uint32 mapped to [4-9bcdf]) but differ from Kubernetes' values.
public enum PodTemplateHash {
  /// `DefaultDeploymentUniqueLabelKey`.
  public static let labelKey = "pod-template-hash"
  /// `k8s.io/apimachinery/pkg/util/rand` alphanums.
  public static let alphanums = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

  /// The hash of `template` (the hash label itself removed first, as the template of a
  /// Deployment never carries it) and `collisionCount`.
  public static func compute(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
    var t = template
    t.metadata.labels[labelKey] = nil
    var h = fnv32a(Array(t.renderJSON(JSONRenderer()).compactString.utf8))
    if let c = collisionCount {
      let u = UInt32(bitPattern: c)
      let bytes: [UInt8] = [
        UInt8(u & 0xff), UInt8((u >> 8) & 0xff), UInt8((u >> 16) & 0xff), UInt8(u >> 24),
        0, 0, 0, 0,
      ]
      h = fnv32a(bytes, seed: h)
    }
    return safeEncode(String(h))
  }

  /// FNV-1a, 32 bits (Go `hash/fnv` New32a): offset basis 2166136261, prime 16777619.
  public static func fnv32a(_ bytes: [UInt8], seed: UInt32 = 2_166_136_261) -> UInt32 {
    var h = seed
    for b in bytes {
      h ^= UInt32(b)
      h = h &* 16_777_619
    }
    return h
  }

  /// `rand.SafeEncodeString`.
  public static func safeEncode(_ s: String) -> String {
    String(
      decoding: s.unicodeScalars.map { alphanums[Int($0.value) % alphanums.count] }, as: UTF8.self)
  }
}
