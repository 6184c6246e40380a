import type { Logger } from 'pino';
import type { PbxConfig } from '../config/index.ts';
import { type DemoPbx, startDemoPbx } from '../demo/demo-pbx.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/** The PBXs to connect to: the configured ones, or, when none is, a simulated Asterisk with demo data. */
export async function resolvePbxs(deps: {
  pbxs: readonly PbxConfig[];
  demoSeed: number;
  repos: Repositories;
  log: Logger;
  onStop: (stop: () => Promise<void> | void) => void;
}): Promise<{ pbxConfigs: PbxConfig[]; demo: DemoPbx | undefined }> {
  if (deps.pbxs.length > 0) return { pbxConfigs: [...deps.pbxs], demo: undefined };
  const demo = await startDemoPbx(deps.demoSeed);
  deps.onStop(() => demo.sim.close());
  const pbxConfigs: PbxConfig[] = [
    {
      id: 'main',
      host: '127.0.0.1',
      port: demo.sim.port,
      username: demo.username,
      secret: demo.secret,
      authType: 'md5',
      context: 'internal',
      deviceTech: 'PJSIP',
      outboundPrefix: '',
    },
  ];
  if (await seedDemo(deps.repos, 'main')) deps.log.info('demo data seeded');
  return { pbxConfigs, demo };
}
