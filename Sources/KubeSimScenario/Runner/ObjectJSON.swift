import KubeSimModel
import KubeSimYAML

/// The JSON form of an object for expectations and `get -o json`: the model's rendering
/// (`APIObject.toJSON`), with timestamps relative to the run's time base.
enum ObjectJSON {
  static func render(_ object: APIObject, timeBase: TimeBase) -> JSONValue {
    object.toJSON(timeBase: timeBase)
  }
}
