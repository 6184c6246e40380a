/** `/api/workstations`: desks, found by the desktop's MAC address or IP (a plain address or a CIDR block). */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Workstation } from '../../persistence/repositories/workstations.ts';
import type { WorkstationCreateBody, WorkstationEntity, WorkstationUpdateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { guarded } from './store-errors.ts';

function toDto(w: Workstation): WorkstationEntity {
  return { id: w.id, name: w.name, extension: w.extension, mac: w.mac, ip: w.ip };
}

/** New workstations belong to the default Asterisk; the server picks their ids. */
export function createWorkstationsStore(deps: { repos: Repositories; pbx: string }): CrudStore<
  WorkstationEntity,
  WorkstationCreateBody,
  WorkstationUpdateBody
> {
  const { workstations } = deps.repos;
  return {
    list: async (query) => pageOf((await workstations.list()).map(toDto), query),
    get: async (id) => {
      const w = await workstations.get(id);
      return w && toDto(w);
    },
    create: async (input) =>
      toDto(
        await guarded(() =>
          workstations.create({ name: input.name, extension: input.extension, mac: input.mac ?? null, ip: input.ip ?? null, pbx: deps.pbx }),
        ),
      ),
    async update(id, patch) {
      if (!(await workstations.get(id))) return undefined;
      return toDto(await guarded(() => workstations.update(id, patch)));
    },
    remove: (id) => workstations.remove(id),
  };
}
