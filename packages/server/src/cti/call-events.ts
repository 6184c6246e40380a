import type { CustomerSummary, EventPayload, EventType } from '@amiable/protocol';
import { type Call, type DomainChange, directionFor, type PartyDirection } from '../telephony/index.ts';
import { fillTemplate } from './agent-view.ts';
import { iso } from './iso.ts';
import type { CustomerAnswer } from './ports.ts';
import type { ProjectorDeps } from './projector.ts';

const NO_CUSTOMER: CustomerAnswer = { now: Promise.resolve(null), later: null };

export type CallEventType = Extract<EventType, `call.${string}`>;
/** The fields `callEvent` fills in itself (`queue` may still be given by the caller). */
export type CallEventExtra<K extends CallEventType> = Omit<EventPayload<K>, 'callId' | 'extension' | 'agentId' | 'queue'> & { queue?: string | null };

export interface CallEventDeps extends Pick<ProjectorDeps, 'agents' | 'models' | 'findCustomer' | 'queueInfo' | 'now' | 'callEnded' | 'log'> {
  publish<K extends EventType>(type: K, pbx: string, payload: EventPayload<K>): void;
  /** An agent's view may have moved (a consultation started or ended). */
  refreshAgent(agentId: string): void;
  /** A queue call ended: the day's statistics count it. */
  queueCallEnded(queue: string, outcome: 'answered' | 'abandoned' | 'other', waitSeconds: number, talkSeconds: number): void;
}

/**
 * The call side of the projection: screen pops, answers, dismissals, consultations and the
 * end of each call, per party, in the order the call's events happened (a per-call chain keeps
 * that order across the customer lookup).
 */
export class CallEventProjection {
  readonly #d: CallEventDeps;
  /** `${pbx}|${linkedid}` → extensions currently popped for that call. */
  readonly #ringing = new Map<string, Set<string>>();
  readonly #customers = new Map<string, CustomerAnswer>();
  /** Per-call promise chain so a call's events keep their order across async lookups. */
  readonly #chains = new Map<string, Promise<void>>();

  constructor(deps: CallEventDeps) {
    this.#d = deps;
  }

  isOwner(pbx: string, linkedid: string, extension: string): boolean {
    return this.#d.models().get(pbx)?.calls.get(linkedid)?.facts.owner === extension;
  }

