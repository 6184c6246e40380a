import type { AmiMessage } from '@amiable/ami';
import type { SnapshotLists } from './snapshot.ts';

type MutableLists = { -readonly [K in keyof SnapshotLists]-?: AmiMessage[] };

const SLOT: Record<string, keyof SnapshotLists> = {
  CoreShowChannel: 'channels',
  Status: 'status',
  BridgeListItem: 'bridges',
  QueueParams: 'queueStatus',
  QueueMember: 'queueStatus',
  QueueEntry: 'queueStatus',
  DeviceStateChange: 'deviceStates',
  ExtensionStatus: 'extensionStates',
};

/**
 * Sort list items (already separated from live events, e.g. by ListRouter)
 * into the slots buildSnapshotModel expects, by item name. Closing
 * `…Complete` events and unknown items are dropped.
 */
export function groupListItems(items: Iterable<AmiMessage>): SnapshotLists {
  const out: MutableLists = { channels: [], status: [], bridges: [], queueStatus: [], deviceStates: [], extensionStates: [] };
  for (const msg of items) {
    const slot = SLOT[msg.event ?? ''];
    if (slot !== undefined) out[slot].push(msg);
  }
  return out;
}
