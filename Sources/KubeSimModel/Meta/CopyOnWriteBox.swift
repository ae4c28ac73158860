/// The storage of an API value type whose fields live behind one reference (`PodSpec`,
/// `PodStatus`, `NodeStatus`, `ObjectMeta`): objects are copied at every watch delivery, store
/// read and write and controller cache, far more often than they change, so a copy costs one
/// retain instead of one per field, and copies share memory. Mutations go through
/// `CopyOnWriteValue.fields`, which copies the box first when it is shared.
@usableFromInline final class CopyOnWriteBox<Fields: Sendable>: @unchecked Sendable {
  // @unchecked: `fields` changes only through `CopyOnWriteValue.fields`, on a unique box.
  @usableFromInline var fields: Fields
  @inlinable init(_ fields: Fields) { self.fields = fields }
}

/// A value type that keeps its fields in a `CopyOnWriteBox`; its public properties read
/// `box.fields` (`_read`) and mutate `fields` (`_modify`), in place when the box is unique.
@usableFromInline protocol CopyOnWriteValue {
  associatedtype Fields: Sendable, Equatable
  var box: CopyOnWriteBox<Fields> { get set }
}

extension CopyOnWriteValue {
  /// The fields, copied into a new box before a mutation when the box is shared.
  @inlinable var fields: Fields {
    _read { yield box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.fields) }
      yield &box.fields
    }
  }

  /// Equal boxes, or equal fields.
  @inlinable static func sameFields(_ a: Self, _ b: Self) -> Bool {
    a.box === b.box || a.box.fields == b.box.fields
  }
}
