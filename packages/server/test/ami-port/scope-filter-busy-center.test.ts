import type { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { loadEvents, principal, replay, text } from './support/traces.ts';

/**
 * An oracle written independently of the filter: from the whole transcript, the
 * Uniqueids and Linkedids of the extension's own legs and the time each leg was alive.
 */
function ownLegs(events: readonly AmiMessage[], ext: string) {
  const prefix = `PJSIP/${ext}-`;
  const legs = new Map<string, { linkedid: string; from: number; to: number }>();
  const linkedidOf = new Map<string, string>();
  const bridges = new Set<string>();
  events.forEach((m, i) => {
    for (const p of ['', 'Dest', 'LocalOne', 'LocalTwo', 'Source', 'Transferer', 'Transferee', 'OrigTransferer', 'SecondTransferer']) {
      const uid = m.get(`${p}Uniqueid`);
      const lid = m.get(`${p}Linkedid`);
      if (uid === undefined || lid === undefined) continue;
      linkedidOf.set(uid, lid);
      if (m.get(`${p}Channel`)?.startsWith(prefix) && !legs.has(uid)) legs.set(uid, { linkedid: lid, from: i, to: Infinity });
    }
    const uid = m.get('Uniqueid');
    if (m.event === 'Hangup' && uid !== undefined && legs.has(uid)) legs.get(uid)!.to = i;
    if (m.event === 'BridgeEnter' && m.get('Channel')?.startsWith(prefix)) bridges.add(m.get('BridgeUniqueid')!);
  });
  const heldAt = (linkedid: string, i: number) =>
    [...legs.values()].some((l) => l.linkedid === linkedid && l.from <= i && i <= l.to);
  return { legs, linkedidOf, bridges, heldAt };
}

const OTHER_PHONE = (ext: string) => new RegExp(`PJSIP/(?!${ext}-)[0-9]+-[0-9a-f]{8}`);

function attributable(m: AmiMessage, i: number, ext: string, o: ReturnType<typeof ownLegs>): boolean {
  if (m.event === 'FullyBooted') return true;
  if (text(m).includes(`PJSIP/${ext}`)) return true;
  if (m.event === 'ExtensionStatus' && m.get('Exten') === ext) return true;
  for (let k = 0; k < m.fields.length; k += 2) {
    const key = m.fields[k]!.toLowerCase();
    const value = m.fields[k + 1]!;
    if (key.endsWith('linkedid') && o.heldAt(value, i)) return true;
    if (key.endsWith('bridgeuniqueid') && o.bridges.has(value)) return true;
    if (key.endsWith('uniqueid')) {
      const lid = o.linkedidOf.get(value);
      if (lid !== undefined && o.heldAt(lid, i)) return true;
    }
  }
  return false;
}

describe('scope filter on the busy-center transcript (6 agents, 20 calls)', () => {
  const events = loadEvents('busy-center');
  const ext = '1013';
  const delivered = replay(events, principal({ extensions: [ext] }));
  const oracle = ownLegs(events, ext);

  it('gives an agent scoped to extension 1013 only events of calls its phone is in', () => {
    expect(oracle.legs.size).toBeGreaterThan(5);
    for (const [i, m] of delivered) expect(attributable(m, i, ext, oracle), `${i} ${m.event}`).toBe(true);
  });

  it('never shows the 1013 agent an event that mentions another extension’s channel', () => {
    const other = OTHER_PHONE(ext);
    for (const [i, m] of delivered) expect(other.test(text(m)), `${i} ${m.event}: ${text(m)}`).toBe(false);
  });

  it('delivers every event about a 1013 leg that names no other phone', () => {
    const other = OTHER_PHONE(ext);
    const expected = events
      .map((m, i) => [i, m] as const)
      .filter(([, m]) => m.get('Channel')?.startsWith(`PJSIP/${ext}-`) && !other.test(text(m)));
    const got = new Set(delivered.map(([i]) => i));
    expect(expected.length).toBeGreaterThan(100);
    for (const [i, m] of expected) expect(got.has(i), `${i} ${m.event}`).toBe(true);
  });

  it('shows the caller’s side of calls 1013 takes part in (Local caller legs, queue events, bridges)', () => {
    const names = (pred: (m: AmiMessage) => boolean) => delivered.filter(([, m]) => pred(m)).map(([, m]) => m.event);
    const callerSide = names((m) => m.get('Channel')?.startsWith('Local/') === true);
    expect(callerSide).toContain('QueueCallerLeave');
    expect(callerSide).toContain('MusicOnHoldStop');
    expect(callerSide).toContain('AgentCalled');
    expect(names((m) => m.get('DestChannel')?.startsWith(`PJSIP/${ext}-`) === true)).toContain('AgentConnect');
    expect(names((m) => m.event === 'BridgeDestroy').length).toBeGreaterThan(0);
    expect(names((m) => m.event === 'ExtensionStatus').length).toBeGreaterThan(0);
    expect(names((m) => m.get('Device') === `PJSIP/${ext}`).length).toBeGreaterThan(0);
  });

  it('withholds other sessions’ logins, list items and OriginateResponses (they carry an ActionID)', () => {
    const kinds = new Set(delivered.map(([, m]) => m.event));
    expect(kinds.has('SuccessfulAuth')).toBe(false);
    expect(kinds.has('QueueSummary')).toBe(false);
    expect(kinds.has('OriginateResponse')).toBe(false);
    expect(delivered.some(([, m]) => m.actionId !== undefined)).toBe(false);
  });

  it('stops showing a call to 1013 once its ringing leg lost to another agent', () => {
    // Calls where 1013 rang but another agent answered: nothing after 1013's Hangup, unless it names 1013.
    for (const [i, m] of delivered) {
      const lid = m.get('Linkedid');
      if (lid === undefined || text(m).includes(`PJSIP/${ext}`)) continue;
      expect(oracle.heldAt(lid, i), `${i} ${m.event}`).toBe(true);
    }
    const lost = events.filter((m) => m.event === 'Hangup' && m.get('Channel')?.startsWith(`PJSIP/${ext}-`) && m.get('Cause') === '26');
    expect(lost.length).toBeGreaterThan(0);
  });

  it.each(['1011', '1012', '1014', '1015', '1016'])('keeps every other agent (%s) to its own phone’s channels too', (agent) => {
    const other = OTHER_PHONE(agent);
    const got = replay(events, principal({ extensions: [agent] }));
    expect(got.length).toBeGreaterThan(50);
    for (const [i, m] of got) expect(other.test(text(m)), `${i} ${m.event}`).toBe(false);
  });

  it('gives an admin every event except those answering somebody’s action', () => {
    const all = replay(events, principal({ role: 'admin' }));
    const expected = events.filter((m) => m.actionId === undefined);
    expect(all.length).toBe(expected.length);
  });

  it('shows a lang-ar supervisor the lang-ar callers, never the lang-en ones', () => {
    const team = ['1013', '1014', '1015', '1016'];
    const got = replay(events, principal({ role: 'supervisor', extensions: team, queues: ['lang-ar'] }));
    const joins = got.filter(([, m]) => m.event === 'QueueCallerJoin').map(([, m]) => m.get('Queue'));
    expect(joins.length).toBeGreaterThan(0);
    expect(new Set(joins)).toEqual(new Set(['lang-ar']));
    const other = /PJSIP\/(?!101[3-6]-)[0-9]+-[0-9a-f]{8}/;
    for (const [i, m] of got) expect(other.test(text(m)), `${i} ${m.event}`).toBe(false);
  });

  it('gives a client with no extensions and no queues nothing but FullyBooted', () => {
    const got = replay(events, principal({}));
    expect(got.map(([, m]) => m.event)).toEqual(['FullyBooted']);
  });
});
