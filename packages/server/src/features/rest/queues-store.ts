/**
 * `/api/queues`: the settings the CTI server keeps per queue (screen-pop URL template,
 * service-level threshold and target, longest-wait alert, language label, display name, wrap-up). Asterisk owns the queues themselves, so
 * the list also shows queues the PBX reports and queues skills map to, with default settings, and
 * `PATCH /api/queues/:queue` works for any of them.
 */
import { DEFAULT_QUEUE_THRESHOLDS } from '@amiable/protocol';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import { definedOnly } from '../../persistence/repositories/common.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { QueueSettings } from '../../persistence/repositories/queue-settings.ts';
import type { WrapupPolicy } from '../../persistence/repositories/wrapup-policy.ts';
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
  const { queueSettings, skills, wrapupPolicy } = deps.repos;
  const wrapups = async () => new Map((await wrapupPolicy.list()).filter((r) => r.pbx === deps.pbx && r.queue !== '').map((r) => [r.queue, r]));
  const toDto = (queue: string, row: QueueSettings | undefined, wrapup: WrapupPolicy | undefined): QueueEntity => ({
    queue,
    language: row?.language ?? null,
    popupUrlTemplate: row?.popupUrlTemplate ?? null,
    serviceLevelSeconds: row?.serviceLevelSeconds ?? deps.defaultServiceLevelSeconds,
    displayName: row?.displayName ?? null,
    serviceLevelTargetPercent: row?.serviceLevelTargetPercent ?? DEFAULT_QUEUE_THRESHOLDS.serviceLevelTargetPercent,
    longestWaitAlertSeconds: row?.longestWaitAlertSeconds ?? DEFAULT_QUEUE_THRESHOLDS.longestWaitAlertSeconds,
    wrapupMode: wrapup?.mode ?? 'default',
    wrapupSeconds: wrapup?.mode === 'timeout' ? wrapup.seconds : null,
  });
  const dtoOf = async (queue: string, row: QueueSettings | undefined) => toDto(queue, row, (await wrapups()).get(queue));
  /** The queue's row of the wrap-up policy: written, or removed for `default`. */
  const writeWrapup = async (queue: string, input: QueueUpdateBody) => {
    if (input.wrapupMode === undefined && input.wrapupSeconds === undefined) return;
    const current = (await wrapups()).get(queue);
    const mode = input.wrapupMode ?? current?.mode ?? 'timeout';
    if (mode === 'default') {
      await wrapupPolicy.clear(deps.pbx, queue);
      return;
    }
    if (mode === 'manual') {
      await guarded(() => wrapupPolicy.set({ pbx: deps.pbx, queue, seconds: 0, mode }));
      return;
    }
    const seconds = input.wrapupSeconds ?? (current?.mode === 'timeout' ? current.seconds : null);
    if (seconds === null) throw invalid('/body/wrapupSeconds', 'A fixed wrap-up needs its number of seconds');
    await guarded(() => wrapupPolicy.set({ pbx: deps.pbx, queue, seconds, mode }));
  };
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
          serviceLevelTargetPercent: input.serviceLevelTargetPercent,
          longestWaitAlertSeconds: input.longestWaitAlertSeconds,
        }),
      ),
    );

  return {
    async list(query) {
      const stored = new Map((await queueSettings.list(deps.pbx)).map((s) => [s.queue, s]));
      const wrapup = await wrapups();
      const names = [...new Set([...stored.keys(), ...(await known())])].sort();
      return pageOf(
        names.map((name) => toDto(name, stored.get(name), wrapup.get(name))),
        query,
      );
    },
    async get(queue) {
      const row = await queueSettings.get(deps.pbx, queue);
      if (row || (await known()).has(queue)) return dtoOf(queue, row);
      return undefined;
    },
    async create(input) {
      if (await queueSettings.get(deps.pbx, input.queue)) throw conflict(`Queue ${input.queue} already has settings`);
      const { queue, ...fields } = input;
      const row = await write(queue, fields);
      await writeWrapup(queue, fields);
      return dtoOf(queue, row);
    },
    async update(queue, patch) {
      if (patch.queue !== undefined && patch.queue !== queue) throw invalid('/body/queue', 'A queue cannot be renamed here; Asterisk owns queue names');
      const row = await write(queue, patch);
      await writeWrapup(queue, patch);
      return dtoOf(queue, row);
    },
    remove: (queue) => queueSettings.remove(deps.pbx, queue),
  };
}
