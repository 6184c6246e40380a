import { describe, expect, it } from 'vitest';
import { aliceSignedIn } from './alice-signed-in.ts';
import { waitFor } from '../workflow/helpers.ts';
import { command, login } from '../security/support/identities.ts';

describe('a call hung up through the API (simulated PBX)', () => {
  const ctx = aliceSignedIn();

  it('is recorded as hung up by the agent, though Asterisk reports the AMI Hangup as a soft hangup of its own', async () => {
    const { server, log, alice } = ctx;
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15550001111', callerName: 'Jane Customer', talkMs: 120_000 });
    const answered = await waitFor('alice answers', () => log.of('call.answered').find((e) => e.payload.agentId === alice));
    const callId = answered.payload.callId;
    const token = (await login(server.url, 'alice', 'alice-demo')).accessToken;
    expect((await command(server.url, token, 'call.hangup', { callId })).status).toBe(200);
    await waitFor('the call ends', () => log.of('call.ended').some((e) => e.payload.callId === callId));
    let stored = await server.repos.callRecords.getByLinkedid('main', callId);
    for (let i = 0; i < 400 && !stored; i++) {
      await new Promise((done) => setTimeout(done, 25));
      stored = await server.repos.callRecords.getByLinkedid('main', callId);
    }
    expect(stored).toMatchObject({ outcome: 'answered', answeredAgentId: alice, hangupBy: 'agent' });
  });
});