  #direction(pbx: string, linkedid: string, extension: string): PartyDirection {
    const model = this.#d.models().get(pbx);
    const call = model?.calls.get(linkedid);
    return model === undefined || call === undefined ? 'inbound' : directionFor(model, call, extension);
  }

  /** The consulting agent sees its consultation; the consulted party's ring closes quietly once it answers. */
  consult(pbx: string, c: Extract<DomainChange, { type: 'call-consult' }>): void {
    const key = `${pbx}|${c.linkedid}`;
    if (c.phase === 'answered' && c.target) this.#ringing.get(key)?.delete(c.target);
    if (c.extension) {
      const extension = c.extension;
      const target = c.target && /^\+?[0-9*#][0-9*# ().-]*$/.test(c.target) ? c.target : null;
      this.#chain(key, async () => this.callEvent(pbx, c.linkedid, 'call.consult', extension, { phase: c.phase, target }));
      const agent = this.#d.agents.byExtension(pbx, extension);
      if (agent) this.#d.refreshAgent(agent.agentId);
    }
  }

  queueCall(pbx: string, linkedid: string): boolean {
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    return (call?.facts.queues.length ?? 0) > 0;
  }

  ring(pbx: string, linkedid: string, extension: string, queue: string | null): void {
    const key = `${pbx}|${linkedid}`;
    const set = this.#ringing.get(key) ?? new Set<string>();
    if (set.has(extension)) return;
    set.add(extension);
    this.#ringing.set(key, set);
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    const number = call?.facts.callerNumber ?? null;
    const name = call?.facts.callerName ?? null;
    const joined = call?.facts.queueJoinedAt ?? null;
    const info = queue ? this.#d.queueInfo(queue) : null;
    const customer = number ? this.#customer(number) : NO_CUSTOMER;
    const direction = this.#direction(pbx, linkedid, extension);
    const ringing = (found: CustomerSummary | null): CallEventExtra<'call.ringing'> => ({
      queue,
      direction,
      callerNumber: number,
      callerName: name,
      language: info?.language ?? call?.facts.customerLanguage ?? found?.language ?? null,
      skill: info?.skill ?? null,
      customer: found,
      popupUrl: info?.popupUrlTemplate ? fillTemplate(info.popupUrlTemplate, { number, name, queue, linkedid, customer: found?.id ?? null }) : null,
      waitSeconds: joined === null ? null : Math.max(0, Math.round((this.#d.now() - joined) / 1000)),
    });
    this.#chain(key, async () => {
      this.callEvent(pbx, linkedid, 'call.ringing', extension, ringing(await customer.now), queue);
    });
    // A slower source (the CRM) answered after the pop went out: the pop is sent again with its
    // customer, as long as the call still rings at this extension.
    void customer.later?.then((late) => {
      if (late === null || !this.#ringing.get(key)?.has(extension)) return;
      this.#chain(key, async () => {
        if (!this.#ringing.get(key)?.has(extension)) return;
        this.callEvent(pbx, linkedid, 'call.ringing', extension, ringing(late), queue);
      });
    });
  }

  answered(pbx: string, linkedid: string, extension: string): void {
    const key = `${pbx}|${linkedid}`;
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    const joined = call?.facts.queueJoinedAt ?? null;
    const answeredAt = call?.facts.answeredAt ?? this.#d.now();
    // The owner of a click-to-dial hears the callee answer: her call is answered too.
    const owner = call?.facts.owner ?? null;
    const parties = owner !== null && owner !== extension ? [owner, extension] : [extension];
    // Read now: the chain may run after a short call has left the model.
    const queue = call?.facts.queues[0] ?? null;
    for (const party of parties) {
      const direction = this.#direction(pbx, linkedid, party);
      this.#chain(key, async () => {
        this.callEvent(pbx, linkedid, 'call.answered', party, {
          direction,
          callerNumber: call?.facts.callerNumber ?? null,
          callerName: call?.facts.callerName ?? null,
          answeredAt: iso(answeredAt),
          waitSeconds: joined === null ? null : Math.max(0, Math.round((answeredAt - joined) / 1000)),
        }, queue);
      });
    }
    const set = this.#ringing.get(key);
    for (const ext of [...(set ?? [])]) if (!parties.includes(ext)) this.dismiss(pbx, linkedid, ext, 'answered-elsewhere');
    for (const party of parties) set?.delete(party);
  }

  dismiss(pbx: string, linkedid: string, extension: string, reason: 'answered-elsewhere' | 'caller-left' | 'no-answer'): void {
    const key = `${pbx}|${linkedid}`;
    const set = this.#ringing.get(key);
    if (!set?.delete(extension)) return;
    const queue = this.#d.models().get(pbx)?.calls.get(linkedid)?.facts.queues[0] ?? null;
    this.#chain(key, async () => this.callEvent(pbx, linkedid, 'call.dismissed', extension, { reason }, queue));
  }

  dismissAll(pbx: string, linkedid: string, reason: 'caller-left'): void {
    for (const ext of [...(this.#ringing.get(`${pbx}|${linkedid}`) ?? [])]) this.dismiss(pbx, linkedid, ext, reason);
  }

  ended(pbx: string, call: Call): void {
    const key = `${pbx}|${call.linkedid}`;
    this.dismissAll(pbx, call.linkedid, 'caller-left');
    const f = call.facts;
    const end = f.endedAt ?? this.#d.now();
    const talk = f.answeredAt === null ? 0 : Math.max(0, (end - f.answeredAt) / 1000);
    const wait = f.queueJoinedAt === null ? 0 : Math.max(0, ((f.answeredAt ?? f.queueLeftAt ?? end) - f.queueJoinedAt) / 1000);
    const queue = f.queues[0] ?? null;
    const outcome = f.answeredAt !== null ? (f.transfers.length > 0 ? 'transferred' : 'answered') : f.abandoned || queue ? 'abandoned' : 'no-answer';
    if (queue) this.#d.queueCallEnded(queue, f.answeredAt !== null ? 'answered' : f.abandoned ? 'abandoned' : 'other', wait, talk);
    const parties = new Set<string>();
    if (f.answeredBy) parties.add(f.answeredBy);
    if (f.currentAgent) parties.add(f.currentAgent);
    if (f.originExtension) parties.add(f.originExtension);
    for (const segment of f.segments) parties.add(segment.extension);
    // Each agent's own talk: an agent who transferred the call is not credited with what followed.
    const talkOf = (ext: string): number => {
      const own = f.segments.filter((s) => s.extension === ext);
      if (own.length === 0) return talk;
      return own.reduce((sum, s) => sum + Math.max(0, ((s.endedAt ?? end) - s.answeredAt) / 1000), 0);
    };
    this.#chain(key, async () => {
      for (const ext of parties) {
        this.callEvent(pbx, call.linkedid, 'call.ended', ext, {
          duration: Math.max(0, Math.round((end - call.startedAt) / 1000)),
          talkSeconds: Math.round(talkOf(ext)),
          cause: { code: f.hangupCause, text: f.hangupCauseText },
          outcome,
        }, queue);
      }
    });
    this.#chains.delete(key);
    this.#ringing.delete(key);
    this.#d.callEnded?.(pbx, call);
  }

  callEvent<K extends CallEventType>(pbx: string, linkedid: string, type: K, extension: string, extra: CallEventExtra<K>, queue?: string | null): void {
    const agent = this.#d.agents.byExtension(pbx, extension);
    const call = this.#d.models().get(pbx)?.calls.get(linkedid);
    this.#d.publish(type, pbx, {
      callId: linkedid,
      extension,
      agentId: agent?.agentId ?? null,
      queue: queue !== undefined ? queue : (call?.facts.queues[0] ?? null),
      ...extra,
    } as EventPayload<K>);
  }

  #customer(number: string): CustomerAnswer {
    let answer = this.#customers.get(number);
    if (!answer) {
      const found = this.#d.findCustomer(number);
      const quiet = (p: Promise<CustomerSummary | null>, what: string) =>
        p.catch((err: unknown) => {
          this.#d.log?.warn({ err: (err as Error).message }, what);
          return null;
        });
      answer = {
        now: quiet(found.now, 'customer lookup failed; the screen-pop goes without a card'),
        later: found.later && quiet(found.later, 'late customer lookup failed; the screen-pop keeps its card'),
      };
      this.#customers.set(number, answer);
      // Cache briefly: a ring-all call pops the same customer on every phone.
      setTimeout(() => this.#customers.delete(number), 5000).unref?.();
    }
    return answer;
  }

  #chain(key: string, run: () => Promise<void>): void {
    const next = (this.#chains.get(key) ?? Promise.resolve()).then(run).catch((err: unknown) => {
      this.#d.log?.warn({ call: key, err: (err as Error).message }, 'call event not published');
    });
    this.#chains.set(key, next);
  }
}
