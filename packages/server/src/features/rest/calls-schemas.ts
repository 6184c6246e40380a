import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  Identifier,
  OneOf,
  PhoneNumber,
  QueueName,
  SafeString,
  Timestamp,
} from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';

/** An IANA zone (`Europe/Paris`), `UTC`, or a fixed offset (`+02:00`), for times in CSV exports and day/hour buckets. */
export const TimeZoneParam = Type.String({ pattern: '^[A-Za-z0-9_+:/-]+$', maxLength: 64 });

/** Filters of the call log (`GET /api/calls`, `GET /api/calls.csv`). `agent` is an alias of `agentId`. */
export const CallQuerySchema = Type.Object({
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
  queue: Type.Optional(QueueName()),
  agentId: Type.Optional(Identifier()),
  agent: Type.Optional(Identifier()),
  /** Part of the answering agent's name or username, any case (`ali` finds Alice Martin). */
  agentName: Type.Optional(SafeString({ minLength: 1, maxLength: 200 })),
  outcome: Type.Optional(OneOf(CALL_OUTCOMES)),
  direction: Type.Optional(OneOf(CALL_DIRECTIONS)),
  /** Digits of the caller's or called number (at least 3). */
  number: Type.Optional(PhoneNumber()),
  customerId: Type.Optional(Identifier()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  timeZone: Type.Optional(TimeZoneParam),
});
export type CallQuery = Static<typeof CallQuerySchema>;

export const CustomerListQuerySchema = Type.Object({
  /** Part of the name, or at least 3 digits of a number. */
  q: Type.Optional(SafeString({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type CustomerListQuery = Static<typeof CustomerListQuerySchema>;

export const LookupQuerySchema = Type.Object({ number: PhoneNumber() });

export const CustomerCallsQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
