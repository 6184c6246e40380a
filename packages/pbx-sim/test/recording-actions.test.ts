import type { AmiMessage } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';
import { startTapped } from './support/tapped-pbx.ts';
import { fieldNames, loadTrace } from './support/trace.ts';

/** The recorded answers and events of mixmonitor-start-stop, by what they answer. */
function recorded() {
  const { messages } = loadTrace('mixmonitor-start-stop');
  const shape = (name: string) => fieldNames(messages.find((m) => m.event === name)!).join(',');
  return { messages, shape };
}

/** A response's field names, without the ActionID (its place differs per client). */
const responseFields = (m: AmiMessage) => fieldNames(m).filter((f) => f !== 'ActionID');

describe('call recording actions, as Asterisk 22 answers them (mixmonitor-start-stop)', () => {
  it('answers MixMonitor, MixMonitorMute and StopMixMonitor like the recording, and refuses PauseMonitor with RequestBadFormat', async () => {
    const trace = recorded();
    const t = await startTapped();
    t.pbx.setPhone('1002', { mode: 'answer', answerAfterMs: 100 });
    t.pbx.placeCall({ exten: '1002', callerNumber: '+15556667777', callerName: 'Rita Recorded' });
    t.advance(1000);
    const agent = t.pbx.snapshot().channels.find((c) => c.endpoint === '1002')!;
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    const at = t.events.length;

    const start = await c.action({ Action: 'MixMonitor', Channel: agent.name, File: 'cti/rec-1.wav', Options: 'b' });
    expect(start.get('Response')).toBe('Success');
    expect(responseFields(start)).toEqual(['Response']); // no Message, no MixMonitorID
    const paused = await c.action({ Action: 'PauseMonitor', Channel: agent.name });
    expect(paused.get('Message')).toBe('Invalid/unknown command: PauseMonitor. Use Action: ListCommands to show available commands.');
    const mute = await c.action({ Action: 'MixMonitorMute', Channel: agent.name, Direction: 'both', State: '1' });
    expect(responseFields(mute)).toEqual(['Response']);
    await c.action({ Action: 'MixMonitorMute', Channel: agent.name, Direction: 'both', State: '0' });
    const stop = await c.action({ Action: 'StopMixMonitor', Channel: agent.name });
    expect(responseFields(stop)).toEqual(['Response']);
    await settle();

    const after = t.events.slice(at);
    const names = after
      .filter((m) => ['MixMonitorStart', 'MixMonitorMute', 'MixMonitorStop', 'RequestBadFormat'].includes(m.event!) || m.get('Variable') === 'MIXMONITOR_FILENAME')
      .map((m) => (m.event === 'VarSet' ? 'VarSet MIXMONITOR_FILENAME' : m.event === 'MixMonitorMute' ? `MixMonitorMute ${m.get('State')}` : m.event));
    expect(names).toEqual(['VarSet MIXMONITOR_FILENAME', 'MixMonitorStart', 'RequestBadFormat', 'MixMonitorMute 1', 'MixMonitorMute 0', 'MixMonitorStop']);
    for (const name of ['MixMonitorStart', 'MixMonitorMute', 'MixMonitorStop', 'RequestBadFormat']) {
      expect(fieldNames(after.find((m) => m.event === name)!).join(','), name).toBe(trace.shape(name));
    }
    expect(after.find((m) => m.event === 'RequestBadFormat')!.get('RequestType')).toBe('Action: PauseMonitor');
    expect(after.find((m) => m.event === 'MixMonitorStart')!.get('Uniqueid')).toBe(agent.uniqueid);
    c.close();
    await t.close();
  });
});
