import type { CallFacts, HangupBy } from '../telephony/call.ts';
import type { DeviceDirectory } from '../telephony/device-directory.ts';
import type { CallDirection, CallOutcome } from './call-record.ts';

/** Rules documented on CallDirection. */
export function directionOf(f: CallFacts, directory: DeviceDirectory): CallDirection {
  if (f.queues.length > 0) return 'inbound-queue';
  const externalOrigin =
    f.originKind === 'trunk' || (f.originKind === 'local' && f.originLocalExten !== null && !directory.isExtensionNumber(f.originLocalExten));
  if (externalOrigin) return 'inbound-direct';
  if (f.originated && f.originKind === 'phone') return 'originate';
  if (f.sawExternalLeg) return 'outbound';
  return 'internal';
}

/**
 * Answered wins. Otherwise: a queue abandon; then what the rung legs reported
 * (rejected, busy, no answer); a caller who gave up while it rang counts as
 * abandoned; a call that reached nobody and that the caller ended is
 * abandoned too; anything else failed.
 */
export function outcomeOf(f: CallFacts, hangupBy: HangupBy): CallOutcome {
  if (f.answeredAt !== null) return 'answered';
  if (f.abandoned) return 'abandoned';
  const results = new Set(f.offers.map((o) => o.result));
  if (results.has('rejected')) return 'rejected';
  if (results.has('busy')) return 'busy';
  if (results.has('no-answer') || f.leftQueueUnanswered) return 'no-answer';
  if (hangupBy === 'caller' && (results.has('cancelled') || f.offers.length === 0)) return 'abandoned';
  return 'failed';
}

/**
 * app_queue's AgentComplete reason (caller or agent) is authoritative; then
 * the first party leg to ask for a hangup since the last transfer. A call
 * that left its queue unanswered (timeout) was ended by the system. A call
 * cut by an Asterisk restart (set by the resync) says so, whatever came before.
 */
export function hangupByOf(f: CallFacts): HangupBy {
  if (f.hangupBy === 'pbx-restart') return 'pbx-restart';
  if (f.agentCompleteReason === 'caller' || f.agentCompleteReason === 'agent') return f.agentCompleteReason;
  if (f.answeredAt === null && f.leftQueueUnanswered && !f.abandoned) return 'system';
  return f.hangupBy ?? 'system';
}

/** The customer's language: CUSTOMER_LANG / CHANNEL(language) when set, else the queue name (`lang-fr` → `fr`). */
export function languageOf(f: CallFacts): string | null {
  if (f.customerLanguage !== null) return f.customerLanguage;
  for (const q of f.queues) {
    const m = /^lang-([a-z]{2,3})$/i.exec(q);
    if (m !== null) return m[1]!.toLowerCase();
  }
  return null;
}
