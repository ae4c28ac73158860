/// Named scheduling policies: ready-made profiles a scenario (`spec.profile`, or
/// `settings.schedulerProfile`) or the command line (`kubesim run --profile NAME`) selects for
/// the default scheduler name. Each is an ordinary `Profile` built from registered plugins.
///
/// | name | filters | choice |
/// |---|---|---|
/// | `default` | default profile | kube-scheduler's default scores |
/// | `bin-packing` | default | default profile with NodeResourcesFit MostAllocated |
/// | `spread` | default | the fewest pods (LeastPods), all nodes scored |
/// | `first-fit` | default | the first feasible node in node order, every cycle from the first node |
/// | `best-fit` | default | the least free cpu+memory left after placement (BestFit), all nodes |
/// | `worst-fit` | default | the most free cpu+memory left (WorstFit), all nodes |
/// | `random` | default | uniform among feasible nodes, seeded (UniformRandom), all nodes |
/// | `round-robin` | default | the next feasible node after the last choice (no scores: upstream's rotating start) |
/// | `swarm-spread` | default | Swarm spread (SwarmSpread), all nodes |
/// | `swarm-binpack` | default | Swarm binpack (SwarmBinpack), all nodes |
/// | `swarm-random` | default | Swarm random: uniform among feasible nodes, all nodes |
/// | `usage-aware` | default | the most headroom by measured usage (LoadVariationRiskBalancing), all nodes |
/// | `target-load-packing` | default | measured CPU packed up to 40 %, then spread (TargetLoadPacking), all nodes |
///
/// "default filters" are the default profile's PreFilter/Filter/PostFilter plugins; the
/// policies replace only the scoring.
public enum Policies {
  /// The policy names, in documentation order.
  public static let names: [String] = [
    "default", "bin-packing", "spread", "first-fit", "best-fit", "worst-fit", "random",
    "round-robin", "swarm-spread", "swarm-binpack", "swarm-random", "usage-aware",
    "target-load-packing",
  ]

  /// The profile of a named policy for `schedulerName`, or nil for an unknown name.
  public static func profile(
    named name: String, schedulerName: String = "default-scheduler",
    registry: PluginRegistry = .inTree
  ) -> Profile? {
    var p = Profile.defaultProfile(schedulerName: schedulerName, registry: registry)
    p.policy = name
    func only(_ plugin: any ScorePlugin) {
      p.scores = [(plugin, 1)]
      p.preScores = []
      p.percentageOfNodesToScore = 100
    }
    switch name {
    case "default": break
    case "bin-packing":
      var fit = NodeResourcesFit()
      fit.strategy = .mostAllocated
      p = Profile.defaultProfile(schedulerName: schedulerName, fit: fit, registry: registry)
      p.policy = name
    case "spread": only(LeastPods())
    case "first-fit":
      p.scores = []
      p.preScores = []
      p.searchesFromFirstNode = true
    case "best-fit": only(FreeCapacityScore(preferLeastFree: true))
    case "worst-fit": only(FreeCapacityScore(preferLeastFree: false))
    case "random", "swarm-random": only(UniformRandom())
    case "round-robin":
      p.scores = []
      p.preScores = []
    case "swarm-spread": only(SwarmStrategy(binpack: false))
    case "swarm-binpack": only(SwarmStrategy(binpack: true))
    case "usage-aware": only(LoadVariationRiskBalancing())
    case "target-load-packing": only(TargetLoadPacking())
    default: return nil
    }
    return p
  }
}
