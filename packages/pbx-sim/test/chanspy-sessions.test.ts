import type { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';
import { startTapped, type TappedPbx } from './support/tapped-pbx.ts';
import { fieldNames, loadTrace } from './support/trace.ts';

/** chanspy-listen-whisper-barge, as recorded. */
const TRACE = loadTrace('chanspy-listen-whisper-barge').messages;
const recordedShape = (name: string) => fieldNames(TRACE.find((m) => m.event === name)!).join(',');

/** The events that concern the supervisor leg and the spied-on call, as `Event channel` lines. */
function story(events: readonly AmiMessage[], spyer: string, agent: string): string[] {
  const out: string[] = [];
  for (const m of events) {
    const ch = m.get('Channel') ?? m.get('DestChannel') ?? '';
    if (m.event === 'ChanSpyStart' || m.event === 'ChanSpyStop') out.push(m.event);
    else if (m.event === 'OriginateResponse' && ch.startsWith(spyer)) out.push('OriginateResponse spyer');
    else if ((m.event === 'Hangup' || m.event === 'SoftHangupRequest') && ch.startsWith(spyer)) out.push(`${m.event} spyer ${m.get('Cause')} ${m.get('Cause-txt') ?? ''}`.trim());
    else if (m.event === 'Hangup' && ch === agent) out.push('Hangup agent');
    else if (m.event === 'Newexten' && ch.startsWith(spyer)) out.push(`Newexten spyer ${m.get('Application')}`);
  }
  return out;
}

async function spiedCall(t: TappedPbx) {
  t.pbx.addMember('lang-en', '1001');
  t.pbx.setPhone('1001', { mode: 'answer', answerAfterMs: 500 });
  t.pbx.setPhone('1010', { mode: 'answer', answerAfterMs: 1000 });
  const call = t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15554445555', callerName: 'Sam Supervised' });
  t.advance(3000);
  const agent = t.pbx.snapshot().channels.find((c) => c.endpoint === '1001')!;
  const c = await RawAmiClient.connect(t.pbx.port);
  await c.login();
  return { call, agent, c };
}

describe('supervisor ChanSpy sessions (chanspy-listen-whisper-barge)', () => {
  it('starts ChanSpy after the supervisor answers, and a Hangup of the supervisor gives ChanSpyStop then cause 16', async () => {
    const t = await startTapped();
    const { agent, c } = await spiedCall(t);
    const at = t.events.length;
    await c.action({ Action: 'Originate', Channel: 'PJSIP/1010', Application: 'ChanSpy', Data: `${agent.name},uqE`, Timeout: '30000', Async: 'true' });
    t.advance(1500);
    await settle();
    const spyer = t.pbx.snapshot().channels.find((x) => x.endpoint === '1010')!;
    await c.action({ Action: 'Hangup', Channel: spyer.name, Cause: '16' });
    await settle();
    expect(story(t.events.slice(at), 'PJSIP/1010', agent.name)).toEqual([
      'Newexten spyer AppDial2',
      'OriginateResponse spyer',
      'ChanSpyStart',
      'ChanSpyStop',
      'Hangup spyer 16 Normal Clearing',
    ]);
    const start = t.named('ChanSpyStart')[0]!;
    expect(fieldNames(start).join(',')).toBe(recordedShape('ChanSpyStart'));
    expect(start.get('SpyeeChannel')).toBe(agent.name);
    expect(start.get('SpyeeLinkedid')).toBe(agent.linkedid);
    // The supervisor leg has its own Linkedid and joins no bridge.
    expect(start.get('SpyerLinkedid')).toBe(start.get('SpyerUniqueid'));
    c.close();
    await t.close();
  });

  it('with E, ends the barge when the caller hangs up: ChanSpyStop before the agent leg\'s Hangup, then the supervisor leg with cause 0 Unknown', async () => {
    const t = await startTapped();
    const { call, agent, c } = await spiedCall(t);
    const at = t.events.length;
    await c.action({ Action: 'Originate', Channel: 'PJSIP/1010', Application: 'ChanSpy', Data: `${agent.name},uqEB`, Timeout: '30000', Async: 'true' });
    t.advance(1500);
    call.hangup();
    t.advance(500);
    await settle();
    expect(story(t.events.slice(at), 'PJSIP/1010', agent.name)).toEqual([
      'Newexten spyer AppDial2',
      'OriginateResponse spyer',
      'ChanSpyStart',
      'ChanSpyStop',
      'Hangup agent',
      'Hangup spyer 0 Unknown',
    ]);
    expect(fieldNames(t.named('ChanSpyStop')[0]!).join(',')).toBe(recordedShape('ChanSpyStop'));
    c.close();
    await t.close();
  });
});
