import type { AgentStateChange } from '../contact-center/agent-state.ts';
import type { DomainChange } from '../telephony/changes.ts';
import type { DeviceDirectory } from '../telephony/device-directory.ts';
import type { PbxId } from '../telephony/types.ts';
import { buildCallRecord } from './build-call-record.ts';
import type { CallRecord } from './call-record.ts';
import { seconds } from './time.ts';

export interface CallRecordCollectorDeps {
  readonly pbx: PbxId;
  readonly directory: DeviceDirectory;
  /** Whether an agent's wrap-up for this call is still running or about to start. */
  readonly wrapUpOpenFor: (linkedid: string) => boolean;
}

export interface CallRecordEvent {
  readonly kind: 'created' | 'updated';
  readonly record: CallRecord;
}

/**
 * Builds records as calls end. A record whose agent is still in wrap-up is
 * created with `wrapupSeconds: null` and updated when the wrap-up interval
 * for that call closes. Feed it the model's changes and the agent tracker's
 * changes, in the order they were produced.
 */
export class CallRecordCollector {
  readonly #deps: CallRecordCollectorDeps;
  readonly #waiting = new Map<string, CallRecord>();

  constructor(deps: CallRecordCollectorDeps) {
    this.#deps = deps;
  }

  onDomainChange(change: DomainChange): CallRecordEvent | null {
    if (change.type !== 'call-ended') return null;
    const waiting = change.call.facts.answeredAt !== null && this.#deps.wrapUpOpenFor(change.linkedid);
    const record = buildCallRecord(this.#deps, change.call, waiting ? null : 0);
    if (waiting) this.#waiting.set(record.linkedid, record);
    return { kind: 'created', record };
  }

  onAgentChange(change: AgentStateChange): CallRecordEvent | null {
    if (change.type !== 'agent-interval') return null;
    const iv = change.interval;
    if (iv.state !== 'wrap-up' || iv.linkedid === null || iv.to === null) return null;
    const record = this.#waiting.get(iv.linkedid);
    if (record === undefined) return null;
    const wrapupSeconds = (record.wrapupSeconds ?? 0) + seconds(iv.from, iv.to);
    const updated: CallRecord = { ...record, wrapupSeconds };
    if (this.#deps.wrapUpOpenFor(iv.linkedid)) this.#waiting.set(iv.linkedid, updated);
    else this.#waiting.delete(iv.linkedid);
    return { kind: 'updated', record: updated };
  }

  /** Records whose wrap-up has not finished yet. */
  pending(): CallRecord[] {
    return [...this.#waiting.values()];
  }
}
