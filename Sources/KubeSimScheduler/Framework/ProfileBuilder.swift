import KubeSimModel
import KubeSimYAML

/// Builds and validates `Profile`s from a `KubeSchedulerConfiguration`.
///
/// Upstream: defaults (pkg/scheduler/apis/config/v1/defaults.go `mergePlugins`), expansion of
/// MultiPoint (pkg/scheduler/framework/runtime/framework.go `expandMultiPointPlugins`) and the
/// per-point lists (`updatePluginList`). Per profile:
/// 1. MultiPoint = the default plugins (`DefaultPlugins.multiPoint`, only those registered) minus
///    `multiPoint.disabled` (`*` = all); a default also in `multiPoint.enabled` keeps its place
///    with the configured weight; other enabled plugins follow in order.
/// 2. Each extension point = (a) plugins enabled at that point that are also in MultiPoint, in
///    the point's order, (b) the other MultiPoint plugins implementing the point unless disabled
///    there (`*` = all), (c) the point's other enabled plugins.
/// 3. Score weight: the weight at `score` if set, else at MultiPoint, else the default weight,
///    else 1 (framework.go: a zero weight becomes 1).
///
/// Errors (as `ConfigurationIssue` with the document field path): unknown plugin; `*` in an
/// enabled list; a plugin enabled twice at one point (upstream "already registered"); a plugin
/// enabled at a point it does not implement (upstream "does not extend … plugin"); a negative
/// weight; a weight on a plugin without Score; pluginConfig for an unknown plugin, twice for one
/// plugin, or with an unknown or invalid arg field; percentageOfNodesToScore outside 0…100;
/// two profiles with one schedulerName. KubeSim does not require a Bind plugin: binding is
/// built in.
public enum ProfileBuilder {
  /// The profiles of `config`, or the first configuration problem.
  public static func build(
    _ config: KubeSchedulerConfiguration, registry: PluginRegistry = .inTree
  ) throws(ConfigurationIssue) -> [Profile] {
    // validation.go ValidateKubeSchedulerConfiguration: percentage in [0, 100].
    if let p = config.percentageOfNodesToScore, p < 0 || p > 100 {
      throw ConfigurationIssue(
        path: "percentageOfNodesToScore", "\(p) is not in the valid range [0, 100]")
    }
    if let s = config.podInitialBackoffSeconds, s <= 0 {
      throw ConfigurationIssue(path: "podInitialBackoffSeconds", "must be greater than 0")
    }
    if let m = config.podMaxBackoffSeconds, m < (config.podInitialBackoffSeconds ?? 1) {
      throw ConfigurationIssue(
        path: "podMaxBackoffSeconds", "must be greater than or equal to podInitialBackoffSeconds")
    }
    var out: [Profile] = []
    let profiles = config.profiles.isEmpty ? [KubeSchedulerProfile()] : config.profiles
    for (i, p) in profiles.enumerated() {
      let profile = try build(p, path: "profiles[\(i)]", registry: registry)
      if out.contains(where: { $0.schedulerName == profile.schedulerName }) {
        throw ConfigurationIssue(
          path: "profiles[\(i)].schedulerName",
          "duplicate profile with scheduler name \"\(profile.schedulerName)\"")
      }
      out.append(profile)
    }
    return out
  }

  /// Non-throwing form for callers that validated the configuration at load time: an invalid
  /// configuration yields the default profile.
  public static func profiles(
    from config: KubeSchedulerConfiguration, registry: PluginRegistry = .inTree
  ) -> [Profile] {
    (try? build(config, registry: registry)) ?? [Profile.defaultProfile()]
  }

  private struct Entry {
    var name: String
    var weight: Int64?
  }

