import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Timing and model parameters of one simulation run.
///
/// Every default is upstream's where Kubernetes has one (cited per field); the others are
/// KubeSim's own modelling parameters and say so. A scenario overrides them in `settings:`.
public struct SimulationSettings: Sendable, Equatable {
  /// Delay from an API write to its delivery to watchers (informers).
  /// KubeSim's parameter, not an upstream default: kube-apiserver has no fixed watch latency;
  /// 10ms is a typical in-cluster informer lag.
  public var watchDelay: SimDuration = .milliseconds(10)
  /// Simulated time one scheduling cycle takes (filter + score + bind of one pod).
  /// KubeSim's parameter (kube-scheduler's throughput is about 100–300 pods/s; 5ms ≈ 200 pods/s).
  public var schedulerCycleCost: SimDuration = .milliseconds(5)
  /// Image pull bandwidth per node. KubeSim's parameter (no upstream default): 50 MiB/s.
  public var imagePullBandwidthBytesPerSecond: Int64 = 50 * 1024 * 1024
  /// Size of an image with no `kind: Image` declaration. KubeSim's parameter: 100 MiB.
  public var defaultImageSizeBytes: Int64 = 100 * 1024 * 1024
  /// Time from "image present" to "container running". KubeSim's parameter: 1s.
  public var containerStartDelay: SimDuration = .seconds(1)
  /// One image pull at a time per node. Upstream kubelet default `serializeImagePulls: true`
  /// (pkg/kubelet/apis/config/v1beta1/defaults.go).
  public var serializeImagePulls: Bool = true
  /// At most this many pulls at once per node when pulls are not serialized; 0: unset (no limit).
  /// Upstream kubelet `maxParallelImagePulls` (nil by default; setting it to 2 or more turns
  /// `serializeImagePulls` off, pkg/kubelet/apis/config/v1beta1/defaults.go).
  public var maxParallelImagePulls: Int = 0
  /// Kubelet status update period. Upstream `nodeStatusUpdateFrequency` 10s
  /// (pkg/kubelet/apis/config/v1beta1/defaults.go).
  public var nodeStatusUpdateFrequency: SimDuration = .seconds(10)
  /// Node lifecycle controller period. Upstream `--node-monitor-period` 5s
  /// (pkg/controller/nodelifecycle/config/v1alpha1/defaults.go).
  public var nodeMonitorPeriod: SimDuration = .seconds(5)
  /// Upstream `--node-monitor-grace-period` 50s since v1.32 (kubernetes PR #126287).
  public var nodeMonitorGracePeriod: SimDuration = .seconds(50)
  /// Upstream `--node-startup-grace-period` 60s (nodelifecycle/config/v1alpha1/defaults.go).
  public var nodeStartupGracePeriod: SimDuration = .seconds(60)
  /// Scheduler pod backoff, initial. Upstream `podInitialBackoffSeconds` 1
  /// (pkg/scheduler/apis/config/v1/defaults.go).
  public var podInitialBackoff: SimDuration = .seconds(1)
  /// Scheduler pod backoff, max. Upstream `podMaxBackoffSeconds` 10 (same file).
  public var podMaxBackoff: SimDuration = .seconds(10)
  /// DefaultTolerationSeconds admission: `--default-not-ready-toleration-seconds=300`
  /// (plugin/pkg/admission/defaulttolerationseconds/admission.go).
  public var defaultNotReadyTolerationSeconds: Int64 = 300
  /// DefaultTolerationSeconds admission: `--default-unreachable-toleration-seconds=300` (same).
  public var defaultUnreachableTolerationSeconds: Int64 = 300
  /// Wall-clock time of simulated time zero, in seconds since the Unix epoch, used to render
  /// timestamps as RFC 3339. KubeSim's parameter: 2026-01-01T00:00:00Z.
  public var timeBaseUnixSeconds: Int64 = 1_767_225_600
  /// Limit on processed kernel events per run (TIGER_STYLE "put a limit on everything");
  /// reaching it stops the run with `RunOutcome.eventsMaxReached`. KubeSim's parameter.
  public var maxEvents: Int = 200_000_000
  /// Check runtime invariants after every simulated instant. KubeSim's parameter.
  public var checkInvariants: Bool = true
  /// The Kubernetes minor release whose formulas apply ("1.36", the current one, by default).
  /// "1.35" or lower selects the older NodeResourcesBalancedAllocation score (before
  /// PR #135573). KubeSim's parameter.
  public var kubernetesVersion: String = "1.36"
  /// The named scheduling policy of the `default-scheduler` profile (KubeSimScheduler
  /// `Policies`: default, bin-packing, spread, first-fit, best-fit, worst-fit, random,
  /// round-robin, swarm-spread, swarm-binpack, swarm-random). KubeSim's parameter;
  /// `kubesim run --profile NAME` overrides it. "default" = kube-scheduler's default profile
  /// (or the KubeSchedulerConfiguration's).
  public var schedulerProfile: String = "default"
  /// The cluster autoscaler's parameters (`ClusterAutoscalerSettings`, upstream flag defaults).
  public var clusterAutoscaler = ClusterAutoscalerSettings()

