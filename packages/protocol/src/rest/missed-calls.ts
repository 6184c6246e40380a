import { type Static, Type } from '@sinclair/typebox';
import { CallOutcomeSchema } from '../events/call-events.ts';
import { Extension, Identifier, Nullable, PhoneNumber, QueueName, SafeString, Timestamp } from '../strings.ts';

/**
 * A call that rang at the agent's phone (during one of their sessions) and went elsewhere: answered
 * by someone else, or never answered. `GET /api/agents/me/missed-calls`, newest first.
 */
export const MissedCallSchema = Type.Object({
  callId: Identifier(),
  startedAt: Timestamp(),
  callerNumber: Nullable(PhoneNumber()),
  callerName: Nullable(SafeString({ maxLength: 200 })),
  customerId: Nullable(Identifier()),
  queue: Nullable(QueueName()),
  /** The agent's extension it rang at. */
  extension: Extension(),
  outcome: CallOutcomeSchema,
  /** Who answered instead, when someone did. */
  answeredBy: Nullable(Extension()),
  answeredAgentId: Nullable(Identifier()),
});
export type MissedCall = Static<typeof MissedCallSchema>;

export const MissedCallsQuerySchema = Type.Object({
  /** From this time (ISO-8601); default: the last 24 hours. */
  from: Type.Optional(Timestamp()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type MissedCallsQuery = Static<typeof MissedCallsQuerySchema>;

export const MissedCallsSchema = Type.Object({ items: Type.Array(MissedCallSchema) });
export type MissedCalls = Static<typeof MissedCallsSchema>;