  /// One profile.
  public static func build(
    _ p: KubeSchedulerProfile, path: String, registry: PluginRegistry = .inTree
  ) throws(ConfigurationIssue) -> Profile {
    if let pct = p.percentageOfNodesToScore, pct < 0 || pct > 100 {
      throw ConfigurationIssue(
        path: path + ".percentageOfNodesToScore", "\(pct) is not in the valid range [0, 100]")
    }
    // Plugin instances, one per name, built with their args.
    var instances: [(name: String, plugin: any SchedulerPlugin)] = []
    var argsByName: [(name: String, args: YAMLNode?, path: String)] = []
    for (j, c) in p.pluginConfig.enumerated() {
      let cp = "\(path).pluginConfig[\(j)]"
      guard registry.lookup(c.name) != nil else {
        throw ConfigurationIssue(path: cp + ".name", "unknown plugin \"\(c.name)\"")
      }
      if argsByName.contains(where: { $0.name == c.name }) {
        throw ConfigurationIssue(path: cp + ".name", "repeated pluginConfig for \"\(c.name)\"")
      }
      argsByName.append((c.name, c.args, cp + ".args"))
    }
    func instance(_ name: String) throws(ConfigurationIssue) -> any SchedulerPlugin {
      if let x = instances.first(where: { $0.name == name }) { return x.plugin }
      guard let r = registry.lookup(name) else {
        throw ConfigurationIssue(path: path, "unknown plugin \"\(name)\"")
      }
      let a = argsByName.first { $0.name == name }
      do {
        let made = try r.make(a?.args)
        instances.append((name, made))
        return made
      } catch {
        throw ConfigurationIssue(
          path: PluginArgs.join(a?.path ?? path, error.path), error.message)
      }
    }
    // Check every reference of every set.
    let sets: [(field: String, point: ExtensionPoints?, set: PluginSet?)] =
      [("multiPoint", nil, p.plugins?.multiPoint)]
      + ExtensionPoints.ordered.map { ($0.field, $0.point, set(p.plugins, $0.point)) }
    for (field, point, set) in sets {
      guard let set else { continue }
      let sp = "\(path).plugins.\(field)"
      for (k, d) in set.disabled.enumerated() where d.name != "*" {
        guard registry.lookup(d.name) != nil else {
          throw ConfigurationIssue(
            path: "\(sp).disabled[\(k)].name", "unknown plugin \"\(d.name)\"")
        }
      }
      var seen: [String] = []
      for (k, e) in set.enabled.enumerated() {
        let ep = "\(sp).enabled[\(k)]"
        if e.name == "*" {
          throw ConfigurationIssue(path: ep + ".name", "\"*\" is allowed only in disabled lists")
        }
        guard let r = registry.lookup(e.name) else {
          throw ConfigurationIssue(path: ep + ".name", "unknown plugin \"\(e.name)\"")
        }
        if seen.contains(e.name) {
          // framework.go updatePluginList: "plugin %q already registered as %q".
          throw ConfigurationIssue(
            path: ep + ".name", "plugin \"\(e.name)\" is enabled twice at \(field)")
        }
        seen.append(e.name)
        if let point, !r.points.contains(point) {
          // framework.go updatePluginList: "plugin %q does not extend %s plugin".
          throw ConfigurationIssue(
            path: ep + ".name", "plugin \"\(e.name)\" does not extend \(point.displayName) plugin")
        }
        if let w = e.weight {
          if w < 0 {
            throw ConfigurationIssue(path: ep + ".weight", "weight \(w) must not be negative")
          }
          if !r.points.contains(.score) || (point != nil && point != .score) {
            throw ConfigurationIssue(
              path: ep + ".weight",
              "plugin \"\(e.name)\" is not a Score plugin here; a weight is allowed only on Score plugins (at score or multiPoint)"
            )
          }
        }
      }
    }
    // 1. MultiPoint.
    let mp = p.plugins?.multiPoint
    let mpDisabledAll = mp?.disabled.contains { $0.name == "*" } ?? false
    var multi: [Entry] = []
    for d in DefaultPlugins.multiPoint where registry.lookup(d.name) != nil {
      if mpDisabledAll || (mp?.disabled.contains { $0.name == d.name } ?? false) { continue }
      if let e = mp?.enabled.first(where: { $0.name == d.name }) {
        multi.append(Entry(name: d.name, weight: e.weight.map(Int64.init) ?? d.weight))
      } else {
        multi.append(Entry(name: d.name, weight: d.weight))
      }
    }
    for e in mp?.enabled ?? [] where !multi.contains(where: { $0.name == e.name }) {
      multi.append(Entry(name: e.name, weight: e.weight.map(Int64.init)))
    }
    // 2. Each extension point.
    var lists: [(point: ExtensionPoints, entries: [Entry])] = []
    for (point, _) in ExtensionPoints.ordered {
      let s = set(p.plugins, point)
      let disabledAll = s?.disabled.contains { $0.name == "*" } ?? false
      let enabled = s?.enabled ?? []
      var list: [Entry] = []
      for e in enabled where multi.contains(where: { $0.name == e.name }) {
        let m = multi.first { $0.name == e.name }
        list.append(Entry(name: e.name, weight: e.weight.map(Int64.init) ?? m?.weight))
      }
      for m in multi where !list.contains(where: { $0.name == m.name }) {
        guard registry.lookup(m.name)?.points.contains(point) == true else { continue }
        if disabledAll || (s?.disabled.contains { $0.name == m.name } ?? false) { continue }
        list.append(m)
      }
      for e in enabled where !list.contains(where: { $0.name == e.name }) {
        list.append(Entry(name: e.name, weight: e.weight.map(Int64.init)))
      }
      lists.append((point, list))
    }
    func entries(_ point: ExtensionPoints) -> [Entry] {
      lists.first { $0.point == point }?.entries ?? []
    }
    var profile = Profile(
      schedulerName: p.schedulerName ?? "default-scheduler", filters: [], scores: [],
      percentageOfNodesToScore: p.percentageOfNodesToScore)
    for e in entries(.preEnqueue) {
      if let x = try instance(e.name) as? any PreEnqueuePlugin { profile.preEnqueue.append(x) }
    }
    for e in entries(.preFilter) {
      if let x = try instance(e.name) as? any PreFilterPlugin { profile.preFilters.append(x) }
    }
    for e in entries(.filter) {
      if let x = try instance(e.name) as? any FilterPlugin { profile.filters.append(x) }
    }
    // DefaultPreemption runs in `DefaultScheduler` (it needs the API server's pods and PDBs),
    // as the profile's `preemption`, present only when enabled at postFilter.
    profile.preemption = nil
    for e in entries(.postFilter) {
      let x = try instance(e.name)
      if let d = x as? DefaultPreemption, profile.preemption == nil { profile.preemption = d }
      if let x = x as? any PostFilterPlugin { profile.postFilters.append(x) }
    }
    for e in entries(.preScore) {
      if let x = try instance(e.name) as? any PreScorePlugin { profile.preScores.append(x) }
    }
    for e in entries(.score) {
      if let x = try instance(e.name) as? any ScorePlugin {
        let w = e.weight ?? 0
        profile.scores.append((x, w > 0 ? w : 1))
      }
    }
    for e in entries(.reserve) {
      if let x = try instance(e.name) as? any ReservePlugin { profile.reserves.append(x) }
    }
    for e in entries(.permit) {
      if let x = try instance(e.name) as? any PermitPlugin { profile.permits.append(x) }
    }
    for e in entries(.preBind) {
      if let x = try instance(e.name) as? any PreBindPlugin { profile.preBinds.append(x) }
    }
    for e in entries(.bind) {
      if let x = try instance(e.name) as? any BindPlugin { profile.binds.append(x) }
    }
    // Plugins that only carry args (pluginConfig) must still be known; build them to check.
    for a in argsByName { _ = try instance(a.name) }
    return profile
  }

  private static func set(_ plugins: Plugins?, _ point: ExtensionPoints) -> PluginSet? {
    guard let plugins else { return nil }
    switch point {
    case .preEnqueue: return plugins.preEnqueue
    case .queueSort: return plugins.queueSort
    case .preFilter: return plugins.preFilter
    case .filter: return plugins.filter
    case .postFilter: return plugins.postFilter
    case .preScore: return plugins.preScore
    case .score: return plugins.score
    case .reserve: return plugins.reserve
    case .permit: return plugins.permit
    case .preBind: return plugins.preBind
    case .bind: return plugins.bind
    case .postBind: return plugins.postBind
    default: return plugins.multiPoint
    }
  }
}
