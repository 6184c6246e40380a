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
 * Builds records as calls end. `wrapupSeconds` is the total wrap-up time
 * agents spent on the call (several agents after a transfer). A record whose
 * wrap-up is still running when the call ends is created with
 * `wrapupSeconds: null` and updated once every wrap-up for it has closed.
 * Feed it the model's changes and the agent tracker's changes, in the order
 * they were produced.
 */
export class CallRecordCollector {
  readonly #deps: CallRecordCollectorDeps;
  readonly #waiting = new Map<string, CallRecord>();
  /** Wrap-up seconds already closed, per call. */
  readonly #closed = new Map<string, number>();

  constructor(deps: CallRecordCollectorDeps) {
    this.#deps = deps;
  }

  onDomainChange(change: DomainChange): CallRecordEvent | null {
    if (change.type !== 'call-ended') return null;
    const id = change.linkedid;
    const waiting = change.call.facts.answeredAt !== null && this.#deps.wrapUpOpenFor(id);
    const record = buildCallRecord(this.#deps, change.call, waiting ? null : (this.#closed.get(id) ?? 0));
    if (waiting) this.#waiting.set(id, record);
    else this.#closed.delete(id);
    return { kind: 'created', record };
  }

  onAgentChange(change: AgentStateChange): CallRecordEvent | null {
    if (change.type !== 'agent-interval') return null;
    const iv = change.interval;
    if (iv.state !== 'wrap-up' || iv.linkedid === null || iv.to === null) return null;
    const id = iv.linkedid;
    const total = (this.#closed.get(id) ?? 0) + seconds(iv.from, iv.to);
    this.#closed.set(id, total);
    const record = this.#waiting.get(id);
    if (record === undefined || this.#deps.wrapUpOpenFor(id)) return null;
    this.#waiting.delete(id);
    this.#closed.delete(id);
    return { kind: 'updated', record: { ...record, wrapupSeconds: Math.round(total * 1000) / 1000 } };
  }

  /** Records whose wrap-up has not finished yet. */
  pending(): CallRecord[] {
    return [...this.#waiting.values()];
  }
}
