import type { DomainChange } from '../telephony/changes.ts';
import type { EpochMs, PbxId } from '../telephony/types.ts';
import { type AgentInterval, type AgentState, type AgentStateChange, NO_WRAP_UP, type WrapUpPolicy, wrapUpSeconds } from './agent-state.ts';
import { activityOf, type AgentRecord, headlineOf, newRecord, type OpenInterval, scopesOf } from './agent-state-record.ts';
import { ILLEGAL_AGENT_TRANSITION, isLegalTransition } from './agent-transitions.ts';
import { applyToRecord } from './agent-state-inputs.ts';

export interface AgentStateTrackerDeps {
  readonly pbx: PbxId;
  readonly wrapUp?: WrapUpPolicy;
}

/**
 * Derives agent states from the telephony model's changes. Deterministic:
 * time comes only from the changes (and `advance`). Output: headline state
 * changes, closed intervals, and anomalies for transitions the table lacks.
 */
export class AgentStateTracker {
  readonly pbx: PbxId;
  readonly policy: WrapUpPolicy;
  readonly #records = new Map<string, AgentRecord>();
  readonly #timed = new Set<AgentRecord>();
  readonly #recordOf = (extension: string): AgentRecord => this.#record(extension);

  constructor(deps: AgentStateTrackerDeps) {
    this.pbx = deps.pbx;
    this.policy = deps.wrapUp ?? NO_WRAP_UP;
  }

  /** Feed one domain change (timers due before it fire first). */
  apply(change: DomainChange): AgentStateChange[] {
    const out = this.advance(change.at);
    const touched = applyToRecord(change, this.#recordOf);
    if (touched !== null) this.#settle(touched.record, change.at, change.type, out, touched.endWrapUp);
    return out;
  }

  /** Let time pass: wrap-ups whose timeout has come end at their deadline. */
  advance(now: EpochMs): AgentStateChange[] {
    const out: AgentStateChange[] = [];
    if (this.#timed.size === 0) return out;
    for (const rec of [...this.#timed]) {
      const deadline = rec.wrapUp?.deadline ?? null;
      if (deadline === null || deadline > now) continue;
      rec.wrapUp = null;
      this.#timed.delete(rec);
      this.#settle(rec, deadline, 'wrap-up-timeout', out, false);
    }
    return out;
  }

  /** The agent (or the CTI server on its behalf) declares wrap-up over. */
  endWrapUp(extension: string, now: EpochMs): AgentStateChange[] {
    const out = this.advance(now);
    const rec = this.#records.get(extension);
    if (rec?.wrapUp != null) this.#settle(rec, now, 'wrap-up-ended', out, true);
    return out;
  }

  /** Whether a wrap-up for this call is still running or about to start (for call records). */
  wrapUpOpenFor(linkedid: string): boolean {
    for (const rec of this.#records.values()) {
      if (rec.pending?.linkedid === linkedid || rec.wrapUp?.linkedid === linkedid) return true;
    }
    return false;
  }

  stateOf(extension: string): AgentState {
    return this.#records.get(extension)?.headline ?? 'logged-out';
  }

  /** Extensions the tracker has seen, with their headline state. */
  states(): Map<string, AgentState> {
    const out = new Map<string, AgentState>();
    for (const [ext, rec] of this.#records) out.set(ext, rec.headline);
    return out;
  }

  /** Intervals still open, with `to: null`. */
  openIntervals(): AgentInterval[] {
    const out: AgentInterval[] = [];
    for (const rec of this.#records.values()) {
      for (const [scope, o] of rec.open) out.push(this.#interval(rec, scope, o, null));
    }
    return out;
  }

  #record(extension: string): AgentRecord {
    let rec = this.#records.get(extension);
    if (rec === undefined) {
      rec = newRecord(extension);
      this.#records.set(extension, rec);
    }
    return rec;
  }

  #settle(rec: AgentRecord, now: EpochMs, trigger: string, out: AgentStateChange[], endWrapUp: boolean): void {
    if (endWrapUp && rec.wrapUp !== null) rec.wrapUp = null;
    this.#startWrapUp(rec, now);
    if (rec.wrapUp === null) this.#timed.delete(rec);
    const act = activityOf(rec);
    const next = scopesOf(rec, act);
    for (const [scope, o] of rec.open) {
      const d = next.get(scope);
      if (d !== undefined && d.state === o.state && d.reason === o.reason) continue;
      rec.open.delete(scope);
      if (now > o.from) out.push({ type: 'agent-interval', interval: this.#interval(rec, scope, o, now) });
    }
    for (const [scope, d] of next) {
      if (!rec.open.has(scope)) rec.open.set(scope, { ...d, from: now, linkedid: act.linkedid, callQueue: act.callQueue });
    }
    const head = headlineOf(rec, act);
    if (head.state === rec.headline) return;
    const previous = rec.headline;
    rec.headline = head.state;
    if (!isLegalTransition(previous, head.state)) {
      const { pbx } = this;
      out.push({ type: 'agent-anomaly', pbx, at: now, code: ILLEGAL_AGENT_TRANSITION, extension: rec.extension, from: previous, to: head.state, trigger });
    }
    out.push({
      type: 'agent-state',
      pbx: this.pbx,
      at: now,
      extension: rec.extension,
      state: head.state,
      previous,
      reason: head.reason,
      queues: [...rec.memberships.keys()],
      wrapUpEndsAt: head.state === 'wrap-up' ? (rec.wrapUp?.deadline ?? null) : null,
    });
  }

  /** A completed queue call turns into wrap-up once the agent's phone is free. */
  #startWrapUp(rec: AgentRecord, now: EpochMs): void {
    if (rec.pending === null || rec.legs.size > 0) return;
    const { linkedid, queue } = rec.pending;
    rec.pending = null;
    if (rec.memberships.size === 0) return;
    const seconds = wrapUpSeconds(this.policy, queue);
    if (this.policy.mode === 'timeout' && seconds <= 0) return;
    const deadline = this.policy.mode === 'timeout' ? now + seconds * 1000 : null;
    rec.wrapUp = { linkedid, queue, since: now, deadline };
    if (deadline !== null) this.#timed.add(rec);
  }

  #interval(rec: AgentRecord, scope: string, o: OpenInterval, to: EpochMs | null): AgentInterval {
    return {
      pbx: this.pbx,
      extension: rec.extension,
      state: o.state,
      reason: o.reason,
      queue: scope === '' ? null : scope,
      from: o.from,
      to,
      linkedid: o.linkedid,
      callQueue: o.callQueue,
    };
  }
}
