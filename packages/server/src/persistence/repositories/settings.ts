/** Small key/value store for server-wide settings (JSON values). */
import { type RepositoryDeps, clockOf, parseJson } from './common.ts';

export interface SettingsRepository {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<boolean>;
  all(): Promise<Record<string, unknown>>;
}

export function createSettingsRepository(deps: RepositoryDeps): SettingsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async get<T>(key: string) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : parseJson<T | undefined>(row.value, undefined);
    },
    async set(key, value) {
      const row = { key, value: JSON.stringify(value ?? null), updated_at: now() };
      await db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    },
    async remove(key) {
      const result = await db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async all() {
      const rows = await db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
      return Object.fromEntries(rows.map((r) => [r.key, parseJson<unknown>(r.value, null)]));
    },
  };
}
