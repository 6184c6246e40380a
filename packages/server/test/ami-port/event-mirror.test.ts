import type { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { createEventMirror } from '../../src/ami-port/event-mirror.ts';
import { connectionStart, loadTimeline } from './support/traces.ts';

/**
 * The mirror is built from the live events the main session saw before the
 * resync session logged in; the resync session's list answers are what
 * Asterisk itself reported at that moment.
 */
describe('event mirror against Asterisk’s own snapshot (reconnect-resync)', () => {
  const resyncAt = connectionStart('reconnect-resync', 'resync');
  const live = loadTimeline('reconnect-resync', 'main', resyncAt).filter((m) => m.kind === 'event');
  const snapshot = loadTimeline('reconnect-resync', 'resync');
  const mirror = createEventMirror();
  for (const m of live) mirror.apply('pbx1', m);
  const items = (event: string) => snapshot.filter((m) => m.event === event && m.actionId !== undefined);

  it('knows the same live channels, states, links and bridges as CoreShowChannels', () => {
    const key = (m: { channel: string; uniqueid: string; linkedid: string; channelState: string; bridgeId: string }) =>
      [m.channel, m.uniqueid, m.linkedid, m.channelState, m.bridgeId].join(' | ');
    const fromAsterisk = items('CoreShowChannel').map((m: AmiMessage) =>
      key({
        channel: m.get('Channel')!,
        uniqueid: m.get('Uniqueid')!,
        linkedid: m.get('Linkedid')!,
        channelState: m.get('ChannelState')!,
        bridgeId: m.get('BridgeId')!,
      }),
    );
    expect(fromAsterisk.length).toBe(8);
    expect(mirror.channels('pbx1').map(key).sort()).toEqual(fromAsterisk.sort());
  });

  it('knows the callers and their dialplan position as CoreShowChannels reports them', () => {
    const mine = new Map(mirror.channels('pbx1').map((c) => [c.uniqueid, c]));
    for (const m of items('CoreShowChannel')) {
      const c = mine.get(m.get('Uniqueid')!)!;
      expect([c.callerIdNum, c.connectedLineNum, c.context, c.exten, c.application]).toEqual([
        m.get('CallerIDNum'),
        m.get('ConnectedLineNum'),
        m.get('Context'),
        m.get('Exten'),
        m.get('Application'),
      ]);
    }
  });

  it('knows the queue members and waiting callers as QueueStatus reports them', () => {
    const members = items('QueueMember').map((m) => [m.get('Queue'), m.get('Location'), m.get('Status'), m.get('Paused')].join(' '));
    const entries = items('QueueEntry').map((m) => [m.get('Queue'), m.get('Uniqueid'), m.get('Position')].join(' '));
    const queues = mirror.queues('pbx1');
    const myMembers = queues.flatMap((q) => q.members.map((m) => [q.queue, m.location, m.status, m.paused].join(' ')));
    const myEntries = queues.flatMap((q) => q.entries.map((e) => [q.queue, e.uniqueid, e.position].join(' ')));
    expect(myMembers.sort()).toEqual(members.sort());
    expect(myEntries.sort()).toEqual(entries.sort());
  });

  it('reports the device and extension states it has seen with the values Asterisk lists', () => {
    const devices = new Map(items('DeviceStateChange').map((m) => [m.get('Device'), m.get('State')]));
    const seen = mirror.deviceStates('pbx1');
    expect(seen.length).toBeGreaterThan(3);
    for (const d of seen) if (!d.device.startsWith('Local/')) expect([d.device, d.state]).toEqual([d.device, devices.get(d.device)]);
    const extens = new Map(items('ExtensionStatus').map((m) => [m.get('Exten'), m.get('Status')]));
    const seenExt = mirror.extensionStates('pbx1');
    expect(seenExt.length).toBeGreaterThan(0);
    for (const e of seenExt) expect([e.exten, e.status]).toEqual([e.exten, extens.get(e.exten)]);
  });

  it('can be seeded from the resync list items alone (after a reset)', () => {
    const seeded = createEventMirror();
    for (const m of live) seeded.apply('pbx1', m);
    seeded.reset('pbx1');
    expect(seeded.channels('pbx1')).toEqual([]);
    for (const m of snapshot.filter((x) => x.kind === 'event')) seeded.apply('pbx1', m);
    const uids = (list: ReadonlyArray<{ uniqueid: string; channel: string; bridgeId: string; application: string }>) =>
      list.map((c) => `${c.uniqueid} ${c.channel} ${c.bridgeId} ${c.application}`).sort();
    expect(uids(seeded.channels('pbx1'))).toEqual(uids(mirror.channels('pbx1')));
    expect(seeded.queues('pbx1').map((q) => q.queue).sort()).toEqual(['lang-ar', 'lang-en', 'lang-fr', 'sales', 'support']);
    expect(seeded.queues('pbx1').find((q) => q.queue === 'lang-en')!.strategy).toBe('ringall');
  });
});
