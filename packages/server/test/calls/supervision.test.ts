import { describe, expect, it } from 'vitest';
import { aliceSignedIn } from './alice-signed-in.ts';
import { actionsNamed, header, sentActions, waitFor } from '../workflow/helpers.ts';
import { command, login } from '../security/support/identities.ts';

describe('supervisor listen, whisper and barge through ChanSpy, end to end on the simulated PBX', () => {
  const ctx = aliceSignedIn();

  it("rings sam's phone (1010) and spies on alice's leg with the recorded options uqE, uqEw and uqEB", async () => {
    const { server, log, alice } = ctx;
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.setPhone('1010', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15554445555', callerName: 'Sam Supervised', talkMs: 120_000 });
    const answered = await waitFor('alice answers', () => log.of('call.answered').find((e) => e.payload.agentId === alice));
    const agentLeg = sim.snapshot().channels.find((c) => c.endpoint === '1001')!;
    const sam = (await login(server.url, 'sam', 'sam-demo')).accessToken;

    for (const [mode, options] of [['listen', 'uqE'], ['whisper', 'uqEw'], ['barge', 'uqEB']] as const) {
      const mark = sentActions(sim).length;
      const res = await command(server.url, sam, `supervisor.${mode}`, { agentId: alice });
      expect(res.status, mode).toBe(200);
      const originate = actionsNamed(sentActions(sim, mark), 'Originate');
      expect(originate).toHaveLength(1);
      expect(header(originate[0]!, 'Channel')).toBe('PJSIP/1010');
      expect(header(originate[0]!, 'Application')).toBe('ChanSpy');
      expect(header(originate[0]!, 'Data')).toBe(`${agentLeg.name},${options}`);
      // The simulated Asterisk rings 1010, which answers, and ChanSpy attaches to alice's leg.
      const spyer = await waitFor(`${mode}: 1010 up`, () => sim.snapshot().channels.find((c) => c.endpoint === '1010' && c.state === 6));
      await waitFor(`${mode}: spying`, () => server.pbxs.get('main')!.model.channels.get(spyer.uniqueid) !== undefined);
      sim.hangupPhone('1010');
      await waitFor(`${mode}: 1010 hung up`, () => !sim.snapshot().channels.some((c) => c.endpoint === '1010'));
    }
    // Alice's call went on undisturbed; an agent cannot spy.
    expect(sim.snapshot().channels.some((c) => c.uniqueid === agentLeg.uniqueid)).toBe(true);
    const bilal = (await login(server.url, 'bilal', 'bilal-demo')).accessToken;
    expect((await command(server.url, bilal, 'supervisor.listen', { agentId: alice })).status).toBe(403);
    expect((await command(server.url, sam, 'call.hangup', { callId: answered.payload.callId, agentId: alice })).status).toBe(200);
  });
});
