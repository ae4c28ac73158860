import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimScheduler
import KubeSimYAML

/// `kubesim explain FILE… --pod NAME [--snapshot] [-o json]`.
enum ExplainCommand {
  static let spec = CommandSpec(
    name: "explain", abstract: "Show every scheduling attempt of a pod, plugin by plugin.",
    usage: "explain FILE… --pod NAME [--snapshot] [-o json]",
    options: [
      .option("pod", value: "NAME", help: "The pod: NAME or NAMESPACE/NAME (required)."),
      .option("namespace", short: "n", value: "NS", help: "Namespace (default: default)."),
      .option("output", short: "o", value: "FORMAT", help: "json (default: text tables)."),
      .flag(
        "snapshot",
        help: "Evaluate the pod once against the cluster as FILE writes it; no simulation."),
      .option("seed", value: "N", help: "Seed (overrides spec.seed)."),
      .option("until", value: "T", help: "Simulated time to run (overrides spec.duration)."),
    ],
    minPositionals: 1,
    discussion: """
      Without --snapshot the scenario runs and every scheduling cycle of the pod is shown: per
      node each filter's verdict (upstream reason strings), per score plugin the raw and
      normalized score and the weight, the weighted total, the chosen node and the
      FailedScheduling message. With --snapshot, Node objects (status.allocatable, capacity,
      images) and pods with spec.nodeName form the cluster, and the pod is evaluated once with
      the profile of FILE's KubeSchedulerConfiguration that its schedulerName selects.
      Example: kubesim explain Scenarios/scheduling/node-affinity.yaml --pod db -o json
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    guard var podName = arguments.value("pod"), !podName.isEmpty else {
      context.err(
        UsageError(command: "explain", "missing --pod NAME (usage: kubesim \(spec.usage))")
          .description)
      return .badInput
    }
    var namespace = arguments.value("namespace") ?? "default"
    if let slash = podName.firstIndex(of: "/") {
      namespace = String(podName[..<slash])
      podName = String(podName[podName.index(after: slash)...])
    }
    let format = arguments.value("output") ?? ""
    guard ["", "json"].contains(format) else {
      context.err(UsageError(command: "explain", "-o: expected json, found '\(format)'").description)
      return .badInput
    }
    let key = "\(namespace)/\(podName)"
    let explanation: Explanation
    if arguments.flag("snapshot") {
      guard let e = snapshot(arguments, key: key, namespace, podName, context) else {
        return .badInput
      }
      explanation = e
    } else {
      guard let e = simulate(arguments, key: key, context) else { return .badInput }
      explanation = e
    }
    if format == "json" {
      context.stdout.write(JSONPrettyPrinter.format(explanation.json))
    } else {
      context.stdout.write(explanation.text)
    }
    return .success
  }

  /// Runs the scenario with attempt recording and keeps the pod's attempts.
  static func simulate(_ arguments: ParsedArguments, key: String, _ context: CommandContext)
    -> Explanation?
  {
    var options = RunOptions()
    do throws(UsageError) {
      options.seed = try RunCommand.seed(arguments, command: "explain")
      options.until = try RunCommand.duration(
        arguments.value("until"), option: "until", command: "explain")
    } catch {
      context.err(error.description)
      return nil
    }
    guard let runner = RunCommand.prepare(arguments, options: &options, context, quiet: true)
    else { return nil }
    guard let scheduler = runner.world.component(DefaultScheduler.self) else {
      context.err("kubesim explain: the scenario has no scheduler")
      return nil
    }
    scheduler.recordAttempts = true
    _ = runner.run()
    let attempts = scheduler.attempts.filter { $0.pod == key }.map(Explanation.attempt)
    if attempts.isEmpty && runner.world.api.get(.pod, podNamespace(key), podOnly(key)) == nil {
      context.err("kubesim explain: pod \"\(key)\" not found")
      return nil
    }
    return Explanation(pod: key, attempts: attempts)
  }

  private static func podNamespace(_ key: String) -> String {
    String(key.split(separator: "/", maxSplits: 1).first ?? "")
  }
  private static func podOnly(_ key: String) -> String {
    String(key.split(separator: "/", maxSplits: 1).last ?? "")
  }

  /// One cycle against the objects as written.
  static func snapshot(
    _ arguments: ParsedArguments, key: String, _ namespace: String, _ name: String,
    _ context: CommandContext
  ) -> Explanation? {
    let input: LoadedInput
    switch ScenarioLoader.load(arguments.positionals, requireScenario: false) {
    case .failure(let error):
      for d in error.diagnostics { context.err(d.description) }
      return nil
    case .success(let loaded): input = loaded
    }
    var settings = SimulationSettings.default
    for pair in input.scenario?.settings ?? [] {
      guard case .scalar(let k) = pair.key.content else { continue }
      do {
        try settings.set(k.text, pair.value)
      } catch {
        context.err(ScenarioDiagnostic(at: error.location, path: error.path, error.message).description)
        return nil
      }
    }
    var nodes: [Node] = []
    var pods: [Pod] = []
    var target: Pod?
    var volumeObjects: [APIObject] = []
    for o in input.objects {
      switch o {
      case .node(let n): nodes.append(n)
      case .pod(let p):
        pods.append(p)
        if p.metadata.name == name && (p.metadata.namespace ?? "default") == namespace {
          target = p
        }
      case .persistentVolumeClaim, .persistentVolume, .storageClass: volumeObjects.append(o)
      default: break
      }
    }
    guard var pod = target else {
      context.err("kubesim explain: pod \"\(key)\" not found in the files")
      return nil
    }
    pod.metadata.namespace = namespace
    let profiles: [Profile]
    var pct: Int32 = 0
    for c in input.schedulerConfigurations {
      if let p = c.percentageOfNodesToScore { pct = p }
    }
    // The profiles a simulation's scheduler builds (registry, kubernetesVersion, policy).
    profiles = DefaultScheduler.profiles(
      settings: settings, configurations: input.schedulerConfigurations)
    let schedulerName = pod.spec.schedulerName ?? "default-scheduler"
    guard let profile = profiles.first(where: { $0.schedulerName == schedulerName }) else {
      context.err(
        "kubesim explain: no profile named \"\(schedulerName)\" (pod \(key) spec.schedulerName)")
      return nil
    }
    // The pod itself is evaluated, not counted: others with spec.nodeName are running.
    let others = pods.filter {
      !($0.metadata.name == name && ($0.metadata.namespace ?? "default") == namespace)
    }
    let seed = (try? RunCommand.seed(arguments, command: "explain")) ?? nil
    let attempt = SnapshotEvaluation.evaluate(
      pod: pod, nodes: nodes, pods: others, profile: profile, percentageOfNodesToScore: pct,
      seed: seed ?? input.scenario?.seed ?? 0, images: input.images,
      defaultImageSizeBytes: settings.defaultImageSizeBytes, volumeObjects: volumeObjects)
    return Explanation(pod: key, attempts: [Explanation.attempt(attempt)])
  }
}
