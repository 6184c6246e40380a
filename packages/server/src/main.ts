/**
 * `npm start`: load the config (file, environment), build the server, print where
 * it listens, and stop cleanly on SIGINT/SIGTERM.
 */
import { createServer } from './app/create-server.ts';
import { ConfigError, loadConfig } from './config/index.ts';
import { ensureFirstAdmin } from './app/first-admin.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.code}: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const server = await createServer(config);
  await ensureFirstAdmin(server.repos, process.env.AMIABLE_ADMIN_PASSWORD, server.log);
  const line = '='.repeat(72);
  console.log(`\n${line}\n  Amiable CTI server listening on ${server.url}`);
  console.log(`  API docs: ${server.url}/api/docs   Metrics: ${server.url}/metrics`);
  if (server.amiPort) console.log(`  AMI-compatible port: ${config.amiPort.host}:${server.amiPort.port}`);
  if (server.demo) {
    console.log('\n  DEMO MODE: no Asterisk is configured, so a simulated PBX is running.');
    console.log('  These demo accounts have PUBLIC passwords. Never use demo mode in production.');
    for (const a of (await import('./demo/seed-demo.ts')).DEMO_ACCOUNTS) {
      console.log(`    ${a.role.padEnd(11)} ${a.username.padEnd(8)} password: ${a.password.padEnd(12)} ${a.note}`);
    }
  }
  console.log(`${line}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info({ signal }, 'stopping');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
