import { PauseReasonCreateSchema, PauseReasonSchema, PauseReasonUpdateSchema, type PauseReason } from '@amiable/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { crudRoutes } from '../../src/gateway/index.ts';
import { bearer, buildFixture, type Fixture, INTEGRATION_KEY, login } from './helpers/fixture.ts';
import { pbxConnection } from './helpers/events.ts';

let fx: Fixture;
afterEach(async () => {
  await fx?.app.close();
});

function pauseReasonStore() {
  const rows = new Map<string, PauseReason>();
  let next = 1;
  return {
    rows,
    list: async ({ limit, offset }: { limit: number; offset: number }) => {
      const all = [...rows.values()];
      return { items: all.slice(offset, offset + limit), total: all.length };
    },
    get: async (id: string) => rows.get(id),
    create: async (input: Omit<PauseReason, 'id'> & { id?: string }) => {
      const row = { ...input, id: input.id ?? `pr-${next++}` };
      rows.set(row.id, row);
      return row;
    },
    update: async (id: string, patch: Partial<PauseReason>) => {
      const row = rows.get(id);
      if (!row) return undefined;
      const updated = { ...row, ...patch, id };
      rows.set(id, updated);
      return updated;
    },
    remove: async (id: string) => rows.delete(id),
  };
}

