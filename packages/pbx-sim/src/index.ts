export { startSimulatedPbx, type SimulatedPbx, type SessionInfo, type EventTap } from './simulated-pbx.ts';
export {
  resolveConfig,
  defaultEndpoints,
  LAB_QUEUES,
  DEFAULT_USERS,
  type SimulatedPbxOptions,
  type SimUser,
  type SimQueueConfig,
  type QueueStrategy,
  type PhoneBehaviour,
  type PhoneMode,
  type NoiseOptions,
} from './config.ts';
export type { CallHandle, PlaceCallOptions } from './engine/engine.ts';
export type { Generator, GeneratorOptions } from './generator/generator.ts';
export type { CallerProfile } from './generator/caller-directory.ts';
export type { PbxSnapshot, ChannelSnapshot, MemberSnapshot, QueueSnapshot } from './snapshot.ts';
export { ManualClock, createRealClock, type SimClock, type RealClockOptions } from './time/clock.ts';
export { startReplayServer, type ReplayOptions, type ReplayServer } from './replay/replayer.ts';
export { loadTranscript, type Transcript } from './replay/transcript.ts';
export { startPacedBroadcast, type PacedBroadcast, type PacedBroadcastOptions, type PacedRun, type BroadcastEvent } from './replay/paced-broadcast.ts';
export { PERM, type PermClass } from './ami/permissions.ts';
export type { BusEvent } from './ami/event-bus.ts';
export { BANNER } from './ami/server.ts';
export {
  PbxSimError,
  PbxSimConfigError,
  PbxSimUnknownEndpointError,
  PbxSimUnknownQueueError,
  PbxSimInvalidStateError,
  PbxSimTranscriptError,
} from './errors.ts';
