import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoCredentials } from '../demo/seed-demo.ts';
import type { TransferTarget } from '../features/calls/transfer-targets.ts';
import { featureRoutes } from '../features/rest/index.ts';
import { transferTargetRoutes } from '../features/rest/transfer-targets-routes.ts';
import type { ArchiveWriter } from '../persistence/archive/archive-writer.ts';
import type { DatabaseHandle } from '../persistence/database.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';

const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Routes of the server itself: feature REST routes, status, demo accounts, sign-in context and the web app. */
export function serverRoutes(deps: {
  repos: Repositories;
  handle: DatabaseHandle;
  demo: DemoCredentials[] | undefined;
  webRoot: string | undefined;
  pbxs: ReadonlyMap<string, PbxConnection>;
  archive: ArchiveWriter;
  onQueueSettingsChanged: () => Promise<void>;
  /** A call got a disposition: tell the agent workflow (single node; in cluster mode Ready re-reads the record). */
  onDispositionSet?: (pbx: string, callId: string) => Promise<void>;
  allowManualExtension?: boolean;
  /** `recording.agentControl`: agents may start, pause, resume and stop the recording of their own calls. */
  recordingAgentControl?: boolean;
  defaultCountry?: string;
  defaultWrapup?: { seconds: number; mode: 'timeout' | 'manual' };
  transferTargets?: readonly TransferTarget[];
}): (app: FastifyInstance) => Promise<void> {
  const started = Date.now();
  let lastCount = 0;
  let lastAt = Date.now();
  let rate: number | null = null;
  const sampler = setInterval(() => {
    const total = deps.archive.stats().accepted;
    const t = Date.now();
    rate = Math.round(((total - lastCount) * 1000) / Math.max(1, t - lastAt));
    lastCount = total;
    lastAt = t;
  }, 5000);
  sampler.unref();

  return async (app) => {
    app.addHook('onClose', async () => clearInterval(sampler));
    await featureRoutes({
      repos: deps.repos,
      db: { db: deps.handle.db, dialect: deps.handle.dialect },
      hooks: {
        onChange: async (resource) => {
          if (resource === 'queue' || resource === 'skill' || resource === 'skill-queue') await deps.onQueueSettingsChanged();
        },
        ...(deps.onDispositionSet ? { onDispositionSet: deps.onDispositionSet } : {}),
      },
      pbx: [...deps.pbxs.keys()][0] ?? 'main',
      ...(deps.defaultCountry ? { defaultCountry: deps.defaultCountry as never } : {}),
      ...(deps.defaultWrapup ? { defaultWrapup: deps.defaultWrapup } : {}),
      ...(deps.allowManualExtension === undefined ? {} : { allowManualExtension: deps.allowManualExtension }),
    })(app);

    await transferTargetRoutes(app, {
      targets: deps.transferTargets ?? [],
      queues: () => new Set([...deps.pbxs.values()].flatMap((c) => [...c.model.queues.keys()])),
    });

    const gw = app.gateway;
    app.get('/api/demo', { schema: { hide: true } }, async (_req, reply) => {
      if (!deps.demo) return reply.code(404).send({ code: 'CTI_ERR_NOT_FOUND', message: 'Not in demo mode' });
      return {
        message: 'Demo mode: a simulated Asterisk with a small call centre. These passwords are public.',
        accounts: deps.demo.map((a) => ({ username: a.username, password: a.password, role: a.role, description: a.note })),
      };
    });

    app.get('/api/status', { preHandler: gw.authorize('pbx.read'), schema: { hide: true } }, async () => {
      const stats = gw.router.stats();
      return {
        version: '0.1.0',
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        pbx: [...deps.pbxs.values()].map((c) => ({ pbx: c.id, state: c.state, host: `${c.client.banner ?? ''}`.trim() || null, error: null })),
        eventsPerSecond: rate,
        clients: { websocket: stats.connected },
        node: process.version,
      };
    });

    app.get('/api/agents/me/sign-in-context', { preHandler: gw.authorize(), schema: { hide: true } }, async (req) => {
      const p = req.principal!;
      const agentId = p.agentId;
      const ws = await deps.repos.workstations.matchWorkstation({ ip: req.ip });
      const profile = agentId ? await deps.repos.agents.get(agentId) : undefined;
      const queues = agentId ? await deps.repos.skills.queuesForAgent(agentId) : [];
      const skills = await deps.repos.skills.list();
      const settings = await deps.repos.queueSettings.list();
      return {
        workstation: ws ? { id: ws.id, name: ws.name, extension: ws.extension } : null,
        defaultExtension: profile?.defaultExtension ?? null,
        allowExtensionChoice: deps.allowManualExtension ?? true,
        recordingControl: p.role !== 'agent' || (deps.recordingAgentControl ?? false),
        queues: queues.map((q) => ({
          queue: q.queue,
          language: settings.find((s) => s.queue === q.queue)?.language ?? null,
          skill: skills.find((s) => s.id === q.skillId)?.label ?? null,
        })),
      };
    });

    const root = resolve(process.env.AMIABLE_WEB_ROOT ?? DEFAULT_WEB_ROOT);
    if (existsSync(join(root, 'index.html'))) {
      await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
    } else {
      app.get('/', async (_req, reply) =>
        reply.type('text/html').send('<h1>Amiable CTI server</h1><p>The web app is not built. Run <code>npm run build</code>.</p>'),
      );
    }
  };
}
