/**
 * The CTI server in a process of its own, so the fault suite can `kill -9` it. Started
 * with a JSON config as its only argument; answers commands from its parent over IPC.
 */
import pino from 'pino';
import { createServer } from '../../packages/server/src/app/create-server.ts';
import { loadConfig } from '../../packages/server/src/config/index.ts';
import { seedDemo } from '../../packages/server/src/demo/seed-demo.ts';

export type ChildCommand =
  | { id: number; cmd: 'signIn'; agentId: string }
  | { id: number; cmd: 'pause'; agentId: string; reason: string }
  | { id: number; cmd: 'ready'; agentId: string }
  | { id: number; cmd: 'leave'; agentId: string; queue: string }
  | { id: number; cmd: 'agents' }
  | { id: number; cmd: 'userIds' }
  | { id: number; cmd: 'storage' };

async function main(): Promise<void> {
  const { seed, ...overrides } = JSON.parse(process.argv[2]!) as Record<string, unknown> & { seed?: boolean };
  const config = loadConfig({ env: {}, overrides: { http: { host: '127.0.0.1', port: 0 }, log: { level: 'silent' }, ...overrides } });
  const server = await createServer(config, { logger: pino({ level: process.env.CHAOS_LOG ?? 'silent' }) });
  if (seed) await seedDemo(server.repos, 'main');
  const answer = async (m: ChildCommand): Promise<unknown> => {
    switch (m.cmd) {
      case 'signIn':
        return server.agents.signIn(m.agentId, {});
      case 'pause':
        return server.agents.pause(m.agentId, m.reason);
      case 'ready':
        return server.agents.ready(m.agentId);
      case 'leave':
        return server.agents.leaveQueue(m.agentId, m.queue);
      case 'agents':
        return server.agents.list();
      case 'userIds':
        return Object.fromEntries((await server.repos.users.list()).map((u) => [u.username, u.id]));
      case 'storage':
        return { health: server.storage.health(), stats: server.storage.stats() };
    }
  };
  process.on('message', (m: ChildCommand) => {
    answer(m).then(
      (result) => process.send?.({ id: m.id, ok: true, result }),
      (err: Error) => process.send?.({ id: m.id, ok: false, error: err.message }),
    );
  });
  process.send?.({ ready: true, url: server.url });
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
