import { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { CallTracker } from '../../src/ami-port/call-tracker.ts';
import { extractFacts } from '../../src/ami-port/event-facts.ts';
import { loadEvents, msg, principal, replay, text } from './support/traces.ts';

const events = (scenario: string) => loadEvents(scenario);
const names = (delivered: ReturnType<typeof replay>) => delivered.map(([, m]) => m.event);

describe('scope filter: queue membership (signin-signout)', () => {
  const trace = events('signin-signout');

  it('shows agent 1003 its own member events and pause pseudo-devices in every queue', () => {
    const got = replay(trace, principal({ extensions: ['1003'] }));
    expect(names(got).filter((n) => n === 'QueueMemberAdded')).toHaveLength(2);
    expect(names(got).filter((n) => n === 'QueueMemberPause')).toHaveLength(4);
    expect(names(got).filter((n) => n === 'QueueMemberRemoved')).toHaveLength(2);
    const devices = got.filter(([, m]) => m.event === 'DeviceStateChange').map(([, m]) => m.get('Device'));
    expect(new Set(devices)).toEqual(new Set(['Queue:lang-en_pause_PJSIP/1003', 'Queue:lang-ar_pause_PJSIP/1003']));
  });

  it('adds the queue-wide availability of lang-en, and only lang-en, when the agent is scoped to it', () => {
    const got = replay(trace, principal({ extensions: ['1003'], queues: ['lang-en'] }));
    const devices = new Set(got.filter(([, m]) => m.event === 'DeviceStateChange').map(([, m]) => m.get('Device')));
    expect(devices.has('Queue:lang-en_avail')).toBe(true);
    expect(devices.has('Queue:lang-ar_avail')).toBe(false);
  });

  it('shows agent 1004 nothing of 1003 signing in and out', () => {
    expect(names(replay(trace, principal({ extensions: ['1004'] })))).toEqual(['FullyBooted']);
  });
});

describe('scope filter: attended transfer from 1001 to 1002', () => {
  const trace = events('attended-transfer');

  it('shows 1001 its consult legs (Local/1002@internal) but never the PJSIP/1002 phone', () => {
    const got = replay(trace, principal({ extensions: ['1001'] }));
    expect(got.some(([, m]) => m.get('Channel')?.startsWith('Local/1002@internal-') === true)).toBe(true);
    for (const [i, m] of got) expect(/PJSIP\/1002-/.test(text(m)), `${i} ${m.event}`).toBe(false);
    expect(names(got)).toContain('Hold');
    expect(names(got)).toContain('DTMFEnd');
  });

  it('stops showing 1001 the customer once 1001 has hung up and 1002 has the call', () => {
    const got = replay(trace, principal({ extensions: ['1001'] }));
    const hangup = trace.findIndex((m) => m.event === 'Hangup' && m.get('Channel')?.startsWith('PJSIP/1001-') === true);
    const after = got.filter(([i, m]) => i > hangup + 1 && !text(m).includes('PJSIP/1001'));
    expect(after.filter(([, m]) => m.get('Channel')?.startsWith('Local/+1555') === true)).toEqual([]);
  });

  it('shows 1002 the customer it inherited, but not the transferer’s phone', () => {
    const got = replay(trace, principal({ extensions: ['1002'] }));
    expect(got.some(([, m]) => m.get('Channel')?.startsWith('Local/+15553334444@trunk-sim-') === true)).toBe(true);
    for (const [i, m] of got) expect(/PJSIP\/1001-/.test(text(m)), `${i} ${m.event}`).toBe(false);
  });
});

describe('scope filter: rules on synthetic events', () => {
  const newchannel = (name: string, uid: string, linkedid: string) =>
    msg(['Event', 'Newchannel'], ['Privilege', 'call,all'], ['Channel', name], ['Uniqueid', uid], ['Linkedid', linkedid]);

  it('withholds an event on the client’s own call whose value names another phone’s channel', () => {
    const got = replay(
      [
        newchannel('PJSIP/1001-00000001', '1.1', '1.1'),
        msg(['Event', 'VarSet'], ['Channel', 'PJSIP/1001-00000001'], ['Uniqueid', '1.1'], ['Linkedid', '1.1'], ['Variable', 'BRIDGEPEER'], ['Value', 'PJSIP/1004-00000002']),
        msg(['Event', 'VarSet'], ['Channel', 'PJSIP/1001-00000001'], ['Uniqueid', '1.1'], ['Linkedid', '1.1'], ['Variable', 'X'], ['Value', 'PJSIP/1004']),
      ],
      principal({ extensions: ['1001'] }),
    );
    expect(got.map(([i]) => i)).toEqual([0, 2]);
  });

  it('treats a hinted endpoint as the hint’s extension, even when its name is not a number', () => {
    const trace = [
      msg(['Event', 'ExtensionStatus'], ['Exten', '2001'], ['Context', 'internal'], ['Hint', 'PJSIP/alice&Custom:DND2001'], ['Status', '0']),
      newchannel('PJSIP/3001-00000001', '1.1', '1.1'),
      newchannel('PJSIP/alice-00000002', '1.2', '1.1'),
    ];
    expect(replay(trace, principal({ extensions: ['2001'] })).map(([i]) => i)).toEqual([0, 2]);
    expect(replay(trace, principal({ extensions: ['3001'] })).map(([i]) => i)).toEqual([1]);
    // Without the hint, `alice` is not an extension but a party to 3001's call, like a trunk.
    expect(replay(trace.slice(1), principal({ extensions: ['3001'] })).map(([i]) => i)).toEqual([0, 1]);
  });

  it('follows a trunk leg into the client’s call when its Linkedid changes on bridging', () => {
    const trunk = (event: string, linkedid: string) =>
      msg(['Event', event], ['Channel', 'PJSIP/lab-trunk-00000001'], ['Uniqueid', '1.1'], ['Linkedid', linkedid]);
    const got = replay(
      [trunk('Newchannel', '1.1'), newchannel('PJSIP/1001-00000002', '1.2', '1.2'), trunk('BridgeEnter', '1.2'), trunk('Hold', '1.2')],
      principal({ extensions: ['1001'] }),
    );
    expect(got.map(([i]) => i)).toEqual([1, 2, 3]);
  });

  it('shows a queue’s callers to a queue-scoped client from QueueCallerJoin on', () => {
    const caller = (event: string, extra: Array<[string, string]> = []) =>
      msg(['Event', event], ['Channel', 'Local/+1555@trunk-sim-00000001;1'], ['Uniqueid', '1.1'], ['Linkedid', '1.1'], ...extra);
    const got = replay(
      [caller('Newchannel'), caller('QueueCallerJoin', [['Queue', 'sales']]), caller('MusicOnHoldStart'), caller('QueueCallerLeave', [['Queue', 'sales']]), caller('Hangup')],
      principal({ role: 'supervisor', queues: ['sales'] }),
    );
    expect(got.map(([i]) => i)).toEqual([1, 2, 3, 4]);
  });

  it('forgets every call when Asterisk restarts (a FullyBooted with a later boot time)', () => {
    const tracker = new CallTracker();
    const apply = (m: AmiMessage) => tracker.apply(m, extractFacts(m));
    const booted = (uptime: string, at: number) => new AmiMessage(['Event', 'FullyBooted', 'Uptime', uptime], at);
    apply(booted('100', 1_000_000));
    apply(newchannel('PJSIP/1001-00000001', '1.1', '1.1'));
    apply(booted('160', 1_060_000));
    expect(tracker.size.channels).toBe(1);
    apply(booted('2', 1_070_000));
    expect(tracker.size.channels).toBe(0);
  });

  it('never delivers a Local pseudo-device or an unrelated VarSet to an agent', () => {
    const got = replay(
      [
        msg(['Event', 'DeviceStateChange'], ['Device', 'Local/+1555@trunk-sim'], ['State', 'INUSE']),
        msg(['Event', 'VarSet'], ['Channel', 'Local/+1555@trunk-sim-00000001;1'], ['Uniqueid', '1.1'], ['Linkedid', '1.1'], ['Variable', 'A'], ['Value', 'b']),
        msg(['Event', 'SuccessfulAuth'], ['AccountID', 'cti']),
        msg(['Event', 'Reload'], ['Module', 'app_queue.so']),
      ],
      principal({ extensions: ['1001'], queues: ['sales'] }),
    );
    expect(got).toEqual([]);
  });
});
