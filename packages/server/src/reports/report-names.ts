/** People's names for the ids reports group by: agents (display name, else username) and queues (display name, else the queue). */
import type { Kysely } from 'kysely';
import type { Database } from '../persistence/schema.ts';

export async function agentNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(users.map((u) => [u.id, u.display_name || u.username]));
}

/** Display names of queues that have one, keyed `pbx queue` (see queueKey). */
export async function queueNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('queue_settings').select(['pbx', 'queue', 'display_name']).where('display_name', 'is not', null).execute();
  return new Map(rows.filter((r) => r.display_name).map((r) => [queueKey(r.pbx, r.queue), r.display_name!]));
}

export function queueKey(pbx: string, queue: string): string {
  return `${pbx}\u0000${queue}`;
}
