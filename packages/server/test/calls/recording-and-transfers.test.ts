import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { actionsNamed, header, sentActions, userId, waitFor } from '../workflow/helpers.ts';
import { call, command, login } from '../security/support/identities.ts';

/** A lang-en call that alice answers and that lasts until someone ends it. */
async function callAlice(server: TestServer, log: ReturnType<typeof recordEvents>, alice: string, number: string): Promise<string> {
  const sim = server.demo!.sim;
  // After an earlier call she may be in wrap-up: make her ready, as she would press Ready.
  await waitFor('alice off the phone', () => ['ready', 'wrap-up', 'paused'].includes(server.agents.get(alice)?.state ?? ''));
  if (server.agents.get(alice)?.state !== 'ready') await server.agents.ready(alice);
  sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
  sim.placeCall({ queue: 'lang-en', callerNumber: number, callerName: 'Jane Customer', talkMs: 120_000 });
  const answered = await waitFor('alice answers', () => log.of('call.answered').find((e) => e.payload.agentId === alice && e.payload.callerNumber === number));
  return answered.payload.callId;
}

describe('recording an agent\'s call, by a supervisor and by the queue\'s policy', () => {
  let server: TestServer;
  let log: ReturnType<typeof recordEvents>;
  let alice: string;
  beforeAll(async () => {
    server = await startTestServer({ recording: { fileTemplate: 'calls/{date}/{queue}-{linkedid}-{extension}', alwaysQueues: ['support'] } });
    alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    log = recordEvents(server);
  });
  afterAll(async () => {
    log?.stop();
    await server?.close();
  });

  it('lets sam start, pause, resume and stop the recording of alice\'s call by naming her, with MixMonitor and MixMonitorMute as recorded', async () => {
    const callId = await callAlice(server, log, alice, '+15556667777');
    const sam = await login(server.url, 'sam', 'sam-demo');
    const mark = sentActions(server.demo!.sim).length;

    const started = await command(server.url, sam.accessToken, 'recording.start', { callId, agentId: alice });
    expect(started.status).toBe(200);
    const file = (started.body.data as { file: string }).file;
    expect(file).toMatch(new RegExp(`^calls/\\d{4}-\\d{2}-\\d{2}/lang-en-${callId.replace('.', '\\.')}-1001\\.wav$`));
    expect((await command(server.url, sam.accessToken, 'recording.pause', { callId, agentId: alice })).body.data).toMatchObject({ state: 'paused', file });
    expect((await command(server.url, sam.accessToken, 'recording.resume', { callId, agentId: alice })).body.data).toMatchObject({ state: 'recording' });
    expect((await command(server.url, sam.accessToken, 'recording.stop', { callId, agentId: alice })).body.data).toMatchObject({ state: 'stopped', file });

    const sent = sentActions(server.demo!.sim, mark);
    const mix = actionsNamed(sent, 'MixMonitor');
    expect(mix).toHaveLength(1);
    expect(header(mix[0]!, 'File')).toBe(file);
    expect(header(mix[0]!, 'Options')).toBe('b');
    expect(header(mix[0]!, 'Command')).toBeUndefined();
    expect(header(mix[0]!, 'Channel')).toMatch(/^PJSIP\/1001-/);
    expect(actionsNamed(sent, 'MixMonitorMute').map((a) => `${header(a, 'Direction')}:${header(a, 'State')}`)).toEqual(['both:1', 'both:0']);
    expect(actionsNamed(sent, 'StopMixMonitor')).toHaveLength(1);
    expect(actionsNamed(sent, 'PauseMonitor')).toHaveLength(0);

    const states = log.of('call.recording').filter((e) => e.payload.callId === callId);
    expect(states.map((e) => e.payload.state)).toEqual(['recording', 'paused', 'recording', 'stopped']);
    expect(states[0]!.payload).toMatchObject({ agentId: alice, extension: '1001', queue: 'lang-en', file, by: (await userId(server, 'sam')) });

    // Nothing to stop twice.
    const again = await command(server.url, sam.accessToken, 'recording.stop', { callId, agentId: alice });
    expect([again.status, again.body.code]).toEqual([409, 'CTI_ERR_NOT_RECORDING']);
    const admin = await login(server.url, 'admin', 'admin-demo');
    const hung = await command(server.url, admin.accessToken, 'call.hangup', { callId });
    expect(hung.status).toBe(200);
    await waitFor('the call ends', () => log.of('call.ended').some((e) => e.payload.callId === callId));

    // The call record keeps the recording's path, and the call log serves it.
    const stored = await (async () => {
      for (let i = 0; i < 200; i++) {
        const r = await server.repos.callRecords.getByLinkedid('main', callId);
        if (r) return r;
        await new Promise((done) => setTimeout(done, 25));
      }
      return undefined;
    })();
    expect(stored?.recordingFile).toBe(file);
    // Hung up through the API on alice's seat: her side ended it, not the PBX (Asterisk reports an AMI Hangup as a soft hangup).
    expect(stored?.hangupBy).toBe('agent');
    const listed = await call(server.url, 'GET', `/api/calls?number=${encodeURIComponent('+15556667777')}`, admin.accessToken);
    expect((listed.body.items as Array<{ callId: string; recordingFile: string | null }>).find((c) => c.callId === callId)?.recordingFile).toBe(file);
  });

  it("refuses alice, an agent, with CTI_ERR_RECORDING_NOT_ALLOWED under the default policy, before looking the call up", async () => {
    const token = (await login(server.url, 'alice', 'alice-demo')).accessToken;
    const callId = await callAlice(server, log, alice, '+15557778888');
    const refused = await command(server.url, token, 'recording.start', { callId });
    expect([refused.status, refused.body.code]).toEqual([403, 'CTI_ERR_RECORDING_NOT_ALLOWED']);
    const sam = await login(server.url, 'sam', 'sam-demo');
    expect((await command(server.url, sam.accessToken, 'call.hangup', { callId, agentId: alice })).status).toBe(200);
    await waitFor('the call ends', () => log.of('call.ended').some((e) => e.payload.callId === callId));
  });

  it('records every answered call of a queue marked "record every call", from the answer on', async () => {
    const sim = server.demo!.sim;
    await waitFor('alice off the phone', () => ['ready', 'wrap-up'].includes(server.agents.get(alice)?.state ?? ''));
    if (server.agents.get(alice)?.state !== 'ready') await server.agents.ready(alice);
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'support', callerNumber: '+15559990000', callerName: 'Omar Support', talkMs: 500 });
    const rec = await waitFor('an automatic recording', () => log.of('call.recording').find((e) => e.payload.queue === 'support' && e.payload.state === 'recording'));
    expect(rec.payload).toMatchObject({ by: 'policy', agentId: alice, extension: '1001' });
    expect(rec.payload.file).toMatch(/^calls\/\d{4}-\d{2}-\d{2}\/support-/);
    await waitFor('the automatic recording ends with the call', () =>
      log.of('call.recording').some((e) => e.payload.callId === rec.payload.callId && e.payload.state === 'stopped'),
    );
  });
});

