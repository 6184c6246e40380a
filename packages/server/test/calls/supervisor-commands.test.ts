import { describe, expect, it } from 'vitest';
import { TestClient, type Frame } from '../gateway/helpers/ws-client.ts';
import { call, login } from '../security/support/identities.ts';
import { actionsNamed, header, membersOf, sentActions, waitFor } from '../workflow/helpers.ts';
import { aliceSignedIn } from './alice-signed-in.ts';

// Every supervisor action of the wallboard, sent by sam over his own WebSocket (the path the
// wallboard takes) to the real server on the simulated PBX, and seen taking effect in his stream.
describe("the supervisor's commands on the simulated PBX, through sam's WebSocket", () => {
  const ctx = aliceSignedIn();
  let sam: TestClient;
  let samToken: string;
  let seq = 0;

  const samCommand = async (name: string, args: Record<string, unknown>): Promise<Frame> => {
    if (!sam) {
      samToken = (await login(ctx.server.url, 'sam', 'sam-demo')).accessToken;
      sam = await TestClient.connect(`${ctx.server.url.replace(/^http/, 'ws')}/api/ws`, samToken);
    }
    const id = `c${++seq}`;
    sam.send({ op: 'command', id, name, args });
    return sam.waitFor((f) => f.op === 'result' && f.id === id, 10_000);
  };
  const samSees = (type: string, match: (payload: Record<string, unknown>) => boolean, timeoutMs = 10_000) =>
    sam.waitFor((f) => f.op === 'event' && f.type === type && match(f.payload as Record<string, unknown>), timeoutMs);

  it('forces a pause with a reason and then Ready: each shows in the agent.state stream, and Asterisk has the pause', async () => {
    const { server, alice } = ctx;
    expect(await samCommand('supervisor.forcePause', { agentId: alice, reason: 'training' })).toMatchObject({ ok: true });
    await samSees('agent.state', (p) => p.agentId === alice && p.state === 'paused' && p.reason === 'training');
    expect(membersOf(server.demo!.sim, 'PJSIP/1001').every((m) => m.endsWith(':paused:training'))).toBe(true);
    expect(await samCommand('supervisor.forceReady', { agentId: alice })).toMatchObject({ ok: true });
    await samSees('agent.state', (p) => p.agentId === alice && p.state === 'ready');
    expect(membersOf(server.demo!.sim, 'PJSIP/1001').every((m) => m.endsWith(':ready:'))).toBe(true);
  });

  it('refuses a pause reason that is not configured, with a sentence', async () => {
    const result = await samCommand('supervisor.forcePause', { agentId: ctx.alice, reason: 'siesta' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CTI_ERR_UNKNOWN_PAUSE_REASON' } });
  });

  it('listens, whispers and barges: call.supervision names sam, his phone, alice and the mode, and the agent is never told', async () => {
    const { server, alice } = ctx;
    const sim = server.demo!.sim;
    const aliceToken = (await login(server.url, 'alice', 'alice-demo')).accessToken;
    const aliceWs = await TestClient.connect(`${server.url.replace(/^http/, 'ws')}/api/ws`, aliceToken);
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.setPhone('1010', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15554440001', callerName: 'Spied Caller', talkMs: 120_000 });
    const answered = await samSees('call.answered', (p) => p.agentId === alice);
    const callId = (answered.payload as { callId: string }).callId;
    for (const mode of ['listen', 'whisper', 'barge'] as const) {
      const mark = sentActions(sim).length;
      expect(await samCommand(`supervisor.${mode}`, { agentId: alice }), mode).toMatchObject({ ok: true });
      expect(header(actionsNamed(sentActions(sim, mark), 'Originate')[0]!, 'Application')).toBe('ChanSpy');
      const started = await samSees('call.supervision', (p) => p.state === 'started' && p.mode === mode);
      expect(started.payload).toEqual({
        callId,
        extension: '1001',
        agentId: alice,
        queue: 'lang-en',
        supervisorExtension: '1010',
        supervisor: 'sam',
        mode,
        state: 'started',
      });
      sim.hangupPhone('1010');
      await samSees('call.supervision', (p) => p.state === 'ended' && p.mode === mode);
    }
    expect(aliceWs.events('call.supervision')).toEqual([]);
    aliceWs.ws.close();
  });

  it("hangs up alice's call: call.ended follows, and the audit record names sam as the one who asked", async () => {
    const { server, alice } = ctx;
    const live = sam.events('call.answered').at(-1)!;
    const callId = (live.payload as { callId: string }).callId;
    expect(await samCommand('call.hangup', { callId, agentId: alice })).toMatchObject({ ok: true });
    await samSees('call.ended', (p) => p.callId === callId);
    await samSees('agent.state', (p) => p.agentId === alice && p.state !== 'on-call');
    const admin = (await login(server.url, 'admin', 'admin-demo')).accessToken;
    const trail = await eventuallyAudit(server.url, admin, callId);
    expect(trail).toMatchObject({ username: 'sam', role: 'supervisor', action: 'call.hangup', ok: true, args: { callId, agentId: alice } });
  });

  it('moves alice to another desk: signed out at 1001, signed in at 1002 with her queues, confirmed by agent.state', async () => {
    const { server, alice } = ctx;
    const admin = (await login(server.url, 'admin', 'admin-demo')).accessToken;
    const desks = (await call(server.url, 'GET', '/api/workstations?limit=100', admin)).body.items as Array<{ id: string; extension: string }>;
    const desk = desks.find((d) => d.extension === '1002')!;
    await waitFor('alice back from the call', () => server.agents.get(alice)?.state === 'ready' || server.agents.get(alice)?.state === 'wrap-up');
    const queuesBefore = membersOf(server.demo!.sim, 'PJSIP/1001').map((m) => m.split(':')[0]);
    expect(await samCommand('supervisor.moveDesk', { agentId: alice, workstationId: desk.id })).toMatchObject({ ok: true });
    await samSees('agent.state', (p) => p.agentId === alice && p.extension === '1002' && p.state !== 'logged-out');
    expect(membersOf(server.demo!.sim, 'PJSIP/1001')).toEqual([]);
    expect(membersOf(server.demo!.sim, 'PJSIP/1002').map((m) => m.split(':')[0])).toEqual(queuesBefore);
    const unknown = await samCommand('supervisor.moveDesk', { agentId: alice, workstationId: 'no-such-desk' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CTI_ERR_UNKNOWN_WORKSTATION' } });
  });

  it('moves alice from one queue to another, then signs her out of every queue', async () => {
    const { server, alice } = ctx;
    const iface = `PJSIP/${server.agents.get(alice)!.extension}`;
    expect(await samCommand('supervisor.moveAgent', { agentId: alice, fromQueue: 'support', toQueue: 'sales' })).toMatchObject({ ok: true });
    await samSees('queue.member', (p) => p.agentId === alice && p.queue === 'support' && p.change === 'removed');
    const queues = membersOf(server.demo!.sim, iface).map((m) => m.split(':')[0]);
    expect(queues).toContain('sales');
    expect(queues).not.toContain('support');
    expect(await samCommand('supervisor.forceSignOut', { agentId: alice })).toMatchObject({ ok: true });
    await samSees('agent.state', (p) => p.agentId === alice && p.state === 'logged-out');
    expect(membersOf(server.demo!.sim, iface)).toEqual([]);
    sam.ws.close();
  });
});

async function eventuallyAudit(base: string, token: string, callId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const page = await call(base, 'GET', '/api/audit?action=call.hangup&limit=50', token);
    const found = (page.body.items as Array<Record<string, unknown>>).find((e) => (e.args as { callId?: string } | null)?.callId === callId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no audit record of the hang-up');
}
