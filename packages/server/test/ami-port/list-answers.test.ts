import { describe, expect, it } from 'vitest';
import { ActionHeaders } from '../../src/ami-port/action-headers.ts';
import { extractFacts } from '../../src/ami-port/event-facts.ts';
import { createEventMirror } from '../../src/ami-port/event-mirror.ts';
import { answerList } from '../../src/ami-port/list-answers.ts';
import { PbxStates } from '../../src/ami-port/pbx-states.ts';
import type { AmiPortPrincipal } from '../../src/ami-port/ports.ts';
import { scopeOf } from '../../src/ami-port/scope.ts';
import { connectionStart, loadTimeline, principal } from './support/traces.ts';

/** State as the port would hold it when the reconnect-resync snapshot was taken. */
const resyncAt = connectionStart('reconnect-resync', 'resync');
const live = loadTimeline('reconnect-resync', 'main', resyncAt).filter((m) => m.kind === 'event');
const mirror = createEventMirror();
const pbx = new PbxStates(/^[0-9]+$/);
for (const m of live) {
  mirror.apply('pbx1', m);
  pbx.apply('pbx1', m, extractFacts(m));
}
const now = Math.round(resyncAt * 1000);

function ask(who: AmiPortPrincipal, ...pairs: Array<[string, string]>) {
  return answerList(new ActionHeaders(pairs), { model: mirror, scope: scopeOf(who), view: (id) => pbx.view(id), now });
}
const field = (pairs: Array<[string, string]>, key: string) => pairs.find(([k]) => k === key)?.[1];

describe('read-only lists are answered from the model and filtered like events', () => {
  it('answers CoreShowChannels as an EventList in Asterisk’s shape, ActionID right after Event', () => {
    const out = ask(principal({ role: 'admin' }), ['Action', 'CoreShowChannels'], ['ActionID', 'mine-1']);
    expect(out[0]).toEqual([
      ['Response', 'Success'],
      ['ActionID', 'mine-1'],
      ['EventList', 'start'],
      ['Message', 'Channels will follow'],
    ]);
    const items = out.slice(1, -1);
    expect(items).toHaveLength(8);
    for (const item of items) expect(item.slice(0, 3).map(([k]) => k)).toEqual(['Event', 'ActionID', 'Channel']);
    expect(out.at(-1)).toEqual([
      ['Event', 'CoreShowChannelsComplete'],
      ['ActionID', 'mine-1'],
      ['EventList', 'Complete'],
      ['ListItems', '8'],
    ]);
  });

  it('lists for agent 1001 only its own leg and the customer it talks to', () => {
    const out = ask(principal({ extensions: ['1001'] }), ['Action', 'CoreShowChannels']);
    const channels = out.slice(1, -1).map((item) => field(item, 'Channel'));
    expect(channels.sort()).toEqual([
      'Local/+15551234567@trunk-sim-00000000;1',
      'Local/+15551234567@trunk-sim-00000000;2',
      'PJSIP/1001-00000000',
    ]);
    expect(field(out.at(-1)!, 'ListItems')).toBe('3');
  });

  it('answers QueueStatus for a lang-ar supervisor with lang-ar only, ActionID last', () => {
    const out = ask(principal({ role: 'supervisor', queues: ['lang-ar'] }), ['Action', 'QueueStatus'], ['ActionID', 'q']);
    const items = out.slice(1, -1);
    expect(items.map((i) => `${field(i, 'Event')} ${field(i, 'Queue')}`)).toEqual(['QueueParams lang-ar', 'QueueEntry lang-ar']);
    for (const item of items) expect(item.at(-1)).toEqual(['ActionID', 'q']);
    expect(field(items[1]!, 'Channel')).toBe('Local/+9665000000@trunk-sim-00000002;1');
    expect(field(out.at(-1)!, 'Event')).toBe('QueueStatusComplete');
  });

  it('answers QueueSummary with counts derived from members and callers', () => {
    const out = ask(principal({ role: 'admin' }), ['Action', 'QueueSummary'], ['Queue', 'lang-en']);
    expect(out.slice(1, -1)).toEqual([
      [
        ['Event', 'QueueSummary'],
        ['Queue', 'lang-en'],
        ['LoggedIn', '2'],
        ['Available', '0'],
        ['Callers', '1'],
        ['HoldTime', '2'],
        ['TalkTime', '0'],
        ['LongestHoldTime', '2'],
      ],
    ]);
  });

  it('answers Status for a channel the client may not see as if it did not exist', () => {
    const out = ask(principal({ extensions: ['1002'] }), ['Action', 'Status'], ['ActionID', 's'], ['Channel', 'PJSIP/1001-00000000']);
    expect(out).toEqual([
      [
        ['Response', 'Error'],
        ['ActionID', 's'],
        ['Message', 'No such channel'],
      ],
    ]);
    const own = ask(principal({ extensions: ['1002'] }), ['Action', 'Status'], ['Channel', 'PJSIP/1002-00000001']);
    expect(own).toHaveLength(3);
    expect(field(own[1]!, 'Privilege')).toBe('Call');
    expect(own[2]).toContainEqual(['Items', '1']);
  });

  it('lists device and hint states of the client’s own phone (and its queue pause state) only', () => {
    const devices = ask(principal({ extensions: ['1002'] }), ['Action', 'DeviceStateList']).slice(1, -1);
    expect(devices.map((d) => field(d, 'Device')).sort()).toEqual(['PJSIP/1002', 'Queue:lang-en_pause_PJSIP/1002']);
    const hints = ask(principal({ extensions: ['1002'] }), ['Action', 'ExtensionStateList']).slice(1, -1);
    expect(hints.map((d) => `${field(d, 'Exten')} ${field(d, 'StatusText')}`)).toEqual(['1002 Ringing']);
  });
});
