import { createAmiClient, createTcpTransport } from '@amiable/ami';
import type { SimulatedPbx } from '@amiable/pbx-sim';
import type { PbxConnection } from '../../src/pbx/pbx-connection.ts';
import { buildSnapshotModel, type PbxModel, type SnapshotLists } from '../../src/telephony/index.ts';

const LISTS: Array<[keyof SnapshotLists, string]> = [
  ['channels', 'CoreShowChannels'],
  ['bridges', 'BridgeList'],
  ['queueStatus', 'QueueStatus'],
  ['deviceStates', 'DeviceStateList'],
  ['extensionStates', 'ExtensionStateList'],
];

/**
 * A fresh model built from a second, independent AMI session's list answers
 * (events off): what the PBX looks like right now, with no history behind it.
 */
export async function independentSnapshot(sim: SimulatedPbx, username: string, secret: string): Promise<PbxModel> {
  const client = createAmiClient({
    username,
    secret,
    auth: 'md5',
    events: 'off',
    keepalive: false,
    reconnect: false,
    transport: () => createTcpTransport({ host: sim.host, port: sim.port }),
  });
  await client.connect();
  try {
    const at = Date.now();
    const results = await Promise.all(LISTS.map(([, action]) => client.sendList({ Action: action })));
    const lists: Record<string, unknown> = {};
    LISTS.forEach(([key], i) => {
      lists[key] = results[i]!.events;
    });
    return buildSnapshotModel('main', lists as SnapshotLists, { at });
  } finally {
    await client.close();
  }
}

/** The comparable parts of a model: channels, calls and queue members/callers, without times. */
export function comparable(model: PbxModel) {
  const channels = [...model.channels.values()]
    .map((c) => ({
      uniqueid: c.uniqueid,
      name: c.name,
      linkedid: c.linkedid,
      state: c.state,
      extension: c.extension,
      bridgeId: c.bridgeId,
      callerNum: c.callerNum,
      connectedNum: c.connectedNum,
    }))
    .sort((a, b) => a.uniqueid.localeCompare(b.uniqueid));
  const calls = [...model.calls.values()]
    .map((c) => ({ linkedid: c.linkedid, channels: [...c.channels].sort() }))
    .sort((a, b) => a.linkedid.localeCompare(b.linkedid));
  const members = [...model.queues.values()]
    .flatMap((q) => [...q.members.values()])
    .map((m) => `${m.queue} ${m.interface} penalty=${m.penalty} paused=${m.paused} reason=${m.pausedReason ?? ''} inCall=${m.inCall}`)
    .sort();
  const callers = [...model.queues.values()]
    .flatMap((q) => [...q.callers.values()])
    .map((c) => `${c.queue} ${c.uniqueid} ${c.callerNum ?? ''}`)
    .sort();
  const bridges = [...model.bridges.values()].map((b) => `${b.id} ${[...b.channels].sort().join(',')}`).sort();
  return { channels, calls, members, callers, bridges };
}

/** Resolves once the connection has come back (a newer AMI connection) and finished its resync. */
export async function reconnected(conn: PbxConnection, previousConnectionId: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(conn.client.connectionId > previousConnectionId && conn.isReady())) {
    if (Date.now() > until) throw new Error(`no reconnect within ${timeoutMs} ms (state ${conn.state})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
