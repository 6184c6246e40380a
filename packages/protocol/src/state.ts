import { type Static, Type } from '@sinclair/typebox';
import { AgentStateSchema, DispositionDueSchema, STATE_CHANGERS } from './events/agent-events.ts';
import { CallDirectionSchema } from './events/call-events.ts';
import { QueueStatsSchema } from './events/queue-events.ts';
import { PBX_CONNECTION_STATES } from './events/system-events.ts';
import { Extension, Identifier, Nullable, OneOf, PhoneNumber, QueueName, ReasonCode, SafeString, Timestamp } from './strings.ts';

/** One agent as a client sees it in a snapshot. */
export const AgentViewSchema = Type.Object({
  agentId: Identifier(),
  /** The PBX of the desk the agent sits at. */
  pbx: Type.Optional(Identifier()),
  name: Nullable(SafeString({ maxLength: 200 })),
  state: AgentStateSchema,
  reason: Nullable(ReasonCode()),
  since: Timestamp(),
  extension: Nullable(Extension()),
  queues: Type.Array(QueueName(), { maxItems: 256 }),
  wrapupEndsAt: Nullable(Timestamp()),
  pauseAfterCall: Nullable(ReasonCode()),
  /** The call the agent is on or is being offered, if any. */
  callId: Nullable(Identifier()),
  /** Who made the last pause change: this server or another AMI application. */
  changedBy: Type.Optional(OneOf(STATE_CHANGERS)),
  /** The call whose disposition the agent owes (its queue requires one): Ready is refused until it is set. */
  dispositionDue: Type.Optional(Nullable(DispositionDueSchema)),
});
export type AgentView = Static<typeof AgentViewSchema>;

/** One queue as a client sees it in a snapshot: its live statistics, and its PBX. */
export const QueueViewSchema = Type.Object({ ...QueueStatsSchema.properties, pbx: Type.Optional(Identifier()) });
export type QueueView = Static<typeof QueueViewSchema>;

export const CALL_VIEW_STATES = ['queued', 'ringing', 'talking', 'held', 'transferring'] as const;

/** One live call as a client sees it in a snapshot. */
export const CallViewSchema = Type.Object({
  callId: Identifier(),
  pbx: Type.Optional(Identifier()),
  direction: CallDirectionSchema,
  state: OneOf(CALL_VIEW_STATES),
  callerNumber: Nullable(PhoneNumber()),
  callerName: Nullable(SafeString({ maxLength: 200 })),
  queue: Nullable(QueueName()),
  /** The extension that has (or is offered) the call. */
  extension: Nullable(Extension()),
  agentId: Nullable(Identifier()),
  startedAt: Timestamp(),
  answeredAt: Nullable(Timestamp()),
});
export type CallView = Static<typeof CallViewSchema>;

export const PbxViewSchema = Type.Object({
  pbx: Identifier(),
  state: OneOf(PBX_CONNECTION_STATES),
  since: Timestamp(),
});
export type PbxView = Static<typeof PbxViewSchema>;

/** The state visible to one client: what `GET /api/state` returns and the WebSocket `snapshot` frame carries. */
export const StateSnapshotSchema = Type.Object({
  at: Timestamp(),
  pbx: Type.Array(PbxViewSchema),
  agents: Type.Array(AgentViewSchema),
  queues: Type.Array(QueueViewSchema),
  calls: Type.Array(CallViewSchema),
});
export type StateSnapshot = Static<typeof StateSnapshotSchema>;
