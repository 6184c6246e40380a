/**
 * `/api/queues`: the settings the CTI server keeps per queue (screen-pop URL template,
 * service-level threshold, language label, display name). Asterisk owns the queues themselves, so
 * the list also shows queues the PBX reports and queues skills map to, with default settings, and
 * `PATCH /api/queues/:queue` works for any of them.
 */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import { definedOnly } from '../../persistence/repositories/common.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { QueueSettings } from '../../persistence/repositories/queue-settings.ts';
import type { QueueCreateBody, QueueEntity, QueueUpdateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { conflict, guarded, invalid } from './store-errors.ts';

export interface QueuesStoreDeps {
  repos: Repositories;
  pbx: string;
  defaultServiceLevelSeconds: number;
  /** Queue names the PBX currently reports. */
  liveQueues(): string[];
}

export function createQueuesStore(deps: QueuesStoreDeps): CrudStore<QueueEntity, QueueCreateBody, QueueUpdateBody> {
  const { queueSettings, skills } = deps.repos;
  const toDto = (queue: string, row: QueueSettings | undefined): QueueEntity => ({
    queue,
    language: row?.language ?? null,
    popupUrlTemplate: row?.popupUrlTemplate ?? null,
    serviceLevelSeconds: row?.serviceLevelSeconds ?? deps.defaultServiceLevelSeconds,
    displayName: row?.displayName ?? null,
  });
  const known = async (): Promise<Set<string>> => {
    const mapped = (await skills.skillQueues()).filter((r) => r.pbx === deps.pbx).map((r) => r.queue);
    return new Set([...deps.liveQueues(), ...mapped]);
  };
  const write = (queue: string, input: QueueUpdateBody) =>
    guarded(() =>
      queueSettings.upsert(
        deps.pbx,
        queue,
        definedOnly({
          language: input.language,
          popupUrlTemplate: input.popupUrlTemplate,
          serviceLevelSeconds: input.serviceLevelSeconds,
          displayName: input.displayName,
        }),
      ),
    );

  return {
    async list(query) {
      const stored = new Map((await queueSettings.list(deps.pbx)).map((s) => [s.queue, s]));
      const names = [...new Set([...stored.keys(), ...(await known())])].sort();
      return pageOf(
        names.map((name) => toDto(name, stored.get(name))),
        query,
      );
    },
    async get(queue) {
      const row = await queueSettings.get(deps.pbx, queue);
      if (row || (await known()).has(queue)) return toDto(queue, row);
      return undefined;
    },
    async create(input) {
      if (await queueSettings.get(deps.pbx, input.queue)) throw conflict(`Queue ${input.queue} already has settings`);
      const { queue, ...fields } = input;
      return toDto(queue, await write(queue, fields));
    },
    async update(queue, patch) {
      if (patch.queue !== undefined && patch.queue !== queue) throw invalid('/body/queue', 'A queue cannot be renamed here; Asterisk owns queue names');
      return toDto(queue, await write(queue, patch));
    },
    remove: (queue) => queueSettings.remove(deps.pbx, queue),
  };
}
