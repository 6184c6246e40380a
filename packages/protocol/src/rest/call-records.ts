import { type Static, Type } from '@sinclair/typebox';
import { CallDirectionSchema, CallOutcomeSchema } from '../events/call-events.ts';
import { CallNotesText, DispositionCode } from './dispositions.ts';
import { Extension, Identifier, Nullable, PhoneNumber, QueueName, SafeString, Timestamp } from '../strings.ts';

/** One finished call, as archived. */
export const CallRecordSchema = Type.Object({
  callId: Identifier(),
  pbx: Nullable(Identifier()),
  direction: CallDirectionSchema,
  callerNumber: Nullable(PhoneNumber()),
  callerName: Nullable(SafeString({ maxLength: 200 })),
  calledNumber: Nullable(PhoneNumber()),
  queue: Nullable(QueueName()),
  agentId: Nullable(Identifier()),
  /** The answering agent's display name (in `GET /api/calls`). */
  agentName: Type.Optional(Nullable(SafeString({ maxLength: 200 }))),
  extension: Nullable(Extension()),
  customerId: Nullable(Identifier()),
  startedAt: Timestamp(),
  answeredAt: Nullable(Timestamp()),
  endedAt: Timestamp(),
  waitSeconds: Type.Number({ minimum: 0 }),
  talkSeconds: Type.Number({ minimum: 0 }),
  outcome: CallOutcomeSchema,
  hangupCause: Nullable(Type.Integer()),
  /** The recording file, relative to Asterisk's recording directory; null when not recorded. */
  recordingFile: Type.Optional(Nullable(SafeString({ maxLength: 300 }))),
  /** The disposition code the agent picked in wrap-up; null until one is set. */
  disposition: Type.Optional(Nullable(DispositionCode())),
  /** The agent's notes on the call; null when none. */
  notes: Type.Optional(Nullable(CallNotesText())),
});
export type CallRecord = Static<typeof CallRecordSchema>;

export const CallRecordQuerySchema = Type.Object({
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
  queue: Type.Optional(QueueName()),
  agentId: Type.Optional(Identifier()),
  /** Part of the answering agent's name or username, any case. */
  agentName: Type.Optional(SafeString({ minLength: 1, maxLength: 200 })),
  number: Type.Optional(PhoneNumber()),
  outcome: Type.Optional(CallOutcomeSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type CallRecordQuery = Static<typeof CallRecordQuerySchema>;
