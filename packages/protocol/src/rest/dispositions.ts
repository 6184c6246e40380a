import { type Static, Type } from '@sinclair/typebox';
import { Identifier, QueueName, SafeString, Timestamp } from '../strings.ts';

/** A disposition code as stored on call records: letters, digits, `_ . -`. */
export function DispositionCode() {
  return Type.String({ pattern: '^[A-Za-z0-9_.-]+$', minLength: 1, maxLength: 64 });
}

/**
 * An agent's notes on a call: free text that may span lines (LF), without CR or NUL. Notes are
 * stored and shown, never sent to Asterisk.
 */
export function CallNotesText() {
  return Type.String({ pattern: '^[^\\r\\x00]*$', maxLength: 4000 });
}

export const DispositionCodeEntrySchema = Type.Object(
  { code: DispositionCode(), label: SafeString({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type DispositionCodeEntry = Static<typeof DispositionCodeEntrySchema>;

/** One queue's disposition codes and whether the agent must pick one before Ready. */
export const QueueDispositionsSchema = Type.Object({
  pbx: Identifier(),
  queue: QueueName(),
  required: Type.Boolean(),
  codes: Type.Array(DispositionCodeEntrySchema, { maxItems: 100 }),
  updatedAt: Timestamp(),
});
export type QueueDispositions = Static<typeof QueueDispositionsSchema>;

/** `PUT /api/dispositions/:queue`: replaces the queue's codes and flag. */
export const QueueDispositionsUpdateSchema = Type.Object(
  {
    required: Type.Boolean(),
    codes: Type.Array(DispositionCodeEntrySchema, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type QueueDispositionsUpdate = Static<typeof QueueDispositionsUpdateSchema>;

/** `PUT /api/calls/:callId/disposition`: the fields given are set; null clears. */
export const CallDispositionUpdateSchema = Type.Object(
  {
    disposition: Type.Optional(Type.Union([DispositionCode(), Type.Null()])),
    notes: Type.Optional(Type.Union([CallNotesText(), Type.Null()])),
    /** The PBX of the call, when several share the id. */
    pbx: Type.Optional(Identifier()),
  },
  { additionalProperties: false },
);
export type CallDispositionUpdate = Static<typeof CallDispositionUpdateSchema>;
