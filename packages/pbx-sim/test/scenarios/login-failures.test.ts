import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScenarioRun, runScenario } from '../support/scenario-driver.ts';
import { TRACES } from '../support/trace.ts';

const maskTimestamps = (text: string) => text.replace(/Timestamp: \d+\.\d+/g, 'Timestamp: <t>');
const recorded = (file: string) => maskTimestamps(readFileSync(join(TRACES, 'login-failures', file), 'utf8'));
const got = (run: ScenarioRun, conn: string) => maskTimestamps(Buffer.concat(run.clients.get(conn)!.raw).toString('utf8'));

describe('login failures (login-failures)', () => {
  let run: ScenarioRun | undefined;
  afterEach(async () => {
    await run?.close();
    run = undefined;
  });

  it('answers an action before login with Permission denied, a wrong secret with Authentication failed, then closes', async () => {
    run = await runScenario('login-failures');
    expect(got(run, 'main')).toBe(recorded('received.ami'));
    expect(run.clients.get('main')!.closed).toBe(true);
  });

  it('closes the connection of an unknown user after Authentication failed', async () => {
    run = await runScenario('login-failures');
    expect(got(run, 'second')).toBe(recorded('second-received.ami'));
    expect(run.clients.get('second')!.closed).toBe(true);
  });

  it('sends no event to a session logged in with Events: off and switches with the Events action', async () => {
    run = await runScenario('login-failures');
    expect(got(run, 'third')).toBe(recorded('third-received.ami'));
  });

  it('records exactly the bytes each client sent', async () => {
    run = await runScenario('login-failures');
    const sessions = run.pbx.sessions();
    const sentMain = Buffer.concat(run.sent.get('main')!);
    const mainSession = sessions.find((s) => s.receivedBytes().equals(sentMain));
    expect(mainSession).toBeDefined();
    expect(sentMain.toString()).toContain('Secret: wrong');
  });
});
