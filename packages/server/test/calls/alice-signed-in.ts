// The demo call centre with alice signed in at her desk, and every published event recorded:
// the starting point of the call-control scenarios.
import { afterAll, beforeAll } from 'vitest';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId } from '../workflow/helpers.ts';

export interface AliceSignedIn {
  server: TestServer;
  log: ReturnType<typeof recordEvents>;
  alice: string;
}

/** Starts the server before the suite's tests and stops it after them; the fields are set once `beforeAll` ran. */
export function aliceSignedIn(overrides: Record<string, unknown> = {}): AliceSignedIn {
  const ctx = {} as AliceSignedIn;
  beforeAll(async () => {
    ctx.server = await startTestServer(overrides);
    ctx.alice = await userId(ctx.server, 'alice');
    await ctx.server.agents.signIn(ctx.alice, {});
    ctx.log = recordEvents(ctx.server);
  });
  afterAll(async () => {
    ctx.log?.stop();
    await ctx.server?.close();
  });
  return ctx;
}