describe('transfers by a supervisor or an admin, to a queue and to configured targets', () => {
  let server: TestServer;
  let log: ReturnType<typeof recordEvents>;
  let alice: string;
  beforeAll(async () => {
    server = await startTestServer({
      transfers: { targets: [{ kind: 'queue', value: 'sales', label: 'Sales' }, { kind: 'extension', value: '1004' }, { kind: 'external', value: '+4420', label: 'London office' }] },
    });
    alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    log = recordEvents(server);
  });
  afterAll(async () => {
    log?.stop();
    await server?.close();
  });

  it('serves the configured targets at /api/transfer-targets for desks to show', async () => {
    const token = (await login(server.url, 'alice', 'alice-demo')).accessToken;
    const res = await call(server.url, 'GET', '/api/transfer-targets', token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      restricted: true,
      targets: [
        { kind: 'queue', value: 'sales', label: 'Sales' },
        { kind: 'extension', value: '1004', label: null },
        { kind: 'external', value: '+4420', label: 'London office' },
      ],
    });
  });

  it('refuses a target outside the list, and lets an admin blind-transfer alice\'s call to the sales queue by name without naming her', async () => {
    const callId = await callAlice(server, log, alice, '+15558889999');
    const admin = (await login(server.url, 'admin', 'admin-demo')).accessToken;
    const outside = await command(server.url, admin, 'call.transfer', { callId, to: 'support', mode: 'blind' });
    expect([outside.status, outside.body.code]).toEqual([403, 'CTI_ERR_TRANSFER_TARGET_NOT_ALLOWED']);
    const abroad = await command(server.url, admin, 'call.transfer', { callId, to: '+33 1 42 68 53 02', mode: 'blind' });
    expect(abroad.body.code).toBe('CTI_ERR_TRANSFER_TARGET_NOT_ALLOWED');

    const mark = sentActions(server.demo!.sim).length;
    const moved = await command(server.url, admin, 'call.transfer', { callId, to: 'sales', mode: 'blind' });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ dialed: 'sales', kind: 'queue' });
    const bt = actionsNamed(sentActions(server.demo!.sim, mark), 'BlindTransfer');
    expect(bt.map((a) => [header(a, 'Exten'), header(a, 'Context')])).toEqual([['sales', 'internal']]);
    expect(header(bt[0]!, 'Channel')).toMatch(/^PJSIP\/1001-/);
    // As in blind-transfer-to-queue: the caller keeps its channel and joins sales.
    await waitFor('the caller waits in sales', () => [...server.pbxs.get('main')!.model.queues.get('sales')!.callers.values()].length > 0);
  });

  it('lets sam hang up alice\'s call by naming her, and refuses alice acting on another agent', async () => {
    const callId = await callAlice(server, log, alice, '+15551112222');
    const bilal = await login(server.url, 'bilal', 'bilal-demo');
    const refused = await command(server.url, bilal.accessToken, 'call.hangup', { callId, agentId: alice });
    expect(refused.status).toBe(403);
    const sam = (await login(server.url, 'sam', 'sam-demo')).accessToken;
    const mark = sentActions(server.demo!.sim).length;
    expect((await command(server.url, sam, 'call.hangup', { callId, agentId: alice })).status).toBe(200);
    const hangups = actionsNamed(sentActions(server.demo!.sim, mark), 'Hangup');
    expect(header(hangups[0]!, 'Channel')).toMatch(/^PJSIP\/1001-/);
    await waitFor('the call ends', () => log.of('call.ended').some((e) => e.payload.callId === callId));
  });
});
