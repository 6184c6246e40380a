/**
 * `/api/pause-reasons`. Whether a reason is offered to agents (`active`) is kept in the settings
 * store (`pauseReasons.inactive`, the ids of retired reasons), so a retired reason keeps its
 * history in timesheets.
 */
import type { PauseReason as PauseReasonDto } from '@amiable/protocol';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { PauseReason } from '../../persistence/repositories/pause-reasons.ts';
import type { PauseReasonCreateBody, PauseReasonUpdateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { guarded } from './store-errors.ts';

export const INACTIVE_PAUSE_REASONS_KEY = 'pauseReasons.inactive';

/** Ids of the pause reasons agents may no longer pick. */
export async function inactivePauseReasons(repos: Repositories): Promise<Set<string>> {
  return new Set((await repos.settings.get<string[]>(INACTIVE_PAUSE_REASONS_KEY)) ?? []);
}

export function createPauseReasonsStore(deps: { repos: Repositories }): CrudStore<PauseReasonDto, PauseReasonCreateBody, PauseReasonUpdateBody> {
  const { repos } = deps;
  const { pauseReasons } = repos;
  const toDto = (r: PauseReason, inactive: Set<string>): PauseReasonDto => ({
    id: r.id,
    code: r.code,
    label: r.label,
    paid: r.paid,
    maxSeconds: r.maxSeconds,
    active: !inactive.has(r.id),
  });
  const setActive = async (id: string, active: boolean | undefined) => {
    if (active === undefined) return;
    const inactive = await inactivePauseReasons(repos);
    if (active === !inactive.has(id)) return;
    if (active) inactive.delete(id);
    else inactive.add(id);
    await repos.settings.set(INACTIVE_PAUSE_REASONS_KEY, [...inactive].sort());
  };

  return {
    async list(query) {
      const inactive = await inactivePauseReasons(repos);
      return pageOf((await pauseReasons.list()).map((r) => toDto(r, inactive)), query);
    },
    async get(id) {
      const reason = await pauseReasons.get(id);
      return reason && toDto(reason, await inactivePauseReasons(repos));
    },
    async create(input) {
      const created = await guarded(() =>
        pauseReasons.create({ code: input.code, label: input.label, paid: input.paid ?? false, maxSeconds: input.maxSeconds ?? null }),
      );
      await setActive(created.id, input.active ?? true);
      return toDto(created, await inactivePauseReasons(repos));
    },
    async update(id, patch) {
      if (!(await pauseReasons.get(id))) return undefined;
      const { active, ...fields } = patch;
      const updated = await guarded(() => pauseReasons.update(id, fields));
      await setActive(id, active);
      return toDto(updated, await inactivePauseReasons(repos));
    },
    async remove(id) {
      const removed = await pauseReasons.remove(id);
      if (removed) await setActive(id, true);
      return removed;
    },
  };
}
