import { describe, expect, it } from 'vitest';
import { AMI_CLIENT_TRANSITIONS, type AmiStatusChange, AmiStateError } from '../../src/index.ts';
import { createStateMachine } from '../../src/client/state-machine.ts';

describe('connection state machine', () => {
  it('walks idle -> connecting -> authenticating -> resyncing -> ready -> reconnecting -> connecting, emitting each change', () => {
    const changes: AmiStatusChange[] = [];
    const m = createStateMachine({ onChange: (c) => changes.push(c), now: () => 42 });
    m.transition('connecting', 'connect requested', { attempt: 1 });
    m.transition('authenticating', 'banner received');
    m.transition('resyncing', 'logged in');
    m.transition('ready', 'resync complete');
    const error = new Error('gone');
    m.transition('reconnecting', 'connection lost', { error, attempt: 1, delayMs: 500 });
    m.transition('connecting', 'reconnecting');
    expect(m.state).toBe('connecting');
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual([
      'idle>connecting',
      'connecting>authenticating',
      'authenticating>resyncing',
      'resyncing>ready',
      'ready>reconnecting',
      'reconnecting>connecting',
    ]);
    expect(changes[4]).toEqual({ from: 'ready', to: 'reconnecting', reason: 'connection lost', error, attempt: 1, delayMs: 500, at: 42 });
  });

  it('refuses transitions that are not in the table, and closed is final', () => {
    const m = createStateMachine({ onChange: () => {} });
    expect(() => m.transition('ready', 'skip login')).toThrow(AmiStateError);
    m.transition('closed', 'closed by caller');
    for (const to of Object.keys(AMI_CLIENT_TRANSITIONS)) {
      expect(() => m.transition(to as never, 'again')).toThrow(AmiStateError);
    }
    expect(AMI_CLIENT_TRANSITIONS.closed).toEqual([]);
  });

  it('lets every state except closed reach closed', () => {
    for (const [from, targets] of Object.entries(AMI_CLIENT_TRANSITIONS)) {
      if (from !== 'closed') expect(targets).toContain('closed');
    }
  });
});
