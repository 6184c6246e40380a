import type { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { replayMessages } from '../../src/cli/replay/replay-engine.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import { cs, ev } from './helpers.ts';

// Synthetic sequences shaped like direct-call (a trunk caller dialling 1002) for the endings the
// lab transcripts do not contain. NOTES.md: the phone's "busy" mode gives DialStatus BUSY and
// Hangup cause 17; "reject" gives DialStatus NOANSWER and cause 21 "Call Rejected".
const caller = cs('PJSIP/lab-trunk-00000000', '50.0', '50.0', { CallerIDNum: '+15550001111', CallerIDName: 'Test Caller', Context: 'from-trunk', Exten: '1002' });
const phone = (state: string, desc: string) => cs('PJSIP/1002-00000001', '50.1', '50.0', { ChannelState: state, ChannelStateDesc: desc, Exten: '1002' });
const dest = (state: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(phone(state, state === '6' ? 'Up' : 'Ringing'))) out[`Dest${k}`] = v;
  return out;
};

function directCall(ending: (t: number) => AmiMessage[]): AmiMessage[] {
  return [
    ev({ Event: 'Newchannel', ...caller, ChannelState: '4', ChannelStateDesc: 'Ring' }, 1_000),
    ev({ Event: 'Newstate', ...caller }, 1_010),
    ev({ Event: 'Newchannel', ...phone('0', 'Down') }, 1_020),
    ev({ Event: 'DialBegin', ...caller, ...dest('0'), DialString: 'PJSIP/1002' }, 1_030),
    ev({ Event: 'Newstate', ...phone('5', 'Ringing') }, 1_040),
    ...ending(5_000),
  ];
}

const hangup = (block: Record<string, string>, cause: string, text: string, t: number) =>
  ev({ Event: 'Hangup', ...block, Cause: cause, 'Cause-txt': text }, t);

describe('call outcomes and who hung up', () => {
  it('calls a busy extension busy, ended by the system', () => {
    const { calls } = replayMessages(
      directCall((t) => [
        ev({ Event: 'DialEnd', ...caller, ...dest('5'), DialStatus: 'BUSY' }, t),
        hangup(phone('5', 'Ringing'), '17', 'User busy', t + 1),
        ev({ Event: 'SoftHangupRequest', ...caller, Cause: '17' }, t + 2),
        hangup(caller, '17', 'User busy', t + 3),
      ]),
    );
    expect(calls[0]).toMatchObject({ direction: 'inbound-direct', outcome: 'busy', hangupBy: 'system', answeredBy: null, calledNumber: '1002', callerName: 'Test Caller' });
    expect(calls[0]!.ringing).toMatchObject([{ extension: '1002', result: 'busy' }]);
  });

  it('calls a declined ring rejected (NOANSWER, then cause 21)', () => {
    const { calls } = replayMessages(
      directCall((t) => [
        ev({ Event: 'DialEnd', ...caller, ...dest('5'), DialStatus: 'NOANSWER' }, t),
        hangup(phone('5', 'Ringing'), '21', 'Call Rejected', t + 1),
        hangup(caller, '21', 'Call Rejected', t + 2),
      ]),
    );
    expect(calls[0]).toMatchObject({ outcome: 'rejected' });
    expect(calls[0]!.ringing).toMatchObject([{ extension: '1002', result: 'rejected', seconds: 3.97 }]);
  });

  it('calls a caller who hangs up while the extension rings abandoned', () => {
    const { calls } = replayMessages(
      directCall((t) => [
        ev({ Event: 'HangupRequest', ...caller, Cause: '16' }, t),
        ev({ Event: 'DialEnd', ...caller, ...dest('5'), DialStatus: 'CANCEL' }, t),
        hangup(phone('5', 'Ringing'), '0', 'Unknown', t + 1),
        hangup(caller, '16', 'Normal Clearing', t + 2),
      ]),
    );
    expect(calls[0]).toMatchObject({ outcome: 'abandoned', hangupBy: 'caller', hangupCause: 16, waitSeconds: 4 });
  });

  it('credits the agent who hangs up an answered direct call', () => {
    const { calls } = replayMessages(
      directCall((t) => [
        ev({ Event: 'Newstate', ...phone('6', 'Up') }, t),
        ev({ Event: 'DialEnd', ...caller, ...dest('6'), DialStatus: 'ANSWER' }, t),
        ev({ Event: 'HangupRequest', ...phone('6', 'Up'), Cause: '16' }, t + 3_000),
        hangup(phone('6', 'Up'), '16', 'Normal Clearing', t + 3_001),
        hangup(caller, '16', 'Normal Clearing', t + 3_002),
      ]),
    );
    expect(calls[0]).toMatchObject({ outcome: 'answered', answeredBy: '1002', hangupBy: 'agent', talkSeconds: 3, waitSeconds: 4 });
  });

  it('says the system ended a queue call that timed out, with no answer', () => {
    const q = { Queue: 'support', Position: '1', Count: '1' };
    const { calls } = replayMessages([
      ev({ Event: 'Newchannel', ...caller }, 1_000),
      ev({ Event: 'QueueCallerJoin', ...caller, ...q }, 1_100),
      ev({ Event: 'QueueCallerLeave', ...caller, ...q, Count: '0' }, 301_100),
      ev({ Event: 'SoftHangupRequest', ...caller, Cause: '16' }, 301_200),
      hangup(caller, '16', 'Normal Clearing', 301_300),
    ]);
    expect(calls[0]).toMatchObject({ outcome: 'no-answer', hangupBy: 'system', waitSeconds: 300, queue: 'support', language: null });
  });

  it('swaps a Local leg out of a bridge on BridgeEnter with SwapUniqueid', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const local = cs('Local/1002@internal-00000001;1', '60.3', '60.0');
    const real = cs('PJSIP/1002-00000001', '60.5', '60.0');
    const bridge = { BridgeUniqueid: 'b-orig', BridgeType: 'basic', BridgeTechnology: 'simple_bridge' };
    model.apply(ev({ Event: 'Newchannel', ...local }, 1));
    model.apply(ev({ Event: 'Newchannel', ...real }, 2));
    model.apply(ev({ Event: 'BridgeEnter', ...bridge, ...local }, 3));
    const changes = model.apply(ev({ Event: 'BridgeEnter', ...bridge, ...real, SwapUniqueid: '60.3' }, 4));
    expect(changes.map((c) => c.type)).toEqual(['bridge-left', 'bridge-entered']);
    expect([...model.bridges.get('b-orig')!.channels]).toEqual(['60.5']);
    expect(model.channels.get('60.3')!.bridgeId).toBeNull();
  });
});
