import { hashPassword } from '../identity/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/**
 * On first start, create the first admin from AMIABLE_ADMIN_PASSWORD (username
 * AMIABLE_ADMIN_USER, default `admin`). Nothing happens when an admin exists.
 * There is no default password: without the variable, use `cti create-admin`.
 */
export async function ensureFirstAdmin(
  repos: Repositories,
  password: string | undefined,
  log: { info(m: string): void; warn(m: string): void },
  username = process.env.AMIABLE_ADMIN_USER ?? 'admin',
): Promise<'created' | 'exists' | 'missing'> {
  const admins = (await repos.users.list()).filter((u) => u.role === 'admin');
  if (admins.length > 0) return 'exists';
  if (!password) {
    log.warn('No admin account exists. Create one with `npm run cti -- create-admin <username>` or set AMIABLE_ADMIN_PASSWORD.');
    return 'missing';
  }
  if (password.length < 10) throw new Error('AMIABLE_ADMIN_PASSWORD must be at least 10 characters');
  await repos.users.create({ username, displayName: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
  log.info(`created the first admin account ${username}`);
  return 'created';
}
