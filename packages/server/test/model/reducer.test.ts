import { describe, expect, it } from 'vitest';
import type { DomainChange } from '../../src/telephony/changes.ts';
import { ListRouter } from '../../src/telephony/list-router.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import { callsVisibleTo, channelsOfExtension } from '../../src/telephony/queries.ts';
import { cs, ev } from './helpers.ts';

// Messages below use the header names of the recorded transcripts (screen-pop, attended-transfer).
function apply(model: PbxModel, pairs: Record<string, string>, at: number): readonly DomainChange[] {
  return model.apply(ev(pairs, at), at);
}

describe('telephony reducer', () => {
  it('stamps every change with the PBX it came from', () => {
    const model = new PbxModel({ pbx: 'paris' });
    const changes = apply(model, { Event: 'Newchannel', ...cs('PJSIP/1001-00000000', '1.0', '1.0', { ChannelState: '4' }) }, 1000);
    expect(changes.map((c) => c.type)).toEqual(['channel-created', 'call-started']);
    expect(changes.every((c) => c.pbx === 'paris' && c.at === 1000)).toBe(true);
  });

  it('regroups a leg whose Linkedid changes and folds the emptied call into the older one', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/1001-00000000', '100.0', '100.0') }, 1);
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/1002-00000001', '100.1', '100.1') }, 2);
    expect([...model.calls.keys()]).toEqual(['100.0', '100.1']);
    // Joining a basic bridge recomputes Linkedid to the oldest one in the bridge.
    const changes = apply(
      model,
      { Event: 'BridgeEnter', BridgeUniqueid: 'b1', BridgeType: 'basic', BridgeTechnology: 'simple_bridge', ...cs('PJSIP/1002-00000001', '100.1', '100.0') },
      3,
    );
    expect(changes.map((c) => c.type)).toEqual(['bridge-created', 'call-merged', 'bridge-entered']);
    expect(changes.find((c) => c.type === 'call-merged')).toMatchObject({ linkedid: '100.1', into: '100.0' });
    expect([...model.calls.keys()]).toEqual(['100.0']);
    expect([...model.calls.get('100.0')!.channels]).toEqual(['100.0', '100.1']);
    expect(model.channels.get('100.1')!.linkedid).toBe('100.0');
  });

  it('keeps both halves of a Local channel in one call and ends it once', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const one = cs('Local/1002@internal-00000003;1', '5.3', '5.0', { Context: 'internal', Exten: '1002' });
    const two = cs('Local/1002@internal-00000003;2', '5.4', '5.0', { Context: 'internal', Exten: '1002' });
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/1001-00000000', '5.0', '5.0') }, 1);
    apply(model, { Event: 'Newchannel', ...one }, 2);
    apply(model, { Event: 'Newchannel', ...two }, 2);
    const bridge: Record<string, string> = { Event: 'LocalBridge' };
    for (const [k, v] of Object.entries(one)) bridge[`LocalOne${k}`] = v;
    for (const [k, v] of Object.entries(two)) bridge[`LocalTwo${k}`] = v;
    apply(model, { ...bridge, Context: 'internal', Exten: '1002', LocalOptimization: 'Yes' }, 2);
    expect(model.calls.size).toBe(1);
    const half = model.channels.get('5.3')!;
    expect(half).toMatchObject({ kind: 'local', localHalf: 1, localExten: '1002', localPeer: '5.4', extension: null, device: 'Local/1002@internal' });
    expect(model.channels.get('5.4')!.localPeer).toBe('5.3');
    const ended: DomainChange[] = [];
    for (const [c, u] of [
      [one, '5.3'],
      [two, '5.4'],
      [cs('PJSIP/1001-00000000', '5.0', '5.0'), '5.0'],
    ] as const) {
      ended.push(...apply(model, { Event: 'Hangup', ...c, Uniqueid: u, Cause: '16', 'Cause-txt': 'Normal Clearing' }, 9));
    }
    expect(ended.filter((c) => c.type === 'call-ended')).toHaveLength(1);
    expect(model.calls.size).toBe(0);
  });

  it('reports a leg it never saw created, but not late events of a leg already hung up', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const changes = apply(model, { Event: 'Newstate', ...cs('PJSIP/1003-0000000a', '7.0', '7.0', { ChannelState: '5', ChannelStateDesc: 'Ringing' }) }, 1);
    expect(changes[0]).toMatchObject({ type: 'anomaly', code: 'CTI_ERR_UNKNOWN_CHANNEL', details: { uniqueid: '7.0', channel: 'PJSIP/1003-0000000a' } });
    expect(model.channels.get('7.0')!.state).toBe(5);
    apply(model, { Event: 'Hangup', ...cs('PJSIP/1003-0000000a', '7.0', '7.0'), Cause: '16' }, 2);
    // screen-pop: NewCallerid of the ;2 half arrives after its Hangup.
    expect(apply(model, { Event: 'NewCallerid', ...cs('PJSIP/1003-0000000a', '7.0', '7.0') }, 3)).toEqual([]);
    expect(model.channels.size).toBe(0);
  });

  it('reports a pause for a queue member it did not hold, and adopts the member', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const changes = apply(
      model,
      { Event: 'QueueMemberPause', Queue: 'lang-en', MemberName: 'Agent 1003', Interface: 'PJSIP/1003', StateInterface: 'PJSIP/1003', Status: '1', Paused: '1', PausedReason: 'lunch' },
      1,
    );
    expect(changes.map((c) => c.type)).toEqual(['anomaly', 'queue-member-added']);
    expect(changes[0]).toMatchObject({ code: 'CTI_ERR_UNKNOWN_QUEUE_MEMBER' });
    expect(model.queues.get('lang-en')!.members.get('PJSIP/1003')).toMatchObject({ paused: true, pausedReason: 'lunch', extension: '1003' });
  });

  it('maps channels to devices and extensions, trunks and Local channels apart', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const d = model.directory;
    expect(d.describe('PJSIP/1001-0000002a')).toEqual({ device: 'PJSIP/1001', kind: 'phone', extension: '1001' });
    expect(d.describe('PJSIP/lab-trunk-00000001')).toEqual({ device: 'PJSIP/lab-trunk', kind: 'trunk', extension: null });
    expect(d.describe('PJSIP/trunk-eu-1-0000002a')).toEqual({ device: 'PJSIP/trunk-eu-1', kind: 'trunk', extension: null });
    expect(d.describe('Local/1002@internal-00000003;1')).toEqual({ device: 'Local/1002@internal', kind: 'local', extension: null });
    expect(d.describe('SIP/1003-000000ab')).toEqual({ device: 'SIP/1003', kind: 'phone', extension: '1003' });
    expect(d.describe('IAX2/carrier-1234')).toEqual({ device: 'IAX2/carrier', kind: 'trunk', extension: null });
    expect(d.describe('DAHDI/1-1')).toEqual({ device: 'DAHDI/1', kind: 'trunk', extension: null });
    expect(d.describe('Queue:lang-en_avail')).toMatchObject({ kind: 'other', extension: null });
    // A hint names the extension of a device whose name says nothing (ExtensionStatus Hint).
    apply(model, { Event: 'ExtensionStatus', Exten: '2001', Context: 'internal', Hint: 'PJSIP/alice&Custom:DND2001', Status: '0', StatusText: 'Idle' }, 1);
    expect(d.describe('PJSIP/alice-00000004')).toEqual({ device: 'PJSIP/alice', kind: 'phone', extension: '2001' });
  });

  it('un-escapes caller names and maps <unknown> to null', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/lab-trunk-00000000', '8.0', '8.0', { CallerIDNum: '+353861234567', CallerIDName: "Aoife O\\'Brien" }) }, 1);
    const ch = model.channels.get('8.0')!;
    expect(ch.callerName).toBe("Aoife O'Brien");
    expect(ch.connectedNum).toBeNull();
    expect(model.calls.get('8.0')!.facts.callerName).toBe("Aoife O'Brien");
  });

  it('keeps app_queue pseudo-devices apart from phones, and ignores DeviceStateList items', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    expect(apply(model, { Event: 'DeviceStateChange', Device: 'Queue:lang-en_avail', State: 'INUSE' }, 1)).toEqual([
      { type: 'device-state', pbx: 'pbx', at: 1, device: 'Queue:lang-en_avail', state: 'INUSE', extension: null },
    ]);
    expect(apply(model, { Event: 'DeviceStateChange', Device: 'PJSIP/1001', State: 'RINGING' }, 2)[0]).toMatchObject({ extension: '1001' });
    expect(apply(model, { Event: 'DeviceStateChange', ActionID: 'r-1', Device: 'PJSIP/1001', State: 'NOT_INUSE' }, 3)).toEqual([]);
    expect(model.devices.get('PJSIP/1001')!.state).toBe('RINGING');
    expect(model.devices.get('Queue:lang-en_avail')!.state).toBe('INUSE');
  });

  it('routes list answers away from the live path by ActionID', () => {
    const router = new ListRouter();
    expect(router.route(ev({ Event: 'DeviceStateChange', Device: 'PJSIP/1001', State: 'INUSE' }))).toBe('live');
    expect(router.route(ev({ Response: 'Success', ActionID: 'a1', EventList: 'start', Message: 'Device State Changes will follow' }))).toBe('response');
    expect(router.route(ev({ Event: 'DeviceStateChange', ActionID: 'a1', Device: 'PJSIP/1001', State: 'INUSE' }))).toBe('list-item');
    expect(router.route(ev({ Event: 'DeviceStateChange', Device: 'PJSIP/1002', State: 'RINGING' }))).toBe('live');
    expect(router.route(ev({ Event: 'OriginateResponse', ActionID: 'other', Response: 'Success' }))).toBe('live');
    expect(router.route(ev({ Event: 'DeviceStateListComplete', ActionID: 'a1', EventList: 'Complete', ListItems: '1' }))).toBe('list-end');
    expect(router.route(ev({ Event: 'DeviceStateChange', ActionID: 'a1', Device: 'PJSIP/1001', State: 'INUSE' }))).toBe('live');
  });

  it('answers read-only queries: channels of an extension and calls visible to a scope', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    apply(model, { Event: 'Newchannel', ...cs('Local/+15551234567@trunk-sim-00000000;1', '9.0', '9.0') }, 1);
    apply(model, { Event: 'QueueCallerJoin', ...cs('Local/+15551234567@trunk-sim-00000000;1', '9.0', '9.0'), Queue: 'lang-en', Position: '1', Count: '1' }, 2);
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/1001-00000000', '9.2', '9.0', { ChannelState: '0' }) }, 3);
    apply(model, { Event: 'Newchannel', ...cs('PJSIP/1005-00000001', '10.0', '10.0') }, 4);
    expect(channelsOfExtension(model, '1001').map((c) => c.uniqueid)).toEqual(['9.2']);
    expect(callsVisibleTo(model, { extensions: ['1001'] }).map((c) => c.linkedid)).toEqual(['9.0']);
    expect(callsVisibleTo(model, { queues: ['lang-en'] }).map((c) => c.linkedid)).toEqual(['9.0']);
    expect(callsVisibleTo(model, { queues: ['lang-fr'], extensions: ['1002'] })).toEqual([]);
    expect(callsVisibleTo(model, { extensions: new Set(['1005']) }).map((c) => c.linkedid)).toEqual(['10.0']);
  });
});
