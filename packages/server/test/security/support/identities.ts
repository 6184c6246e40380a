import { hashPassword } from '../../../src/identity/index.ts';
import type { TestServer } from '../../support/test-server.ts';

/** The password of every account these tests create. */
export const TEST_PASSWORD = 'scope-test-password';

let cheapHash: Promise<string> | undefined;

/**
 * One argon2id hash with minimal cost, shared by every test account: logging in stays
 * a real password check while creating hundreds of accounts stays fast.
 */
export function testPasswordHash(): Promise<string> {
  cheapHash ??= hashPassword(TEST_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return cheapHash;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function login(base: string, username: string, password = TEST_PASSWORD): Promise<Tokens> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed with ${res.status}: ${await res.text()}`);
  return (await res.json()) as Tokens;
}

export interface HttpReply {
  status: number;
  body: Record<string, unknown>;
}

export async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<HttpReply> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function command(base: string, token: string, name: string, args: unknown): Promise<HttpReply> {
  return call(base, 'POST', `/api/commands/${name}`, token, args);
}

/** Creates a supervisor or integration account with the given scopes. */
export async function createScopedUser(
  server: TestServer,
  input: { username: string; role: 'supervisor' | 'integration' | 'agent' | 'admin'; scopes: Array<{ kind: 'team' | 'queue' | 'agent' | 'extension'; value: string }> },
): Promise<string> {
  const user = await server.repos.users.create({
    username: input.username,
    displayName: input.username,
    role: input.role,
    passwordHash: await testPasswordHash(),
  });
  const pbx = 'main';
  await server.repos.userScopes.replace(
    user.id,
    input.scopes.map((s) => ({ kind: s.kind, value: s.value, pbx: s.kind === 'queue' || s.kind === 'extension' ? pbx : '' })),
  );
  return user.id;
}

/** Creates an agent account with a default extension on the demo PBX. */
export async function createAgent(server: TestServer, username: string, extension: string): Promise<string> {
  const user = await server.repos.users.create({ username, displayName: username, role: 'agent', passwordHash: await testPasswordHash() });
  await server.repos.agents.upsert(user.id, { pbx: 'main', defaultExtension: extension });
  return user.id;
}

/** The user id of a seeded demo account. */
export async function userIdOf(server: TestServer, username: string): Promise<string> {
  const user = await server.repos.users.getByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `probe` returns a value (or throws after `timeoutMs`). */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