  /// Kubelet `evictionHard` (pkg/kubelet/eviction/defaults_linux.go; setting it replaces the
  /// whole default map, as with upstream's `mergeDefaultEvictionSettings: false`).
  public var evictionHard: [EvictionThreshold] = EvictionThreshold.defaultHard
  /// Kubelet `evictionSoft` with `evictionSoftGracePeriod` (none by default).
  public var evictionSoft: [EvictionThreshold] = []
  /// Kubelet `evictionSoftGracePeriod`, as given (nil until set).
  public var evictionSoftGraces: [EvictionSignal: SimDuration]?
  /// Kubelet `evictionPressureTransitionPeriod` 5m (pkg/kubelet/apis/config/v1beta1/defaults.go):
  /// a pressure condition stays True this long after its threshold was last met.
  public var evictionPressureTransitionPeriod: SimDuration = .minutes(5)
  /// Kubelet `evictionMaxPodGracePeriod` (0 by default): the grace period of pods evicted for a
  /// soft threshold; 0 uses the pod's own terminationGracePeriodSeconds (KubeSim's reading).
  public var evictionMaxPodGracePeriod: Int64 = 0

  // MARK: Services and traffic (issue 6)

  /// `--endpointslice-updates-batch-period` of the EndpointSlice controller: pod changes wait
  /// this long before the Service is synced. Upstream default 0 (pkg/controller/endpointslice/
  /// config/v1alpha1/defaults.go leaves EndpointUpdatesBatchPeriod zero).
  public var endpointSliceUpdatesBatchPeriod: SimDuration = .zero
  /// kube-proxy's mode: `iptables` (upstream default on Linux, pkg/proxy/apis/config/types.go
  /// ProxyModeIPTables) or `ipvs`.
  public var kubeProxyMode: String = "iptables"
  /// IPVS scheduler: `rr` (upstream default, pkg/proxy/ipvs/proxier.go defaultScheduler) or `lc`.
  public var ipvsScheduler: String = "rr"
  /// kube-proxy's minimum time between rule syncs; nil means the mode's upstream default:
  /// iptables 1s (`--iptables-min-sync-period`), IPVS 0 (`--ipvs-min-sync-period` is not
  /// defaulted) (pkg/proxy/apis/config/v1alpha1/defaults.go).
  public var kubeProxyMinSyncPeriod: SimDuration? = nil
  /// Time kube-proxy takes to program one sync (iptables-restore / IPVS netlink calls).
  /// KubeSim's parameter: 0 (real syncs take milliseconds to seconds with cluster size).
  public var kubeProxySyncDuration: SimDuration = .zero
  /// Interval at which offered load is routed and served (one event per interval while any
  /// Service has load, not one per request). KubeSim's parameter: 1s.
  public var trafficInterval: SimDuration = .seconds(1)
  /// Latency recorded for a request a pod could not serve, and the bound on modelled latency.
  /// KubeSim's parameter: 30s (a typical client timeout).
  public var requestTimeout: SimDuration = .seconds(30)

  /// kube-proxy's effective minimum sync period (the mode's default unless set).
  public var effectiveKubeProxyMinSyncPeriod: SimDuration {
    kubeProxyMinSyncPeriod ?? (kubeProxyMode == "ipvs" ? .zero : .seconds(1))
  }

  /// The defaults.
  public init() {}

  /// The time base as the model's JSON rendering takes it.
  public var timeBase: TimeBase {
    get { TimeBase(unixSeconds: timeBaseUnixSeconds) }
    set { timeBaseUnixSeconds = newValue.unixSeconds }
  }

  /// The defaults above.
  public static let `default` = SimulationSettings()

  /// The keys `set(_:_:)` accepts, sorted.
  public static let keys: [String] = [
    "checkInvariants", "clusterAutoscaler", "containerStartDelay", "defaultImageSizeBytes",
    "defaultNotReadyTolerationSeconds", "defaultUnreachableTolerationSeconds",
    "endpointSliceUpdatesBatchPeriod", "evictionHard", "evictionMaxPodGracePeriod",
    "evictionPressureTransitionPeriod", "evictionSoft", "evictionSoftGracePeriod",
    "imagePullBandwidthBytesPerSecond", "ipvsScheduler", "kubeProxyMinSyncPeriod",
    "kubeProxyMode", "kubeProxySyncDuration", "kubernetesVersion", "maxEvents",
    "maxParallelImagePulls",
    "nodeMonitorGracePeriod",
    "nodeMonitorPeriod", "nodeStartupGracePeriod", "nodeStatusUpdateFrequency",
    "podInitialBackoff", "podMaxBackoff", "requestTimeout", "schedulerCycleCost", "schedulerProfile",
    "serializeImagePulls",
    "timeBase", "trafficInterval", "watchDelay",
  ]
}
