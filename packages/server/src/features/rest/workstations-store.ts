/**
 * `/api/workstations`: desks, found by the desktop's MAC address or IP (a plain address or a CIDR
 * block). Every answer carries `warnings` about desks sharing an IP or with overlapping blocks.
 */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Workstation } from '../../persistence/repositories/workstations.ts';
import type { WorkstationCreateBody, WorkstationEntity, WorkstationUpdateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { guarded } from './store-errors.ts';
import { type WorkstationWarning, workstationWarnings } from './workstation-warnings.ts';

function toDto(w: Workstation, warnings: ReadonlyMap<string, WorkstationWarning[]>): WorkstationEntity {
  return { id: w.id, name: w.name, extension: w.extension, mac: w.mac, ip: w.ip, warnings: warnings.get(w.id) ?? [] };
}

/** New workstations belong to the default Asterisk; the server picks their ids. */
export function createWorkstationsStore(deps: { repos: Repositories; pbx: string }): CrudStore<
  WorkstationEntity,
  WorkstationCreateBody,
  WorkstationUpdateBody
> {
  const { workstations } = deps.repos;
  // Desks are a small table (one row each): the warnings are computed over all of them.
  const warnings = async () => workstationWarnings(await workstations.list());
  const withWarnings = async (w: Workstation) => toDto(w, await warnings());
  return {
    async list(query) {
      const all = await workstations.list();
      const found = workstationWarnings(all);
      return pageOf(
        all.map((w) => toDto(w, found)),
        query,
      );
    },
    get: async (id) => {
      const w = await workstations.get(id);
      return w && withWarnings(w);
    },
    create: async (input) =>
      withWarnings(
        await guarded(() =>
          workstations.create({ name: input.name, extension: input.extension, mac: input.mac ?? null, ip: input.ip ?? null, pbx: deps.pbx }),
        ),
      ),
    async update(id, patch) {
      if (!(await workstations.get(id))) return undefined;
      return withWarnings(await guarded(() => workstations.update(id, patch)));
    },
    remove: (id) => workstations.remove(id),
  };
}