describe('OpenAPI', () => {
  it('serves a generated document covering auth, commands, state and the mounted CRUD resources', async () => {
    fx = await buildFixture({
      routes: async (app) => {
        await app.register(
          crudRoutes({
            prefix: '/api/pause-reasons',
            name: 'pause-reason',
            schemas: { entity: PauseReasonSchema, create: PauseReasonCreateSchema, update: PauseReasonUpdateSchema },
            store: pauseReasonStore(),
            permission: { read: 'directory.read', write: 'admin.manage' },
          }),
        );
      },
    });
    const res = await fx.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/commands/{name}', '/api/agents/me/pause', '/api/calls/{callId}/transfer', '/api/state', '/api/audit', '/api/pause-reasons/{id}']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const pause = doc.paths['/api/agents/me/pause'].post.requestBody.content['application/json'].schema;
    expect(pause.properties.reason).toMatchObject({ maxLength: 64 });
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    expect((await fx.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('CRUD plugin', () => {
  it('lets an admin manage pause reasons and agents read them, with validation and audit', async () => {
    const store = pauseReasonStore();
    fx = await buildFixture({
      routes: async (app) => {
        await app.register(
          crudRoutes({
            prefix: '/api/pause-reasons',
            name: 'pause-reason',
            schemas: { entity: PauseReasonSchema, create: PauseReasonCreateSchema, update: PauseReasonUpdateSchema },
            store,
            permission: { read: 'directory.read', write: 'admin.manage' },
          }),
        );
      },
    });
    const admin = bearer((await login(fx.app, 'dave')).accessToken);
    const agent = bearer((await login(fx.app, 'alice')).accessToken);
    const lunch = { code: 'lunch', label: 'Lunch break', paid: false, maxSeconds: 3600, active: true };

    const created = await fx.app.inject({ method: 'POST', url: '/api/pause-reasons', headers: admin, payload: lunch });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await fx.app.inject({ url: `/api/pause-reasons/${id}`, headers: agent })).json()).toMatchObject(lunch);
    expect((await fx.app.inject({ url: '/api/pause-reasons?limit=10', headers: agent })).json()).toMatchObject({ total: 1 });

    const forbidden = await fx.app.inject({ method: 'POST', url: '/api/pause-reasons', headers: agent, payload: lunch });
    expect(forbidden.json().code).toBe('CTI_ERR_FORBIDDEN');
    const invalid = await fx.app.inject({ method: 'POST', url: '/api/pause-reasons', headers: admin, payload: { ...lunch, label: 'Lunch\r\nbreak' } });
    expect(invalid.json().code).toBe('CTI_ERR_VALIDATION');
    const patched = await fx.app.inject({ method: 'PATCH', url: `/api/pause-reasons/${id}`, headers: admin, payload: { active: false } });
    expect(patched.json().active).toBe(false);
    expect((await fx.app.inject({ method: 'DELETE', url: `/api/pause-reasons/${id}`, headers: admin })).statusCode).toBe(204);
    expect((await fx.app.inject({ url: `/api/pause-reasons/${id}`, headers: admin })).json().code).toBe('CTI_ERR_NOT_FOUND');
    expect(fx.audit.entries().filter((e) => e.action.startsWith('pause-reason.')).map((e) => [e.action, e.ok])).toEqual([
      ['pause-reason.create', true],
      ['pause-reason.update', true],
      ['pause-reason.remove', true],
    ]);
  });
});

describe('state, health, metrics, audit', () => {
  it('shows each caller only the agents, queues and calls within their scope', async () => {
    fx = await buildFixture();
    const at = '2025-01-01T09:00:00.000Z';
    const agent = (agentId: string, extension: string) => ({ agentId, name: null, state: 'ready' as const, reason: null, since: at, extension, queues: [], wrapupEndsAt: null, pauseAfterCall: null, callId: null });
    const queue = (name: string) => ({ queue: name, language: null, skill: null, waiting: 1, longestWaitSeconds: 4, ready: 1, onCall: 0, wrapup: 0, paused: 0, signedIn: 1, answeredToday: 3, abandonedToday: 0, serviceLevel: 100, serviceLevelSeconds: 20, serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90, avgWaitSeconds: 2, avgTalkSeconds: 60 });
    fx.state.current.agents = [agent('agent-1001', '1001'), agent('agent-1002', '1002')];
    fx.state.current.queues = [queue('lang-en'), queue('lang-fr')];
    fx.state.current.calls = [
      { callId: '1.1', direction: 'inbound', state: 'ringing', callerNumber: '+331', callerName: null, queue: 'lang-en', extension: '1002', agentId: 'agent-1002', startedAt: at, answeredAt: null },
    ];
    const view = async (headers: Record<string, string>) => (await fx.app.inject({ url: '/api/state', headers })).json();
    const alice = await view(bearer((await login(fx.app, 'alice')).accessToken));
    expect(alice.agents.map((a: { agentId: string }) => a.agentId)).toEqual(['agent-1001']);
    expect(alice.queues.map((q: { queue: string }) => q.queue)).toEqual(['lang-en']);
    expect(alice.calls).toEqual([]);
    const crm = await view({ 'x-api-key': INTEGRATION_KEY });
    expect(crm.calls.map((c: { callId: string }) => c.callId)).toEqual(['1.1']);
    const dave = await view(bearer((await login(fx.app, 'dave')).accessToken));
    expect(dave.agents).toHaveLength(2);
  });

  it('reports health and Prometheus metrics, including the AMI connection state', async () => {
    fx = await buildFixture();
    const health = await fx.app.inject({ url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', protocol: 1, pbx: [{ pbx: 'pbx1', state: 'ready' }] });
    fx.app.gateway.router.publish(pbxConnection('reconnecting'));
    const metrics = await fx.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('amiable_gateway_clients_connected 0');
    expect(metrics.body).toContain('amiable_gateway_events_in_total{type="pbx.connection"} 1');
    expect(metrics.body).toContain('amiable_ami_connection_state{pbx="pbx1",state="reconnecting"} 1');
    expect(metrics.body).toContain('amiable_gateway_client_queue_depth_bucket');
  });

  it('shows the audit trail to admins only', async () => {
    fx = await buildFixture();
    const alice = bearer((await login(fx.app, 'alice')).accessToken);
    const refused = await fx.app.inject({ url: '/api/audit', headers: alice });
    expect(refused.json().code).toBe('CTI_ERR_FORBIDDEN');
    const dave = bearer((await login(fx.app, 'dave')).accessToken);
    const trail = await fx.app.inject({ url: '/api/audit?action=auth.login&limit=10', headers: dave });
    expect(trail.statusCode).toBe(200);
    expect(trail.json().items.map((e: { username: string }) => e.username)).toEqual(['dave', 'alice']);
    const forbidden = await fx.app.inject({ url: '/api/audit?ok=false', headers: dave });
    expect(forbidden.json().items[0]).toMatchObject({ username: 'alice', action: 'GET /api/audit', code: 'CTI_ERR_FORBIDDEN', ip: '127.0.0.1' });
  });

  it('answers unknown routes with CTI_ERR_NOT_FOUND', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({ url: '/api/nothing-here' });
    expect([res.statusCode, res.json().code]).toEqual([404, 'CTI_ERR_NOT_FOUND']);
  });
});
