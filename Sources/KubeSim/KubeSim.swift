// The umbrella module for plug-in authors. It re-exports the components by `@_exported`-free
// typealiases as they gain public API (swift-collections' "HeapModule reexports.swift" pattern).
// Other lanes append their sections below; keep one section per component.
import KubeSimKernel
import KubeSimReporting

// MARK: KubeSimKernel

/// An instant of simulated time (microseconds since the run's start). See `KubeSimKernel.SimTime`.
public typealias SimTime = KubeSimKernel.SimTime
/// A span of simulated time in Go duration syntax. See `KubeSimKernel.SimDuration`.
public typealias SimDuration = KubeSimKernel.SimDuration
/// The pending-event set ordered by (time, sequence). See `KubeSimKernel.EventQueue`.
public typealias EventQueue<Payload> = KubeSimKernel.EventQueue<Payload>
/// The handle of a scheduled event. See `KubeSimKernel.EventID`.
public typealias EventID = KubeSimKernel.EventID
/// The discrete-event run loop. See `KubeSimKernel.Simulator`.
public typealias Simulator<Payload> = KubeSimKernel.Simulator<Payload>
/// What a simulator dispatches events to. See `KubeSimKernel.EventHandler`.
public typealias EventHandler = KubeSimKernel.EventHandler
/// Why a run returned. See `KubeSimKernel.RunOutcome`.
public typealias RunOutcome = KubeSimKernel.RunOutcome
/// A failed runtime invariant check naming the seed. See `KubeSimKernel.InvariantViolation`.
public typealias InvariantViolation = KubeSimKernel.InvariantViolation
/// The run's named random streams. See `KubeSimKernel.RandomStreams`.
public typealias RandomStreams = KubeSimKernel.RandomStreams
/// One random stream with KubeSim's distributions. See `KubeSimKernel.RandomStream`.
public typealias RandomStream = KubeSimKernel.RandomStream
/// The SplitMix64 generator. See `KubeSimKernel.SplitMix64`.
public typealias SplitMix64 = KubeSimKernel.SplitMix64
/// The xoshiro256** generator. See `KubeSimKernel.Xoshiro256StarStar`.
public typealias Xoshiro256StarStar = KubeSimKernel.Xoshiro256StarStar
/// Platform-independent ln/exp/pow. See `KubeSimKernel.DeterministicMath`.
public typealias DeterministicMath = KubeSimKernel.DeterministicMath
