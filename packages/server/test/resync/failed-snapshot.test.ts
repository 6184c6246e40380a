import { readFileSync } from 'node:fs';
import { type AmiMessage, AmiParser } from '@amiable/ami';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAmi, type FakeAmiSession } from '../../../ami/test/support/fake-ami.ts';
import { loadConfig } from '../../src/config/index.ts';
import { PbxConnection } from '../../src/pbx/pbx-connection.ts';
import { tracePath } from '../model/helpers.ts';
import { waitFor } from '../workflow/helpers.ts';

/** The CoreShowChannel items Asterisk sent in reconnect-resync's resync session, as header pairs. */
function recordedChannels(): Array<Array<[string, string]>> {
  const items: AmiMessage[] = [];
  const parser = new AmiParser({ message: (m) => m.event === 'CoreShowChannel' && items.push(m) }, { expectBanner: true });
  parser.push(readFileSync(tracePath('reconnect-resync', 'resync-received.ami')));
  return items.map((m) => m.pairs());
}

const LISTS = ['CoreShowChannels', 'BridgeList', 'QueueStatus', 'DeviceStateList', 'ExtensionStateList'];
const COMPLETE: Record<string, string> = {
  CoreShowChannels: 'CoreShowChannelsComplete',
  BridgeList: 'BridgeListComplete',
  QueueStatus: 'QueueStatusComplete',
  DeviceStateList: 'DeviceStateListComplete',
  ExtensionStateList: 'ExtensionStateListComplete',
};

/** Answer a snapshot list as Asterisk does: Success + EventList start, the items with the ActionID, then the Complete event. */
function answerList(session: FakeAmiSession, action: AmiMessage, items: Array<Array<[string, string]>>): void {
  const id = action.get('ActionID') ?? '';
  const name = action.get('Action')!;
  session.reply(action, 'Success', { EventList: 'start', Message: 'Channels will follow' });
  for (const item of items) session.send(item.map(([k, v]): [string, string] => [k, k === 'ActionID' ? id : v]));
  session.send([
    ['Event', COMPLETE[name]!],
    ['ActionID', id],
    ['EventList', 'Complete'],
    ['ListItems', String(items.length)],
  ]);
}

describe('resync with a refused snapshot list', () => {
  let conn: PbxConnection | undefined;
  afterEach(async () => {
    await conn?.close();
  });

  it('keeps the model it has, never swaps in an empty one, and retries until every list answers', async () => {
    const channels = recordedChannels();
    // Session 0: every list answers. Session 1: CoreShowChannels is refused (as for a user without the right class).
    // Session 2: every list answers again.
    const fake = new FakeAmi({
      onAction: (action, session) => {
        const name = action.get('Action') ?? '';
        const n = fake.sessions.indexOf(session);
        if (name === 'CoreStatus') {
          session.reply(action, 'Success', { CoreStartupDate: '2026-11-26', CoreStartupTime: '05:36:56' });
          return true;
        }
        if (!LISTS.includes(name)) return false;
        if (n === 1 && name === 'CoreShowChannels') {
          session.reply(action, 'Error', { Message: 'Permission denied' });
          return true;
        }
        answerList(session, action, name === 'CoreShowChannels' ? channels : []);
        return true;
      },
    });
    const resynced: number[] = [];
    const config = loadConfig({ env: {}, overrides: { pbxs: [{ id: 'main', username: 'cti', secret: 'ctisecret' }] } }).pbxs[0]!;
    conn = new PbxConnection({
      config,
      transport: fake.connector(),
      keepalive: false,
      listener: { resynced: (_pbx, info) => resynced.push(info.model.channels.size) },
    });
    await conn.start();
    await waitFor('first resync', () => resynced.length === 1);
    expect(resynced).toEqual([channels.length]);
    const before = conn.model;

    (await fake.session(0)).destroy();
    const refused = await fake.session(1);
    await waitFor('CoreShowChannels refused', () => refused.actionsNamed('CoreShowChannels').length === 1);
    // The failed resync swapped nothing in: the model still holds every channel, and no resync was reported.
    await waitFor('the refused session dropped', () => refused.closed || fake.sessions.length > 2);
    expect(conn.model).toBe(before);
    expect(conn.model.channels.size).toBe(channels.length);
    expect(resynced).toEqual([channels.length]);

    // The retry (after the client's backoff) succeeds.
    await waitFor('resync after the retry', () => resynced.length === 2);
    expect(resynced).toEqual([channels.length, channels.length]);
    expect(fake.sessions.length).toBe(3);
  });
});
