import type { AnyDeliveredEvent } from '@amiable/sdk';
import { describe, expect, it } from 'vitest';
import { awaitEffect, EffectTimeoutError, type EventSource } from '../src/lib/await-effect.ts';
import { callerLabel, formatNumber } from '../src/lib/caller-label.ts';
import { queueAlert } from '../src/lib/queue-alert.ts';
import { hangupAction, moveDeskAction, pauseAction, spyAction } from '../src/pages/wallboard/supervisor-actions.ts';

const at = '2026-11-26T10:00:00.000Z';
const ev = (type: string, payload: Record<string, unknown>): AnyDeliveredEvent => ({ type, seq: 1, at, payload }) as unknown as AnyDeliveredEvent;

/** An event source and timers driven by hand: no real time passes. */
function harness() {
  const listeners = new Set<(e: AnyDeliveredEvent) => void>();
  const source: EventSource = {
    on: (_name, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  let fire: (() => void) | undefined;
  const timers = {
    setTimeout: ((fn: () => void) => {
      fire = fn;
      return 1;
    }) as unknown as typeof setTimeout,
    clearTimeout: (() => {
      fire = undefined;
    }) as unknown as typeof clearTimeout,
  };
  return { source, timers, emit: (e: AnyDeliveredEvent) => {
      for (const l of [...listeners]) l(e);
    }, expire: () => fire?.(), listening: () => listeners.size };
}

describe('a supervisor action is confirmed when it takes effect', () => {
  it('stays pending after the server answered, and resolves with the event that shows the call is gone', async () => {
    const h = harness();
    const action = hangupAction('alice', 'call-1');
    let done = false;
    const waiting = awaitEffect(h.source, async () => ({ ok: true }), action.effect, action.timeoutMs, h.timers).then(() => {
      done = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    h.emit(ev('call.ended', { callId: 'call-2' }));
    await Promise.resolve();
    expect(done).toBe(false);
    h.emit(ev('call.ended', { callId: 'call-1' }));
    await waiting;
    expect(done).toBe(true);
    expect(h.listening()).toBe(0);
  });

  it('catches an effect that arrives before the command answers', async () => {
    const h = harness();
    const action = pauseAction('alice', 'break');
    let answer!: () => void;
    const waiting = awaitEffect(h.source, () => new Promise<void>((r) => (answer = r)), action.effect, action.timeoutMs, h.timers);
    h.emit(ev('queue.member', { agentId: 'alice', change: 'paused', reason: 'break', queue: 'lang-en' }));
    await waiting;
    answer();
  });

  it('fails with the time allowed when the effect never comes, and with the command error when it is refused', async () => {
    const h = harness();
    const action = spyAction('listen', 'alice');
    const timedOut = awaitEffect(h.source, async () => ({ ok: true }), action.effect, action.timeoutMs, h.timers);
    // A barge session is not the listening that was asked for.
    h.emit(ev('call.supervision', { agentId: 'alice', mode: 'barge', state: 'started' }));
    h.expire();
    await expect(timedOut).rejects.toBeInstanceOf(EffectTimeoutError);
    await expect(timedOut).rejects.toMatchObject({ timeoutMs: 45_000 });
    const refused = new Error('The agent is not on a call');
    await expect(awaitEffect(h.source, () => Promise.reject(refused), action.effect, action.timeoutMs, h.timers)).rejects.toBe(refused);
    expect(h.listening()).toBe(0);
  });

  it('takes a desk move as done only when the agent shows at the new extension, signed in', () => {
    const move = moveDeskAction('alice', 'desk-2', '1002');
    expect(move.effect(ev('agent.state', { agentId: 'alice', extension: '1001', state: 'logged-out' }))).toBe(false);
    expect(move.effect(ev('agent.state', { agentId: 'alice', extension: '1002', state: 'ready' }))).toBe(true);
  });
});

describe('queue alerts follow the thresholds the admin set', () => {
  it('alerts on a service level below the target and on a wait at the alert time, not before', () => {
    const q = { serviceLevel: 75, serviceLevelTargetPercent: 70, longestWaitAlertSeconds: 45 };
    expect(queueAlert(q, 44)).toEqual({ serviceLevel: false, longestWait: false });
    expect(queueAlert(q, 45)).toEqual({ serviceLevel: false, longestWait: true });
    expect(queueAlert({ ...q, serviceLevel: 69.5 }, 0)).toEqual({ serviceLevel: true, longestWait: false });
  });

  it('uses 80 % and 90 s for a queue without thresholds, and no service-level alert before the first call', () => {
    expect(queueAlert({ serviceLevel: 79 }, 89)).toEqual({ serviceLevel: true, longestWait: false });
    expect(queueAlert({ serviceLevel: null }, 90)).toEqual({ serviceLevel: false, longestWait: true });
  });
});

describe('who the agent talks to', () => {
  it("shows the caller's name, else the number grouped by libphonenumber-js, else what the PBX sent", () => {
    expect(callerLabel({ callerName: 'Jane Customer', callerNumber: '+15551234567' })).toBe('Jane Customer');
    expect(callerLabel({ callerName: '+442079460123', callerNumber: '+442079460123' })).toBe('+44 20 7946 0123');
    expect(formatNumber('0033142685300')).toBe('+33 1 42 68 53 00');
    expect(formatNumber('1001')).toBe('1001');
    expect(callerLabel({ callerName: null, callerNumber: null })).toBeNull();
  });
});

describe("the wallboard's translations", () => {
  it('has every English key of the supervisor namespace in French and Arabic, with the same placeholders', async () => {
    const { RESOURCES } = await import('../src/i18n/locales/resources.ts');
    const flat = (o: unknown, prefix = ''): Record<string, string> =>
      Object.entries(o as Record<string, unknown>).reduce<Record<string, string>>((acc, [k, v]) => {
        if (typeof v === 'string') acc[`${prefix}${k}`] = v;
        else Object.assign(acc, flat(v, `${prefix}${k}.`));
        return acc;
      }, {});
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const en = flat(RESOURCES.en!.supervisor);
    for (const lang of ['fr', 'ar']) {
      const other = flat(RESOURCES[lang]!.supervisor);
      expect(Object.keys(other).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) expect(placeholders(other[key]!), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });
});
