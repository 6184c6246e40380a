import { Type } from '@sinclair/typebox';
import { Extension, Identifier, Nullable, OneOf, QueueName, ReasonCode, SafeString } from '../strings.ts';
import { defineEvent } from './define.ts';

const Count = () => Type.Integer({ minimum: 0 });

/** Thresholds of a queue without settings of its own. */
export const DEFAULT_QUEUE_THRESHOLDS = Object.freeze({ serviceLevelSeconds: 20, serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90 });

export const QueueStatsSchema = Type.Object({
  queue: QueueName(),
  language: Nullable(SafeString({ maxLength: 16 })),
  skill: Nullable(SafeString({ maxLength: 64 })),
  waiting: Count(),
  longestWaitSeconds: Type.Number({ minimum: 0 }),
  ready: Count(),
  onCall: Count(),
  wrapup: Count(),
  paused: Count(),
  signedIn: Count(),
  answeredToday: Count(),
  abandonedToday: Count(),
  /** Percentage of calls answered within the service-level threshold today; null before the first call. */
  serviceLevel: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
  serviceLevelSeconds: Type.Integer({ minimum: 0 }),
  /** The queue's service-level target: percent of calls to answer within `serviceLevelSeconds` (admin console, Queues). */
  serviceLevelTargetPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  /** A caller waiting this many seconds or more should raise the wallboard's alert (admin console, Queues). */
  longestWaitAlertSeconds: Type.Integer({ minimum: 1 }),
  avgWaitSeconds: Nullable(Type.Number({ minimum: 0 })),
  avgTalkSeconds: Nullable(Type.Number({ minimum: 0 })),
});

export const queueStatsEvent = defineEvent({
  type: 'queue.stats',
  description: "A queue's live statistics changed.",
  permission: 'queue.read',
  scopeFields: { queue: 'queue' },
  payload: QueueStatsSchema,
});

export const QUEUE_MEMBER_CHANGES = ['added', 'removed', 'paused', 'unpaused', 'penalty'] as const;

export const queueMemberEvent = defineEvent({
  type: 'queue.member',
  description: 'A member was added to or removed from a queue, paused or unpaused, or got a new penalty.',
  permission: 'queue.read',
  scopeFields: { queue: 'queue', agent: 'agentId', extension: 'extension' },
  keyPermissions: { queue: 'queue.monitor' },
  payload: Type.Object({
    queue: QueueName(),
    change: OneOf(QUEUE_MEMBER_CHANGES),
    agentId: Nullable(Identifier()),
    extension: Nullable(Extension()),
    /** The member's interface as Asterisk knows it, e.g. `PJSIP/1001`. */
    interface: SafeString({ maxLength: 128 }),
    paused: Type.Boolean(),
    reason: Nullable(ReasonCode()),
    penalty: Type.Integer({ minimum: 0 }),
  }),
});
