import type { PresenceStore, SavedAgent } from '../features/agents/ports.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/**
 * The workflow's presence store over the repository. Writes leave in the order they
 * were made (one chain), so a late save can never overwrite a newer one; a failed
 * write is logged.
 */
export function createPresenceStore(
  repos: Pick<Repositories, 'agentPresence'>,
  log: { error(o: object, m?: string): void },
): PresenceStore & { settled(): Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (what: string, agentId: string, write: () => Promise<void>) => {
    chain = chain.then(write).catch((err) => log.error({ err: (err as Error).message, agentId }, `agent presence ${what} failed`));
  };
  return {
    save(agent: SavedAgent) {
      enqueue('save', agent.agentId, () => repos.agentPresence.save(agent));
    },
    remove(agentId) {
      enqueue('remove', agentId, () => repos.agentPresence.remove(agentId));
    },
    load: async () =>
      (await repos.agentPresence.list()).map((p) => ({ ...p, state: p.state as SavedAgent['state'] })),
    settled: () => chain,
  };
}
