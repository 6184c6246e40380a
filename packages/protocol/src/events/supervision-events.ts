import { Type } from '@sinclair/typebox';
import { Extension, Identifier, Nullable, OneOf, QueueName, SafeString } from '../strings.ts';
import { defineEvent } from './define.ts';

export const SUPERVISION_MODES = ['listen', 'whisper', 'barge'] as const;
export const SUPERVISION_STATES = ['started', 'ended'] as const;

/**
 * Who listens to whom, in which mode. Routed like a call event by the spied-on agent, extension
 * and queue, but only to those who monitor (`queue.monitor`): the agent is never told that a
 * supervisor listens.
 */
export const callSupervisionEvent = defineEvent({
  type: 'call.supervision',
  description:
    "A supervisor started or ended listening to, whispering to or barging into an agent's call (Asterisk's ChanSpyStart and ChanSpyStop; the mode is the one the supervisor asked for).",
  permission: 'queue.monitor',
  scopeFields: { extension: 'extension', agent: 'agentId', queue: 'queue' },
  payload: Type.Object({
    /** The spied-on call. */
    callId: Identifier(),
    /** The agent's extension and agent id. */
    extension: Nullable(Extension()),
    agentId: Nullable(Identifier()),
    queue: Nullable(QueueName()),
    /** The supervisor's phone, and the user who asked (null when the spy was not started through this server). */
    supervisorExtension: Nullable(Extension()),
    supervisor: Nullable(SafeString({ maxLength: 200 })),
    /** Null when the spy was not started through this server (Asterisk does not say). */
    mode: Nullable(OneOf(SUPERVISION_MODES)),
    state: OneOf(SUPERVISION_STATES),
  }),
});
