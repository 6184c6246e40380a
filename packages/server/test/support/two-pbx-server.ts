import { startSimulatedPbx, type SimulatedPbx } from '@amiable/pbx-sim';
import { startTestServer, type TestServer } from './test-server.ts';

export interface TwoPbxCentre {
  server: TestServer;
  /** Simulated Asterisks by PBX id: `main` and `branch`, both with phones 1001..1010 and the queues `sales` and `support`. */
  sims: Record<'main' | 'branch', SimulatedPbx>;
  close(): Promise<void>;
}

/**
 * A CTI server connected to two simulated Asterisks that number their phones the same way, so
 * extension 1001 exists on both. Phones answer after a short ring and calls end quickly.
 */
export async function startTwoPbxCentre(overrides: Record<string, unknown> = {}): Promise<TwoPbxCentre> {
  const start = () =>
    startSimulatedPbx({
      port: 0,
      host: '127.0.0.1',
      users: [{ username: 'cti', secret: 'sim-secret' }],
      endpoints: Array.from({ length: 10 }, (_, i) => String(1001 + i)),
      queues: [
        { name: 'sales', strategy: 'ringall', timeout: 5, retry: 1 },
        { name: 'support', strategy: 'ringall', timeout: 5, retry: 1 },
      ],
      phones: { default: { mode: 'answer', answerAfterMs: 300 } },
    });
  const sims = { main: await start(), branch: await start() };
  const pbx = (id: string, sim: SimulatedPbx) => ({ id, host: '127.0.0.1', port: sim.port, username: 'cti', secret: 'sim-secret' });
  const server = await startTestServer({ pbxs: [pbx('main', sims.main), pbx('branch', sims.branch)], ...overrides });
  return {
    server,
    sims,
    async close() {
      await server.close();
      await Promise.all([sims.main.close(), sims.branch.close()]);
    },
  };
}
