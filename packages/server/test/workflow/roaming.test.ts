import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { actionsNamed, header, membersOf, sentActions, userId } from './helpers.ts';

const ALICE_MEMBERSHIP = ['lang-en:0:ready:', 'lang-fr:2:ready:', 'support:1:ready:'];

describe('roaming sign-in from workstations (simulated PBX)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses alice at a workstation whose MAC is unknown when she names no extension', async () => {
    const alice = await userId(server, 'alice');
    const sim = server.demo!.sim;
    const before = sentActions(sim).length;
    await expect(server.agents.signIn(alice, { workstation: { mac: '02:00:5e:00:53:99' } })).rejects.toMatchObject({
      code: 'CTI_ERR_UNKNOWN_WORKSTATION',
      details: { mac: '02:00:5e:00:53:99', ip: null },
    });
    expect(server.agents.get(alice)).toBeUndefined();
    expect(actionsNamed(sentActions(sim, before), 'QueueAdd')).toHaveLength(0);
    expect(membersOf(sim, 'PJSIP/1001')).toEqual([]);
  });

  it('refuses an unknown workstation with an extension alice may not use', async () => {
    const alice = await userId(server, 'alice');
    await expect(
      server.agents.signIn(alice, { workstation: { mac: '02:00:5e:00:53:99' }, extension: '1004' }),
    ).rejects.toMatchObject({ code: 'CTI_ERR_EXTENSION_NOT_ALLOWED' });
    expect(membersOf(server.demo!.sim, 'PJSIP/1004')).toEqual([]);
  });

  it('signs alice in from an unknown MAC when she names her allowed extension 1001', async () => {
    const alice = await userId(server, 'alice');
    const agent = await server.agents.signIn(alice, { workstation: { mac: '02:00:5e:00:53:99' }, extension: '1001' });
    expect(agent).toMatchObject({ extension: '1001', workstationId: null });
    expect(membersOf(server.demo!.sim, 'PJSIP/1001')).toEqual(ALICE_MEMBERSHIP);
    await server.agents.signOut(alice);
    expect(membersOf(server.demo!.sim, 'PJSIP/1001')).toEqual([]);
  });

  it('matches Desk 1001 by its IP 10.0.10.1 and gives alice that desk’s extension', async () => {
    const alice = await userId(server, 'alice');
    const desk = (await server.repos.workstations.list()).find((w) => w.name === 'Desk 1001')!;
    const agent = await server.agents.signIn(alice, { workstation: { ip: '10.0.10.1' } });
    expect(agent).toMatchObject({ extension: '1001', iface: 'PJSIP/1001', workstationId: desk.id, state: 'ready' });
    expect(membersOf(server.demo!.sim, 'PJSIP/1001')).toEqual(ALICE_MEMBERSHIP);
    const open = (await server.repos.timesheet.listSessions({ agentId: alice })).filter((s) => s.signedOutAt === null);
    expect(open).toEqual([expect.objectContaining({ extension: '1001', workstationId: desk.id })]);
  });

  it('moves alice to Desk 1006 when she signs in there: removed from PJSIP/1001, added on PJSIP/1006, session ended as moved', async () => {
    const alice = await userId(server, 'alice');
    const sim = server.demo!.sim;
    const first = server.agents.get(alice)!;
    const desk6 = (await server.repos.workstations.list()).find((w) => w.name === 'Desk 1006')!;
    const before = sentActions(sim).length;

    const moved = await server.agents.signIn(alice, { workstation: { ip: '10.0.10.6' } });

    expect(moved).toMatchObject({ extension: '1006', iface: 'PJSIP/1006', workstationId: desk6.id, state: 'ready' });
    expect(moved.sessionId).not.toBe(first.sessionId);
    expect(membersOf(sim, 'PJSIP/1001')).toEqual([]);
    expect(membersOf(sim, 'PJSIP/1006')).toEqual(ALICE_MEMBERSHIP);
    // Every removal from the old desk went out before the first add on the new one.
    const sent = sentActions(sim, before).filter((a) => ['QueueRemove', 'QueueAdd'].includes(header(a, 'Action') ?? ''));
    const lines = sent.map((a) => `${header(a, 'Action')} ${header(a, 'Interface')} ${header(a, 'Queue')}`);
    expect(lines.slice(0, 3).sort()).toEqual(['QueueRemove PJSIP/1001 lang-en', 'QueueRemove PJSIP/1001 lang-fr', 'QueueRemove PJSIP/1001 support']);
    expect(lines.slice(3).sort()).toEqual(['QueueAdd PJSIP/1006 lang-en', 'QueueAdd PJSIP/1006 lang-fr', 'QueueAdd PJSIP/1006 support']);
    // No double sign-in: one signed-in alice, nobody at 1001 any more.
    expect(server.agents.list().filter((a) => a.agentId === alice)).toHaveLength(1);
    expect(server.agents.byExtension('main', '1001')).toBeUndefined();
    expect(server.agents.byExtension('main', '1006')?.agentId).toBe(alice);
    // The live model follows Asterisk.
    const model = server.pbxs.get('main')!.model;
    for (const q of ['lang-en', 'lang-fr', 'support']) {
      expect(model.queues.get(q)!.members.has('PJSIP/1001')).toBe(false);
      expect(model.queues.get(q)!.members.has('PJSIP/1006')).toBe(true);
    }
    // The timesheet: the first session ended with reason 'moved', a new one opened at 1006.
    const sessions = await server.repos.timesheet.listSessions({ agentId: alice });
    const old = sessions.find((s) => s.id === first.sessionId)!;
    expect(old).toMatchObject({ extension: '1001', reason: 'moved' });
    expect(old.signedOutAt).not.toBeNull();
    const open = sessions.filter((s) => s.signedOutAt === null);
    expect(open).toEqual([expect.objectContaining({ id: moved.sessionId, extension: '1006', workstationId: desk6.id })]);
    expect(open[0]!.signedInAt).toBeGreaterThanOrEqual(old.signedOutAt!);
  });

  it('refuses farid at Desk 1006 while alice is signed in there', async () => {
    const farid = await userId(server, 'farid');
    await expect(server.agents.signIn(farid, { workstation: { ip: '10.0.10.6' } })).rejects.toMatchObject({
      code: 'CTI_ERR_EXTENSION_IN_USE',
    });
    expect(server.agents.get(farid)).toBeUndefined();
  });
});
