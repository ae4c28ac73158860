import KubeSimModel

/// The stored objects of one kind: dense integer ids, a name index, and a cached sorted order.
///
/// Ids are assigned at creation and reused after deletion (lowest free id first is not needed:
/// a LIFO free list is deterministic too). `sortedIDs` is rebuilt lazily after a create or a
/// delete, so `list` costs O(n) between writes and O(n log n) after one; updates keep it.
/// A class, so that writes mutate in place (a struct inside the API server's dictionary could
/// be copied on write, which at 150,000 pods costs O(n) per write in unoptimized builds).
final class KindStore {
  private(set) var objects: [APIObject?] = []
  private var keys: [ObjectKey] = []
  private var free: [Int32] = []
  private var idByKey: [ObjectKey: Int32] = [:]
  private var sortedCache: [Int32]? = []
  private(set) var count = 0

  func id(of key: ObjectKey) -> Int32? { idByKey[key] }

  subscript(id: Int32) -> APIObject? { objects[Int(id)] }

  func get(_ key: ObjectKey) -> APIObject? {
    guard let id = idByKey[key] else { return nil }
    return objects[Int(id)]
  }

  func key(of id: Int32) -> ObjectKey { keys[Int(id)] }

  /// Inserts a new object; the key must be free.
  func insert(_ object: APIObject, key: ObjectKey) -> Int32 {
    let id: Int32
    if let reused = free.popLast() {
      id = reused
      objects[Int(id)] = object
      keys[Int(id)] = key
    } else {
      id = Int32(objects.count)
      objects.append(object)
      keys.append(key)
    }
    idByKey[key] = id
    sortedCache = nil
    count += 1
    return id
  }

  func replace(_ id: Int32, with object: APIObject) {
    objects[Int(id)] = object
  }

  @discardableResult
  func remove(_ id: Int32) -> APIObject? {
    guard let old = objects[Int(id)] else { return nil }
    objects[Int(id)] = nil
    idByKey[keys[Int(id)]] = nil
    free.append(id)
    sortedCache = nil
    count -= 1
    return old
  }

  /// Ids in (namespace, name) order.
  func sortedIDs() -> [Int32] {
    if let sortedCache { return sortedCache }
    var ids: [Int32] = []
    ids.reserveCapacity(count)
    for (i, o) in objects.enumerated() where o != nil { ids.append(Int32(i)) }
    ids.sort { keys[Int($0)] < keys[Int($1)] }
    sortedCache = ids
    return ids
  }

  /// Every (id, key) pair, for invariant checks, in id order.
  func allIDs() -> [Int32] {
    var ids: [Int32] = []
    for (i, o) in objects.enumerated() where o != nil { ids.append(Int32(i)) }
    return ids
  }

  /// The name index, for invariant checks (looked up only).
  func indexedID(_ key: ObjectKey) -> Int32? { idByKey[key] }
  var indexCount: Int { idByKey.count }
}
