import KubeSimKernel
import KubeSimYAML

/// Options for rendering objects as JSON (`kubesim get -o json`, expectation field paths).
public struct JSONRenderer: Sendable {
  /// The wall-clock instant of simulated time zero; times render as RFC 3339 from it.
  public var timeBase: TimeBase
  /// Omit empty optional fields as Kubernetes' `omitempty` does (default). With `false`, every
  /// modelled field is present (zeros, empty lists), which suits field-path lookups such as
  /// `deployment/web.status.readyReplicas` where a missing 0 would be surprising.
  public var omitEmpty: Bool

  /// A renderer.
  public init(timeBase: TimeBase = .default, omitEmpty: Bool = true) {
    self.timeBase = timeBase
    self.omitEmpty = omitEmpty
  }
}

/// A value that renders as Kubernetes JSON.
public protocol JSONRenderable {
  /// The JSON form, field names and order as Kubernetes marshals them.
  func renderJSON(_ r: JSONRenderer) -> JSONValue
  /// True when `omitempty` would drop the field (empty string, false, 0, empty list or map).
  var isEmptyForJSON: Bool { get }
}

extension JSONRenderable {
  /// Structs are never empty for `omitempty` (Go does not omit struct values).
  public var isEmptyForJSON: Bool { false }
}

/// Builds a JSON object field by field, in declaration order.
public struct JSONObjectBuilder {
  /// The renderer's options.
  public let renderer: JSONRenderer
  /// The fields so far.
  public private(set) var fields: [(String, JSONValue)] = []

  /// An empty object.
  public init(_ renderer: JSONRenderer) { self.renderer = renderer }

  /// The object.
  public var value: JSONValue { .object(fields) }

  /// Adds a field unless it is nil or (with `omitEmpty`) empty.
  public mutating func put<T: JSONRenderable>(_ key: String, _ v: T?) {
    guard let v else { return }
    if renderer.omitEmpty && v.isEmptyForJSON { return }
    fields.append((key, v.renderJSON(renderer)))
  }

  /// Adds a field even when empty (Go fields without `omitempty`); nil is omitted.
  public mutating func always<T: JSONRenderable>(_ key: String, _ v: T?) {
    guard let v else { return }
    fields.append((key, v.renderJSON(renderer)))
  }

  /// Adds an already rendered value.
  public mutating func putValue(_ key: String, _ v: JSONValue?) {
    guard let v else { return }
    fields.append((key, v))
  }
}

extension String: JSONRenderable {
  /// A JSON string.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(self) }
  /// Empty strings are omitted.
  public var isEmptyForJSON: Bool { isEmpty }
}

extension Bool: JSONRenderable {
  /// A JSON boolean.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .bool(self) }
  /// `false` is omitted.
  public var isEmptyForJSON: Bool { !self }
}

extension Int32: JSONRenderable {
  /// A JSON integer.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .int(Int64(self)) }
  /// 0 is omitted.
  public var isEmptyForJSON: Bool { self == 0 }
}

extension Int64: JSONRenderable {
  /// A JSON integer.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .int(self) }
  /// 0 is omitted.
  public var isEmptyForJSON: Bool { self == 0 }
}

extension Quantity: JSONRenderable {
  /// The canonical string (`"500m"`, `"1536Mi"`), as `Quantity.MarshalJSON`.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(description) }
}

extension IntOrString: JSONRenderable {
  /// An integer or a string.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    switch self {
    case .int(let i): return .int(Int64(i))
    case .string(let s): return .string(s)
    }
  }
}

extension StringMap: JSONRenderable {
  /// An object with keys in sorted order (as Go marshals maps).
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    .object(entries.map { ($0.key, .string($0.value)) })
  }
  /// Empty maps are omitted.
  public var isEmptyForJSON: Bool { isEmpty }
}

extension ResourceList: JSONRenderable {
  /// An object of canonical quantity strings, keys sorted.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue {
    .object(entries.map { ($0.name, .string($0.quantity.description)) })
  }
  /// Empty lists are omitted.
  public var isEmptyForJSON: Bool { isEmpty }
}

extension SimTime: JSONRenderable {
  /// RFC 3339 from the renderer's time base, second precision (`metav1.Time`).
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .string(r.timeBase.format(self)) }
}

extension YAMLNode: JSONRenderable {
  /// The raw node as JSON.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { toJSON() }
}

extension Array: JSONRenderable where Element: JSONRenderable {
  /// A JSON array.
  public func renderJSON(_ r: JSONRenderer) -> JSONValue { .array(map { $0.renderJSON(r) }) }
  /// Empty arrays are omitted.
  public var isEmptyForJSON: Bool { isEmpty }
}
