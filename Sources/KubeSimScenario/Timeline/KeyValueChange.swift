/// `key=value` (set) or `key-` (remove), as `kubectl label`/`annotate` take them.
public enum KeyValueChange: Sendable, Equatable {
  case set(key: String, value: String)
  case remove(key: String)
}
