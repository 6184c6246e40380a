import { describe, expect, it } from 'vitest';
import { loadTranscript } from '../../src/cli/replay/transcript.ts';
import { diffModels } from '../../src/telephony/diff.ts';
import { ListRouter } from '../../src/telephony/list-router.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import { queueStats } from '../../src/telephony/queries.ts';
import { resyncModel } from '../../src/telephony/resync.ts';
import { buildSnapshotModel } from '../../src/telephony/snapshot.ts';
import { groupListItems } from '../../src/telephony/snapshot-lists.ts';
import { tracePath } from './helpers.ts';

// reconnect-resync: while 1001 talks to Jane (lang-en), 1002 rings for "Second Caller" (lang-en) and
// "Waiting Caller" waits in lang-ar, a second session records the list answers (resync-received.ami).
function resyncLists() {
  const transcript = loadTranscript(tracePath('reconnect-resync', 'resync-received.ami'));
  const router = new ListRouter();
  const items = transcript.messages.filter((m) => router.route(m) === 'list-item');
  const firstList = transcript.messages.find((m) => m.kind === 'response' && m.get('EventList') === 'start')!;
  return { lists: groupListItems(items), at: firstList.receivedAt, items };
}

/** The main session's live model just before the resync session logged in. */
function liveModelBefore(cut: number): PbxModel {
  const live = new PbxModel({ pbx: 'pbx' });
  for (const m of loadTranscript(tracePath('reconnect-resync')).messages) {
    if (m.receivedAt >= cut) break;
    live.apply(m);
  }
  return live;
}

