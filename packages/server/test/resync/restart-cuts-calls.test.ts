import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';
import { reconnected } from './snapshot-session.ts';

describe('a call up when the simulated Asterisk restarts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is recorded as hung up by pbx-restart once the resync finds it gone', async () => {
    const sim = server.demo!.sim;
    const conn = server.pbxs.get('main')!;
    const alice = await userId(server, 'alice');
    await server.agents.signIn(alice!, {});
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 50 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15557654321', callerName: 'Cut Off', talkMs: 600_000 });
    let linkedid: string | undefined;
    await waitFor('alice answered', () => {
      linkedid = [...conn.model.calls.values()].find((c) => c.facts.answeredAt !== null)?.linkedid;
      return linkedid !== undefined;
    });
    const connectionId = conn.client.connectionId;

    sim.restart();
    await reconnected(conn, connectionId);

    const stored = await (async () => {
      for (let i = 0; i < 400; i++) {
        const r = await server.repos.callRecords.getByLinkedid('main', linkedid!);
        if (r) return r;
        await new Promise((done) => setTimeout(done, 25));
      }
      return undefined;
    })();
    expect(stored).toMatchObject({ hangupBy: 'pbx-restart', outcome: 'answered', answeredBy: '1001' });
  });
});
