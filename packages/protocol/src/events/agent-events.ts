import { Type } from '@sinclair/typebox';
import {
  Extension,
  Identifier,
  IpAddress,
  MacAddress,
  Nullable,
  OneOf,
  QueueName,
  ReasonCode,
  SafeString,
  Timestamp,
} from '../strings.ts';
import { defineEvent } from './define.ts';

export const AGENT_STATES = ['logged-out', 'ready', 'ringing', 'on-call', 'wrap-up', 'paused'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
export const AgentStateSchema = OneOf(AGENT_STATES);

/** Who changed an agent's pause state. */
export const STATE_CHANGERS = ['server', 'external'] as const;
export type StateChanger = (typeof STATE_CHANGERS)[number];

/** The call whose disposition an agent owes before she may be Ready (its queue requires one). */
export const DispositionDueSchema = Type.Object({ callId: Identifier(), queue: QueueName() });

export const agentStateEvent = defineEvent({
  type: 'agent.state',
  description: "An agent's state changed (signed in, ready, ringing, on a call, wrap-up, paused, signed out).",
  permission: 'agent.read',
  scopeFields: { agent: 'agentId', extension: 'extension' },
  payload: Type.Object({
    agentId: Identifier(),
    name: Nullable(SafeString({ maxLength: 200 })),
    state: AgentStateSchema,
    previousState: Nullable(AgentStateSchema),
    /** Pause reason code while paused; null otherwise. */
    reason: Nullable(ReasonCode()),
    since: Timestamp(),
    extension: Nullable(Extension()),
    queues: Type.Array(QueueName(), { maxItems: 256 }),
    /** When wrap-up ends by itself; null outside wrap-up or when wrap-up is unlimited. */
    wrapupEndsAt: Nullable(Timestamp()),
    /** The agent asked to pause when the current call ends (with this reason). */
    pauseAfterCall: Nullable(ReasonCode()),
    /**
     * Who made the last pause change: `server` (this CTI server, for the agent, a supervisor or the
     * wrap-up policy) or `external` (another AMI application, seen only through Asterisk's events).
     */
    changedBy: Type.Optional(OneOf(STATE_CHANGERS)),
    /** The call whose disposition the agent owes (its queue requires one); Ready is refused until it is set. */
    dispositionDue: Type.Optional(Nullable(DispositionDueSchema)),
  }),
});

export const WorkstationRefSchema = Type.Object({
  id: Nullable(Identifier()),
  name: Nullable(SafeString({ maxLength: 200 })),
  mac: Nullable(MacAddress()),
  ip: Nullable(IpAddress()),
});

export const agentSessionEvent = defineEvent({
  type: 'agent.session',
  description: 'An agent signed in or out (with the extension and workstation used).',
  permission: 'agent.read',
  scopeFields: { agent: 'agentId', extension: 'extension' },
  payload: Type.Object({
    agentId: Identifier(),
    action: Type.Union([Type.Literal('signed-in'), Type.Literal('signed-out')]),
    sessionId: Identifier(),
    extension: Nullable(Extension()),
    workstation: Nullable(WorkstationRefSchema),
    at: Timestamp(),
    /** Why the session ended: `self`, `supervisor`, `admin`, `timeout`, `pbx-restart`. */
    reason: Nullable(SafeString({ maxLength: 64 })),
  }),
});

export const agentErrorEvent = defineEvent({
  type: 'agent.error',
  description:
    'Something the server did for the agent by itself failed (the wrap-up pause after a call, the return to Ready when wrap-up ran out, a recording the queue asks for): what, and why.',
  permission: 'agent.read',
  scopeFields: { agent: 'agentId', extension: 'extension' },
  payload: Type.Object({
    agentId: Identifier(),
    extension: Nullable(Extension()),
    /** What failed: `wrap-up`, `pause-after-call`, `wrap-up-timeout`, `auto-record`, `reapply`. */
    action: SafeString({ maxLength: 64 }),
    /** The stable error code (`CTI_ERR_…`). */
    code: SafeString({ maxLength: 64 }),
    message: SafeString({ maxLength: 500 }),
  }),
});
