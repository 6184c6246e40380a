import type { Channel } from './channel.ts';

/** A basic two-party bridge, as the Bridge* events and BridgeList describe it. */
export interface Bridge {
  readonly uniqueid: string;
  readonly type: string;
  readonly technology: string;
  readonly channels: Channel[];
  readonly createdAt: number;
}

export function makeBridge(uniqueid: string, createdAt: number): Bridge {
  return { uniqueid, type: 'basic', technology: 'simple_bridge', channels: [], createdAt };
}
