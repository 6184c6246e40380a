import type { PresenceStore, SavedAgent } from '../features/agents/ports.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';

/**
 * The workflow's presence store: writes go through durable storage in the order they
 * were made (one ordered lane, spooled to disk while the database is away), reads come
 * from the repository. A failed write is logged.
 */
export function createPresenceStore(
  repos: Pick<Repositories, 'agentPresence'>,
  storage: Pick<DurableStorage, 'record'>,
  log: { error(o: object, m?: string): void },
): PresenceStore & { settled(): Promise<void> } {
  let last: Promise<void> = Promise.resolve();
  const track = (what: string, agentId: string, write: Promise<void>) => {
    last = write.catch((err) => log.error({ err: (err as Error).message, agentId }, `agent presence ${what} failed`));
  };
  return {
    save(agent: SavedAgent) {
      track('save', agent.agentId, storage.record({ t: 'presence-save', presence: agent }));
    },
    remove(agentId) {
      track('remove', agentId, storage.record({ t: 'presence-remove', agentId }));
    },
    load: async () => (await repos.agentPresence.list()).map((p) => ({ ...p, state: p.state as SavedAgent['state'] })),
    settled: () => last,
  };
}
