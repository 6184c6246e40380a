import { type Static, Type } from '@sinclair/typebox';
import { Extension, Identifier, QueueName } from './strings.ts';

/**
 * Where an event belongs. The router indexes subscribers by these keys and delivers an event
 * only to clients whose principal covers at least one of them (and holds the event's permission).
 * An event with no extension, agent or queue key is PBX-wide (for example `pbx.connection`).
 */
export const EventScopeSchema = Type.Object(
  {
    pbx: Type.Optional(Identifier()),
    extension: Type.Optional(Extension()),
    agent: Type.Optional(Identifier()),
    queue: Type.Optional(QueueName()),
  },
  { additionalProperties: false },
);
export type EventScope = Static<typeof EventScopeSchema>;

/** The keys an event type can declare as its scope. */
export const SCOPE_KEYS = ['pbx', 'extension', 'agent', 'queue'] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];
