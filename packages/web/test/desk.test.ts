import type { AnyDeliveredEvent } from '@amiable/sdk';
import { describe, expect, it } from 'vitest';
import { callExtrasReducer, type CallExtrasMap, extrasOf } from '../src/lib/call-extras.ts';
import { deskLink } from '../src/lib/desk-link.ts';
import { shortcutFor } from '../src/lib/desk-shortcuts.ts';
import { ringSoundEnabled, setRingSoundEnabled, type StorageLike } from '../src/lib/ring-settings.ts';

const key = (k: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'BODY' }, ...extra });

describe('desk keyboard shortcuts', () => {
  it('maps R, P, H, T, D and ? to Ready, Pause, Hang up, Transfer, Dial and the help list', () => {
    expect(['r', 'P', 'h', 't', 'd', '?'].map((k) => shortcutFor(key(k)))).toEqual(['ready', 'pause', 'hangup', 'transfer', 'dial', 'help']);
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('never fires while the agent types in a field, a list or an editable area', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(shortcutFor(key('h', { target: { tagName } }))).toBeNull();
    expect(shortcutFor(key('h', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
  });

  it('leaves browser shortcuts alone (Ctrl, Cmd, Alt) and ignores a held-down key', () => {
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('r', { altKey: true }))).toBeNull();
    expect(shortcutFor(key('r', { repeat: true }))).toBeNull();
  });
});

describe('the desk link to the server', () => {
  it('is offline while the connection is down, and confirming once back until a fresh snapshot arrives', () => {
    expect(deskLink({ connection: 'open', confirmed: true, everConfirmed: true })).toBe('online');
    expect(deskLink({ connection: 'reconnecting', confirmed: false, everConfirmed: true })).toBe('offline');
    expect(deskLink({ connection: 'connecting', confirmed: false, everConfirmed: true })).toBe('offline');
    expect(deskLink({ connection: 'open', confirmed: false, everConfirmed: true })).toBe('confirming');
  });

  it('does not call the first connection of the page offline, but does a server that cannot be reached at all', () => {
    expect(deskLink({ connection: 'connecting', confirmed: false, everConfirmed: false })).toBe('online');
    expect(deskLink({ connection: 'closed', confirmed: false, everConfirmed: false })).toBe('offline');
  });
});

describe('the ring sound preference', () => {
  const memory = (): StorageLike => {
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
  };
  it('is on until the agent turns it off, and is kept', () => {
    const store = memory();
    expect(ringSoundEnabled(store)).toBe(true);
    setRingSoundEnabled(false, store);
    expect(ringSoundEnabled(store)).toBe(false);
    setRingSoundEnabled(true, store);
    expect(ringSoundEnabled(store)).toBe(true);
  });
});

describe('recording and consultation of the agent’s calls', () => {
  let seq = 0;
  const ev = (type: string, payload: Record<string, unknown>) => ({ type, seq: ++seq, at: '2026-11-26T10:00:00.000Z', payload }) as unknown as AnyDeliveredEvent;
  const base = { callId: 'c1', extension: '1001', agentId: 'agent-1001', queue: 'lang-en' };
  const mine = (p: { agentId: string | null }) => p.agentId === 'agent-1001';

  it('follows the recording as Asterisk confirms it: recording, paused, recording, stopped', () => {
    let m: CallExtrasMap = {};
    for (const state of ['recording', 'paused', 'recording', 'stopped'] as const) {
      m = callExtrasReducer(m, ev('call.recording', { ...base, state, file: 'x.wav', by: 'u1', startedAt: null }), mine);
      expect(extrasOf(m, 'c1').recording).toBe(state);
    }
  });

  it('shows the consultation from started to answered, then how it ended', () => {
    let m: CallExtrasMap = {};
    m = callExtrasReducer(m, ev('call.consult', { ...base, phase: 'started', target: null }), mine);
    expect(extrasOf(m, 'c1').consult).toEqual({ phase: 'started', target: null });
    m = callExtrasReducer(m, ev('call.consult', { ...base, phase: 'answered', target: '1002' }), mine);
    expect(extrasOf(m, 'c1').consult).toEqual({ phase: 'answered', target: '1002' });
    m = callExtrasReducer(m, ev('call.consult', { ...base, phase: 'aborted', target: null }), mine);
    expect(extrasOf(m, 'c1')).toMatchObject({ consult: null, consultEnded: 'aborted' });
  });

  it("ignores other agents' calls and forgets a call once it ends", () => {
    let m = callExtrasReducer({}, ev('call.recording', { ...base, agentId: 'agent-1002', state: 'recording', file: null, by: null, startedAt: null }), mine);
    expect(m).toEqual({});
    m = callExtrasReducer(m, ev('call.recording', { ...base, state: 'recording', file: null, by: null, startedAt: null }), mine);
    m = callExtrasReducer(m, ev('call.ended', { ...base, duration: 1, talkSeconds: 1, cause: { code: 16, text: null }, outcome: 'answered' }), mine);
    expect(extrasOf(m, 'c1').recording).toBeNull();
  });
});
