import type { PbxCore } from './engine/core.ts';
import { stateDesc } from './model/channel.ts';

export interface ChannelSnapshot {
  name: string;
  uniqueid: string;
  linkedid: string;
  state: number;
  stateDesc: string;
  callerIdNum: string;
  callerIdName: string;
  connectedLineNum: string;
  connectedLineName: string;
  context: string;
  exten: string;
  priority: number;
  application: string;
  bridgeId: string | undefined;
  endpoint: string | undefined;
}

export interface MemberSnapshot {
  queue: string;
  interface: string;
  memberName: string;
  stateInterface: string;
  penalty: number;
  paused: boolean;
  pausedReason: string;
  status: number;
  inCall: boolean;
  callsTaken: number;
}

export interface QueueSnapshot {
  name: string;
  strategy: string;
  waiting: Array<{ channel: string; uniqueid: string; position: number; waitSeconds: number }>;
  completed: number;
  abandoned: number;
}

/** The PBX state at one instant, for tests and demo tooling. */
export interface PbxSnapshot {
  startedAt: number;
  channels: ChannelSnapshot[];
  bridges: Array<{ id: string; channels: string[] }>;
  members: MemberSnapshot[];
  queues: QueueSnapshot[];
  /** Device → state token (DeviceStateList). */
  devices: Record<string, string>;
}

export function snapshotOf(core: PbxCore): PbxSnapshot {
  const now = core.now();
  return {
    startedAt: core.startedAt,
    channels: [...core.channels.values()].map((c) => ({
      name: c.name,
      uniqueid: c.uniqueid,
      linkedid: c.linkedid,
      state: c.state,
      stateDesc: stateDesc(c.state),
      callerIdNum: c.callerNum,
      callerIdName: c.callerName,
      connectedLineNum: c.connNum,
      connectedLineName: c.connName,
      context: c.context,
      exten: c.exten,
      priority: c.priority,
      application: c.app,
      bridgeId: c.bridge?.uniqueid,
      endpoint: c.endpoint,
    })),
    bridges: [...core.bridges.values()].map((b) => ({ id: b.uniqueid, channels: b.channels.map((c) => c.name) })),
    members: [...core.queues.values()].flatMap((q) =>
      q.members.map((m) => ({
        queue: m.queue,
        interface: m.iface,
        memberName: m.name,
        stateInterface: m.stateInterface,
        penalty: m.penalty,
        paused: m.paused,
        pausedReason: m.pausedReason,
        status: m.status,
        inCall: m.inCall,
        callsTaken: m.callsTaken,
      })),
    ),
    queues: [...core.queues.values()].map((q) => ({
      name: q.config.name,
      strategy: q.config.strategy,
      waiting: q.entries.map((e, i) => ({
        channel: e.channel.name,
        uniqueid: e.channel.uniqueid,
        position: i + 1,
        waitSeconds: Math.floor((now - e.joinedAt) / 1000),
      })),
      completed: q.completed,
      abandoned: q.abandoned,
    })),
    devices: Object.fromEntries(core.devices),
  };
}
