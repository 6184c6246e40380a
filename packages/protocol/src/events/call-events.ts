import { Type } from '@sinclair/typebox';
import { CustomerSummarySchema } from '../rest/customers.ts';
import { Extension, Identifier, Nullable, OneOf, PhoneNumber, QueueName, SafeString, Timestamp, TransferDestination, Url } from '../strings.ts';
import { defineEvent } from './define.ts';

/**
 * Call events are routed to the extension and agent they concern, and to the principals that
 * monitor the call's queue (which needs `queue.monitor`: supervisors, integrations, admins).
 */
const CALL_SCOPE = { extension: 'extension', agent: 'agentId', queue: 'queue' } as const;
const CALL_KEY_PERMISSIONS = { queue: 'queue.monitor' } as const;

export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const CallDirectionSchema = OneOf(CALL_DIRECTIONS);

/** Fields every call event carries. */
const callBase = {
  callId: Identifier(),
  extension: Nullable(Extension()),
  agentId: Nullable(Identifier()),
  queue: Nullable(QueueName()),
};

export const callRingingEvent = defineEvent({
  type: 'call.ringing',
  description:
    'A call is offered to an extension and rings there: the screen-pop. It can come again for the same call and extension while it still rings, with a customer found late (a CRM that answered after its timeout): replace the pop\'s card.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    direction: CallDirectionSchema,
    callerNumber: Nullable(PhoneNumber()),
    callerName: Nullable(SafeString({ maxLength: 200 })),
    /** The language the queue stands for (for example `en` for `lang-en`). */
    language: Nullable(SafeString({ maxLength: 16 })),
    /** The skill the queue stands for. */
    skill: Nullable(SafeString({ maxLength: 64 })),
    customer: Nullable(CustomerSummarySchema),
    /** The queue's screen-pop URL template, filled in for this call. */
    popupUrl: Nullable(Url()),
    /** Seconds the caller has waited in the queue so far. */
    waitSeconds: Nullable(Type.Number({ minimum: 0 })),
  }),
});

export const callAnsweredEvent = defineEvent({
  type: 'call.answered',
  description: 'The extension answered the call.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    direction: CallDirectionSchema,
    callerNumber: Nullable(PhoneNumber()),
    callerName: Nullable(SafeString({ maxLength: 200 })),
    answeredAt: Timestamp(),
    waitSeconds: Nullable(Type.Number({ minimum: 0 })),
  }),
});

export const callHeldEvent = defineEvent({
  type: 'call.held',
  description: 'The call was put on hold.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({ ...callBase }),
});

export const callUnheldEvent = defineEvent({
  type: 'call.unheld',
  description: 'The call was taken off hold.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({ ...callBase }),
});

export const callTransferredEvent = defineEvent({
  type: 'call.transferred',
  description: 'The extension transferred the call (blind or attended).',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    mode: Type.Union([Type.Literal('blind'), Type.Literal('attended')]),
    /** The number or extension the call went to. */
    /** The extension, number or queue (by name) the call went to. */
    to: TransferDestination(),
    toAgentId: Nullable(Identifier()),
    result: Type.Union([Type.Literal('success'), Type.Literal('failed')]),
  }),
});

export const CONSULT_PHASES = ['started', 'answered', 'aborted', 'completed'] as const;

export const callConsultEvent = defineEvent({
  type: 'call.consult',
  description:
    "An attended transfer's consultation, for the consulting agent: started (the customer is on hold), answered (the consulted party picked up), aborted (the agent is back with the customer) or completed (the customer went to the consulted party).",
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    phase: OneOf(CONSULT_PHASES),
    /** The consulted extension, once it answered. */
    target: Nullable(PhoneNumber()),
  }),
});

export const CALL_OUTCOMES = ['answered', 'abandoned', 'no-answer', 'busy', 'failed', 'transferred'] as const;
export const CallOutcomeSchema = OneOf(CALL_OUTCOMES);

export const callEndedEvent = defineEvent({
  type: 'call.ended',
  description: 'The call ended for this extension.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    /** Seconds from the first ring (or dial) to the end. */
    duration: Type.Number({ minimum: 0 }),
    talkSeconds: Type.Number({ minimum: 0 }),
    /** The Asterisk hangup cause (code and text), when known. */
    cause: Type.Object({ code: Nullable(Type.Integer()), text: Nullable(SafeString({ maxLength: 128 })) }),
    outcome: CallOutcomeSchema,
  }),
});

export const callDismissedEvent = defineEvent({
  type: 'call.dismissed',
  description: 'Close the screen-pop: the call rang here but was answered elsewhere, or the caller left.',
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    reason: Type.Union([Type.Literal('answered-elsewhere'), Type.Literal('caller-left'), Type.Literal('no-answer')]),
  }),
});

export const RECORDING_STATES = ['recording', 'paused', 'stopped'] as const;

export const callRecordingEvent = defineEvent({
  type: 'call.recording',
  description:
    "The recording of a call started, was paused or resumed, or stopped (confirmed by Asterisk's MixMonitorStart, MixMonitorMute and MixMonitorStop).",
  permission: 'call.read',
  scopeFields: CALL_SCOPE,
  keyPermissions: CALL_KEY_PERMISSIONS,
  payload: Type.Object({
    ...callBase,
    state: OneOf(RECORDING_STATES),
    /** The file, relative to Asterisk's recording directory. */
    file: Nullable(SafeString({ maxLength: 300 })),
    /** Who asked: a user id, or `policy` for a queue that records every call. */
    by: Nullable(Identifier()),
    startedAt: Nullable(Timestamp()),
  }),
});
