import { type Channel, update } from '../model/channel.ts';
import type { PbxCore } from './core.ts';
import { newexten, varset } from './noise.ts';

/**
 * The lab dialplan (test/fixtures/ami-traces/lab-config/extensions.conf),
 * reduced to what produces AMI events: each step is one Newexten, plus the
 * VarSet of a Set(). Routes end in a Queue() or a Dial().
 */
export interface Step {
  context: string;
  exten: string;
  priority: number;
  app: string;
  data: string | ((ch: Channel) => string);
  /** Side effect of the step (e.g. Set). */
  run?: (ch: Channel) => void;
}

export type RouteEnd = { kind: 'queue'; queue: string } | { kind: 'dial'; endpoint: string };

export interface Route {
  steps: Step[];
  end: RouteEnd;
}

const LANG_NAMES: Record<string, string> = {
  en: 'English',
  ar: 'Arabic',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
};

/** `${CALLERID(all)}`: `"Name" <number>`. */
export function callerIdAll(num: string, name: string): string {
  return name ? `"${name}" <${num}>` : `<${num}>`;
}

/** The customer language inherited by the channel (`__CUSTOMER_LANG`). */
export function customerLang(ch: Channel): string {
  return ch.inherit.find(([k]) => k === '__CUSTOMER_LANG')?.[1] ?? 'en';
}

function setInherited(core: PbxCore, ch: Channel, name: string, value: string): void {
  // Asterisk keeps channel variables newest first; children inherit them in that order.
  const i = ch.inherit.findIndex(([k]) => k === name);
  if (i === -1) ch.inherit.unshift([name, value]);
  else ch.inherit[i] = [name, value];
  varset(core, ch, name, value);
}

function queueEntry(queue: string, cid: string): Step[] {
  const ctx = 'queue-entry';
  return [
    { context: ctx, exten: queue, priority: 1, app: 'NoOp', data: (ch) => `Caller ${cid} lang ${customerLang(ch)} entering queue ${queue}` },
    { context: ctx, exten: queue, priority: 2, app: 'Answer', data: '' },
    { context: ctx, exten: queue, priority: 3, app: 'Set', data: (ch) => `CDR(userfield)=lang=${customerLang(ch)}` },
    { context: ctx, exten: queue, priority: 4, app: 'Queue', data: `${queue},tT,,,300` },
  ];
}

/** Routes of context `from-trunk` (customer calls). */
export function fromTrunkRoute(core: PbxCore, exten: string, num: string, name: string): Route | undefined {
  const cid = callerIdAll(num, name);
  const ctx = 'from-trunk';
  const langQueue = `lang-${exten}`;
  if (/^[a-z]{2}$/.test(exten) && core.queues.has(langQueue)) {
    return {
      steps: [
        { context: ctx, exten, priority: 1, app: 'NoOp', data: `Inbound ${cid} for ${LANG_NAMES[exten] ?? exten.toUpperCase()}` },
        { context: ctx, exten, priority: 2, app: 'Set', data: `CHANNEL(language)=${exten}`, run: (ch) => update(ch, { language: exten }) },
        { context: ctx, exten, priority: 3, app: 'Set', data: `__CUSTOMER_LANG=${exten}`, run: (ch) => setInherited(core, ch, '__CUSTOMER_LANG', exten) },
        { context: ctx, exten, priority: 4, app: 'Goto', data: `queue-entry,${langQueue},1` },
        ...queueEntry(langQueue, cid),
      ],
      end: { kind: 'queue', queue: langQueue },
    };
  }
  if (core.queues.has(exten)) {
    return {
      steps: [
        { context: ctx, exten, priority: 1, app: 'Set', data: '__CUSTOMER_LANG=en', run: (ch) => setInherited(core, ch, '__CUSTOMER_LANG', 'en') },
        { context: ctx, exten, priority: 2, app: 'Goto', data: `queue-entry,${exten},1` },
        ...queueEntry(exten, cid),
      ],
      end: { kind: 'queue', queue: exten },
    };
  }
  if (core.hasEndpoint(exten)) {
    return {
      steps: [
        { context: ctx, exten, priority: 1, app: 'NoOp', data: `Trunk call ${cid} direct to ${exten}` },
        { context: ctx, exten, priority: 2, app: 'Set', data: '__CUSTOMER_LANG=en', run: (ch) => setInherited(core, ch, '__CUSTOMER_LANG', 'en') },
        { context: ctx, exten, priority: 3, app: 'Dial', data: `PJSIP/${exten},30,tT` },
      ],
      end: { kind: 'dial', endpoint: exten },
    };
  }
  return undefined;
}

/** Routes of context `internal` (agent phones, click-to-dial, transfers). */
export function internalRoute(core: PbxCore, exten: string, num: string, name: string): Route | undefined {
  const ctx = 'internal';
  if (core.hasEndpoint(exten)) {
    return {
      steps: [
        { context: ctx, exten, priority: 1, app: 'NoOp', data: `Direct call from ${callerIdAll(num, name)} to ${exten}` },
        { context: ctx, exten, priority: 2, app: 'Dial', data: `PJSIP/${exten},30,tT` },
      ],
      end: { kind: 'dial', endpoint: exten },
    };
  }
  if (core.queues.has(exten)) {
    return {
      steps: [
        { context: ctx, exten, priority: 1, app: 'Goto', data: `queue-entry,${exten},1` },
        ...queueEntry(exten, callerIdAll(num, name)),
      ],
      end: { kind: 'queue', queue: exten },
    };
  }
  return undefined;
}

export function routeFor(core: PbxCore, context: string, exten: string, num: string, name: string): Route | undefined {
  if (context === 'from-trunk') return fromTrunkRoute(core, exten, num, name);
  if (context === 'internal') return internalRoute(core, exten, num, name);
  return undefined;
}

/** Emit the Newexten (and Set side effects) of each step. */
export function runSteps(core: PbxCore, ch: Channel, steps: readonly Step[]): void {
  for (const s of steps) {
    const data = typeof s.data === 'function' ? s.data(ch) : s.data;
    newexten(core, ch, s.context, s.exten, s.priority, s.app, data);
    s.run?.(ch);
  }
}