describe('resync from list answers (reconnect-resync)', () => {
  const { lists, at, items } = resyncLists();

  it('sorts the list items by the action that produced them, not by their live-looking names', () => {
    expect(at / 1000).toBeCloseTo(1795671716.360761, 3); // the CoreShowChannels response
    expect(lists.channels).toHaveLength(8); // CoreShowChannelsComplete ListItems: 8
    expect(lists.status).toHaveLength(8);
    expect(lists.bridges).toHaveLength(1);
    expect(lists.queueStatus).toHaveLength(9); // QueueStatusComplete ListItems: 9
    expect(lists.deviceStates).toHaveLength(30); // named DeviceStateChange, carrying the ActionID
    expect(lists.extensionStates).toHaveLength(20); // named ExtensionStatus
    expect(items.some((m) => m.event === 'QueueSummary')).toBe(true); // known items that a snapshot does not need
  });

  it('builds the channels, Local pairs, bridge and three calls from CoreShowChannel items', () => {
    const model = buildSnapshotModel('pbx', lists, { at });
    expect([...model.channels.keys()].sort()).toEqual(
      ['1795671711.0', '1795671711.1', '1795671711.2', '1795671714.3', '1795671714.4', '1795671714.5', '1795671714.6', '1795671714.7'].sort(),
    );
    const agent = model.channels.get('1795671711.2')!;
    expect(agent.name).toBe('PJSIP/1001-00000000');
    expect(agent.extension).toBe('1001');
    expect(agent.state).toBe(6);
    expect(agent.bridgeId).toBe('dffb391b-30a1-45e9-9071-d0413142f23e'); // BridgeId (CoreShowChannel spelling)
    expect(agent.connectedName).toBe('Jane Customer');
    expect((at - agent.createdAt) / 1000).toBe(4); // Duration: 00:00:04
    const ringing = model.channels.get('1795671714.5')!;
    expect(ringing.extension).toBe('1002');
    expect(ringing.state).toBe(5);
    expect((at - ringing.createdAt) / 1000).toBe(2);
    expect(model.channels.get('1795671711.0')!.localPeer).toBe('1795671711.1');
    expect(model.channels.get('1795671714.7')!.localPeer).toBe('1795671714.6');
    expect(model.channels.get('1795671714.6')!.name).toBe('Local/+9665000000@trunk-sim-00000002;1');

    const bridge = model.bridges.get('dffb391b-30a1-45e9-9071-d0413142f23e')!;
    expect(bridge.bridgeType).toBe('basic');
    expect([...bridge.channels].sort()).toEqual(['1795671711.0', '1795671711.2']);

    expect([...model.calls.keys()].sort()).toEqual(['1795671711.0', '1795671714.3', '1795671714.6']);
    const jane = model.calls.get('1795671711.0')!;
    expect([...jane.channels].sort()).toEqual(['1795671711.0', '1795671711.1', '1795671711.2']);
    expect(jane.facts.callerName).toBe('Jane Customer');
    expect(jane.facts.callerNumber).toBe('+15551234567');
    expect(jane.facts.queues).toEqual(['lang-en']); // Application: Queue, ApplicationData: lang-en,tT,,,300
    expect(jane.facts.answeredBy).toBe('1001');
    const second = model.calls.get('1795671714.3')!;
    expect(second.facts.queues).toEqual(['lang-en']);
    expect(second.facts.agentsOffered).toEqual(['1002']); // PJSIP/1002 Ringing in AppQueue
    expect(second.facts.answeredAt).toBeNull();
    expect((at - second.facts.queueJoinedAt!) / 1000).toBe(2); // QueueEntry Wait: 2
    const waiting = model.calls.get('1795671714.6')!;
    expect(waiting.facts.queues).toEqual(['lang-ar']);
    expect(waiting.facts.agentsOffered).toEqual([]);
  });

  it('reads queue members from Name/Location and callers from QueueEntry', () => {
    const model = buildSnapshotModel('pbx', lists, { at });
    const en = model.queues.get('lang-en')!;
    expect(en.strategy).toBe('ringall');
    expect(model.queues.get('support')!.strategy).toBe('linear');
    expect(model.queues.get('sales')!.strategy).toBe('rrmemory');
    const m1001 = en.members.get('PJSIP/1001')!;
    expect(m1001).toMatchObject({ name: 'Agent 1001', extension: '1001', status: 2, inCall: true, paused: false, pausedReason: null });
    expect(en.members.get('PJSIP/1002')!.status).toBe(6);
    expect([...en.callers.keys()]).toEqual(['1795671714.3']);
    expect(en.callers.get('1795671714.3')!.callerName).toBe('Second Caller');
    expect([...model.queues.get('lang-ar')!.callers.keys()]).toEqual(['1795671714.6']);
    const stats = queueStats(model, 'lang-en', at);
    expect(stats).toMatchObject({ waiting: 1, longestWaitSeconds: 2 });
    expect(stats.members).toMatchObject({ total: 2, 'in-use': 1, ringing: 1, available: 0 });
  });

  it('keeps the device and hint states, app_queue pseudo-devices included', () => {
    const model = buildSnapshotModel('pbx', lists, { at });
    expect(model.devices.size).toBe(30);
    expect(model.devices.get('PJSIP/1001')!.state).toBe('INUSE');
    expect(model.devices.get('PJSIP/1002')!.state).toBe('RINGING');
    expect(model.devices.get('Queue:lang-en_avail')!.state).toBe('INUSE');
    expect(model.devices.get('Queue:lang-en_pause_PJSIP/1001')!.state).toBe('NOT_INUSE');
    expect(model.extensions.size).toBe(20);
    expect(model.extensions.get('1001')).toMatchObject({ status: 1, statusText: 'InUse', hint: 'PJSIP/1001', context: 'internal' });
    expect(model.extensions.get('1002')).toMatchObject({ status: 8, statusText: 'Ringing' });
  });

  it('agrees with the live model of the main session: only device and hint states it never saw are new', () => {
    const live = liveModelBefore(1795671716.359115 * 1000); // the resync session's banner
    const snapshot = buildSnapshotModel('pbx', lists, { at, directory: live.directory });
    const changes = diffModels(live, snapshot, at);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.resync).toBe(true);
      expect(['device-state', 'extension-state']).toContain(c.type);
      if (c.type === 'device-state') expect(live.devices.has(c.device), c.device).toBe(false);
      if (c.type === 'extension-state') expect(live.extensions.has(c.extension), c.extension).toBe(false);
    }
    expect(changes.some((c) => c.type === 'device-state' && c.device === 'PJSIP/1020')).toBe(true);
  });

  it('swaps in the snapshot but keeps what the live model knew about surviving calls', () => {
    const live = liveModelBefore(1795671716.359115 * 1000);
    const { model, changes } = resyncModel(live, lists, at);
    const jane = model.calls.get('1795671711.0')!;
    expect(jane.facts.answeredAt! / 1000).toBeCloseTo(1795671713.826775, 3); // the live DialEnd ANSWER, not the snapshot time
    expect(jane.facts.offers.map((o) => o.extension)).toEqual(['1001']);
    expect(model.channels.get('1795671711.2')!.createdAt).toBe(live.channels.get('1795671711.2')!.createdAt);
    expect(changes.filter((c) => c.type.startsWith('call-') || c.type.startsWith('channel-'))).toEqual([]);
  });

  it('reports what disappeared while disconnected as resync changes', () => {
    const live = liveModelBefore(1795671716.359115 * 1000);
    const empty = buildSnapshotModel('pbx', {}, { at, directory: live.directory });
    const changes = diffModels(live, empty, at);
    const ended = changes.filter((c) => c.type === 'call-ended').map((c) => c.linkedid).sort();
    expect(ended).toEqual(['1795671711.0', '1795671714.3', '1795671714.6']);
    expect(changes.filter((c) => c.type === 'channel-hungup')).toHaveLength(8);
    expect(changes.filter((c) => c.type === 'bridge-destroyed')).toHaveLength(1);
    expect(changes.filter((c) => c.type === 'queue-member-removed')).toHaveLength(2);
    expect(changes.filter((c) => c.type === 'queue-caller-left')).toHaveLength(2);
    // legs hang up before their call ends
    const lastHangup = changes.map((c) => c.type).lastIndexOf('channel-hungup');
    expect(changes.findIndex((c) => c.type === 'call-ended')).toBeGreaterThan(lastHangup);
  });
});
