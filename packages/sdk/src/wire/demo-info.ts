import type { DemoInfo } from './extra-types.ts';

/**
 * `GET /api/demo` → `DemoInfo`. Accepts the accounts as `accounts`, `users` or
 * `credentials`, or a bare array; entries without a username and password are dropped.
 */
export function demoInfo(body: unknown): DemoInfo | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const list = Array.isArray(body) ? body : (b.accounts ?? b.users ?? b.credentials);
  if (!Array.isArray(list)) return undefined;
  const accounts = list.flatMap((entry) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    if (typeof e.username !== 'string' || typeof e.password !== 'string') return [];
    return [
      {
        username: e.username,
        password: e.password,
        role: typeof e.role === 'string' ? e.role : '',
        description: typeof e.description === 'string' ? e.description : typeof e.name === 'string' ? e.name : null,
      },
    ];
  });
  return { accounts, message: typeof b.message === 'string' ? b.message : null };
}
