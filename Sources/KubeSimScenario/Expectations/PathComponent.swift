/// One step of a field path: `.name` / `["name"]`, or `[3]`.
public enum PathComponent: Sendable, Equatable {
  case key(String)
  case index(Int)
}
