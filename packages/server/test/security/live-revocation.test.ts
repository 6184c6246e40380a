/**
 * Revocation reaches open connections: every change to a principal (API key, role, scope, agent
 * extensions, a disabled account, a password change) is applied at once to the WebSockets and the
 * AMI-port sessions already open, over real sockets, on SQLite and PostgreSQL.
 */
import { AmiMessage } from '@amiable/ami';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AmiPortHandle, startAmiPort } from '../../src/app/ami-port-wiring.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { PASSWORD, type RestApp, buildRestApp, login } from '../features-rest/helpers/rest-app.ts';
import { agentState, ringing } from '../gateway/helpers/events.ts';
import { TestClient } from '../gateway/helpers/ws-client.ts';

const dialects: SqlDialect[] = ['sqlite', 'postgres'];

describe.each(dialects)('revocation of open connections on %s', (dialect) => {
  let rest: RestApp;
  let wsUrl: string;
  const paused: string[] = [];
  const clients: TestClient[] = [];
  const ws = async (token: string) => {
    const client = await TestClient.connect(wsUrl, token);
    clients.push(client);
    return client;
  };
  const patch = async (url: string, payload: Record<string, unknown>) => {
    const res = await rest.app.inject({ method: 'PATCH', url, headers: rest.as.admin, payload });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeEach(async () => {
    paused.length = 0;
    rest = await buildRestApp({}, dialect, {
      commands: {
        'agent.pause': async (principal) => {
          paused.push(principal.username);
          return { done: 'agent.pause' };
        },
      },
    });
    const address = await rest.app.listen({ host: '127.0.0.1', port: 0 });
    wsUrl = `${address.replace('http', 'ws')}/api/ws`;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await rest.close();
  });

  it('a disabled API key stops acting on its open WebSocket: closed with 4003', async () => {
    const crm = await ws(rest.integrationKey);
    crm.send({ op: 'command', id: 'p1', name: 'agent.pause', args: { agentId: 'u-alice', reason: 'lunch' } });
    const result = await crm.waitFor((f) => f.id === 'p1');
    expect(result.ok, JSON.stringify(result)).toBe(true);

    const keys = (await rest.app.inject({ method: 'GET', url: '/api/api-keys', headers: rest.as.admin })).json().items as { id: string }[];
    await patch(`/api/api-keys/${keys[0]!.id}`, { disabled: true });

    const closed = await crm.waitForClose();
    expect(closed.code).toBe(4003);
    expect(closed.reason).toBe('CTI_ERR_USER_DISABLED');
    expect(paused).toEqual(['CRM connector']);
  });

  it('a deleted API key closes its open WebSocket with 4003', async () => {
    const crm = await ws(rest.integrationKey);
    const keys = (await rest.app.inject({ method: 'GET', url: '/api/api-keys', headers: rest.as.admin })).json().items as { id: string }[];
    const res = await rest.app.inject({ method: 'DELETE', url: `/api/api-keys/${keys[0]!.id}`, headers: rest.as.admin });
    expect(res.statusCode).toBe(204);
    expect((await crm.waitForClose()).code).toBe(4003);
  });

  it("a supervisor demoted to agent stops receiving other agents' events on the open socket", async () => {
    const carol = await ws(await login(rest.app, 'carol'));
    rest.app.gateway.router.publish(agentState('u-alice', '1001', 'paused'));
    await carol.waitFor((f) => f.op === 'event' && (f.payload as { agentId?: string }).agentId === 'u-alice');

    const snapshots = carol.frames.filter((f) => f.op === 'snapshot').length;
    await patch('/api/users/u-carol', { role: 'agent' });
    // The new view comes with a fresh snapshot of what it may see.
    await carol.until(() => (carol.frames.filter((f) => f.op === 'snapshot').length > snapshots ? true : undefined));
    const seen = carol.events().length;
    rest.app.gateway.router.publish(agentState('u-alice', '1001', 'ready'));
    rest.app.gateway.router.publish(ringing('9.1', '1001', 'u-alice', 'lang-en'));
    // A ping answered after the publishes proves nothing more was on its way.
    carol.send({ op: 'ping', id: 'after' });
    await carol.waitFor((f) => f.op === 'pong' && f.id === 'after');
    expect(carol.events().length).toBe(seen);
    expect(carol.closed).toBeNull();
  });

  it('a password change closes the open sockets with 4003 and refuses the old access token', async () => {
    const token = await login(rest.app, 'alice');
    const alice = await ws(token);
    await patch('/api/users/u-alice', { password: 'another long passphrase' });
    const closed = await alice.waitForClose();
    expect(closed.code).toBe(4003);
    expect(closed.reason).toBe('CTI_ERR_TOKEN_REVOKED');
    const me = await rest.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
  });

  it("an API key's new scope and a supervisor's new queue reach their open sockets", async () => {
    const crm = await ws(rest.integrationKey);
    const carol = await ws(await login(rest.app, 'carol'));
    const probe = async (client: TestClient, id: string) => {
      client.send({ op: 'ping', id });
      await client.waitFor((f) => f.op === 'pong' && f.id === id);
    };
    const snapshots = (client: TestClient) => client.frames.filter((f) => f.op === 'snapshot').length;

    rest.app.gateway.router.publish(ringing('10.1', '1005', null, null));
    rest.app.gateway.router.publish(ringing('10.2', '1099', null, 'lang-fr'));
    await probe(crm, 'k1');
    await probe(carol, 'c1');
    expect(crm.events('call.ringing')).toHaveLength(0);
    expect(carol.events('call.ringing')).toHaveLength(0);

    const keys = (await rest.app.inject({ method: 'GET', url: '/api/api-keys', headers: rest.as.admin })).json().items as { id: string }[];
    const [crmSnapshots, carolSnapshots] = [snapshots(crm), snapshots(carol)];
    await patch(`/api/api-keys/${keys[0]!.id}`, { scope: { agents: ['u-alice'], extensions: ['1001', '1005'], queues: ['lang-en'] } });
    await patch('/api/users/u-carol', { queues: ['lang-en', 'lang-fr'] });
    await crm.until(() => (snapshots(crm) > crmSnapshots ? true : undefined));
    await carol.until(() => (snapshots(carol) > carolSnapshots ? true : undefined));

    rest.app.gateway.router.publish(ringing('10.3', '1005', null, null));
    rest.app.gateway.router.publish(ringing('10.4', '1099', null, 'lang-fr'));
    await crm.waitFor((f) => f.op === 'event' && (f.payload as { callId?: string }).callId === '10.3');
    await carol.waitFor((f) => f.op === 'event' && (f.payload as { callId?: string }).callId === '10.4');
  });

  describe('the AMI-compatible port', () => {
    let port: AmiPortHandle;
    let emit: (msg: AmiMessage) => void = () => undefined;
    const ami: RawClient[] = [];
    beforeEach(async () => {
      const config = loadConfig({ env: {}, overrides: { amiPort: { enabled: true, host: '127.0.0.1', port: 0 }, log: { level: 'silent' } } });
      port = await startAmiPort({
        config,
        app: rest.app,
        pbxs: new Map(),
        subscribe: (listener) => {
          emit = (msg) => listener('main', msg);
          return () => undefined;
        },
        defaultPbx: 'main',
      });
    });
    afterEach(async () => {
      for (const c of ami.splice(0)) c.socket.destroy();
      await port.close();
    });
    const amiLogin = async (username: string) => {
      const client = await RawClient.connect(port.port);
      ami.push(client);
      expect((await client.login(username, PASSWORD)).get('Message')).toBe('Authentication accepted');
      return client;
    };
    const deviceState = (device: string) =>
      new AmiMessage(['Event', 'DeviceStateChange', 'Privilege', 'call,all', 'Device', device, 'State', 'INUSE']);

    it('a disabled user loses their AMI session: a CtiSessionEnded event, then the connection closes', async () => {
      const alice = await amiLogin('alice');
      await patch('/api/users/u-alice', { disabled: true });
      const ended = await alice.next((m) => m.get('Event') === 'CtiSessionEnded');
      expect(ended.get('Reason')).toBe('disabled');
      expect(ended.get('Code')).toBe('CTI_ERR_USER_DISABLED');
      await alice.until(() => alice.closed);
    });

    it("an agent's new extensions change what their open AMI session may act on; her new desk, what it sees", async () => {
      // Alice sits at 1001 on main: she sees that desk, not 1005.
      rest.app.gateway.router.publish({ ...agentState('u-alice', '1001'), pbx: 'main' });
      const alice = await amiLogin('alice');
      emit(deviceState('PJSIP/1005'));
      emit(deviceState('PJSIP/1001'));
      await alice.next((m) => m.get('Device') === 'PJSIP/1001');
      expect(alice.messages.some((m) => m.get('Device') === 'PJSIP/1005')).toBe(false);
      let n = 0;
      const originateFrom1005 = async () => {
        const id = `o${++n}`;
        alice.action(['Action', 'Originate'], ['ActionID', id], ['Channel', 'PJSIP/1005'], ['Exten', '1002'], ['Priority', '1']);
        return (await alice.response(id)).get('Message') ?? '';
      };
      expect(await originateFrom1005()).toMatch(/^Permission denied/);

      await patch('/api/agents/u-alice', { defaultExtension: '1005' });
      // The re-read is asynchronous (AMI has no frame to announce it): repeat the action until it passes the policy.
      let message = await originateFrom1005();
      for (let i = 0; i < 100 && /^Permission denied/.test(message); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        message = await originateFrom1005();
      }
      expect(message).not.toMatch(/^Permission denied/);

      // She moves to 1005: her events follow her desk.
      rest.app.gateway.router.publish({ ...agentState('u-alice', '1005'), pbx: 'main' });
      emit(deviceState('PJSIP/1005'));
      await alice.next((m) => m.get('Device') === 'PJSIP/1005');
      expect(alice.closed).toBe(false);
    });
  });
});
