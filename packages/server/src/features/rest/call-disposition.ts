/**
 * Who may write a call's disposition and notes, and whether the code fits the call. An agent may
 * write those of her own calls (the calls credited to her); supervisors and integrations those of
 * the calls within their reach; admins any. As for commands, permission comes before existence: a
 * call you may not touch and a call that does not exist answer the same 403, and only a caller who
 * may touch every call (an admin) learns that one is missing.
 */
import { forbidden } from '../../identity/errors.ts';
import type { Principal } from '../../identity/principal.ts';
import type { CallRecord } from '../../persistence/repositories/call-records.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import { ServiceErrors } from '../common/service-errors.ts';
import { type CallScope, callScopeOf } from './call-log.ts';
import { notFound } from './store-errors.ts';

function inReach(principal: Principal, scope: CallScope, record: CallRecord): boolean {
  if (scope === 'all') return true;
  if (principal.role === 'agent') return principal.agentId !== undefined && record.answeredAgentId === principal.agentId;
  return (
    (record.answeredAgentId !== null && scope.agents.includes(record.answeredAgentId)) ||
    (record.answeredBy !== null && scope.extensions.includes(record.answeredBy)) ||
    (record.queue !== null && scope.queues.includes(record.queue))
  );
}

/** The call record the principal may write a disposition on, or the 403 (404 for admins). */
export async function callForDisposition(
  repos: Pick<Repositories, 'callRecords'>,
  principal: Principal,
  callId: string,
  pbx: string | undefined,
): Promise<CallRecord> {
  const scope = callScopeOf(principal);
  const records = (await repos.callRecords.findByLinkedid(callId)).filter((r) => pbx === undefined || r.pbx === pbx);
  const record = records.find((r) => inReach(principal, scope, r));
  if (record) return record;
  if (scope === 'all') throw notFound(`No call ${callId} in the call log`);
  throw forbidden(`You may not write the disposition of call ${callId}`);
}

/** A code must be one of the call's queue's codes (a call outside any queue takes none). */
export async function checkDispositionCode(repos: Pick<Repositories, 'dispositions'>, record: CallRecord, code: string): Promise<void> {
  const config = record.queue ? await repos.dispositions.get(record.pbx, record.queue) : undefined;
  if (config?.codes.some((c) => c.code === code)) return;
  const message = record.queue
    ? `The disposition ${code} is not one of the codes of queue ${record.queue}`
    : `The call came from no queue, so it takes no disposition code`;
  throw ServiceErrors.unknownDisposition(message, {
    field: 'disposition',
    queue: record.queue,
    errors: [{ path: '/body/disposition', message }],
  });
}
