/// `kubesim bench [NAME…] [--json]`: the benchmarks of Sources/KubeSimCLI/Bench (lane kernel).
enum BenchCommand {
  /// Empty until the benchmark suite lands; then one definition.
  static let definitions: [CommandDefinition] = []
}
