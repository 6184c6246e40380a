/**
 * `/api/skill-queues`: which queue stands for which skill, with the penalty members join with.
 * A mapping is identified by `<skillId>:<queue>` (queue names hold no `:`), plus `@<pbx>` for
 * mappings of another Asterisk than the default one. The screen-pop URL template is the queue's
 * (the same value `/api/queues` shows), since a call pops by the queue it came from.
 */
import type { SkillQueue, SkillQueueUpdateSchema } from '@amiable/protocol';
import type { Static } from '@sinclair/typebox';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { SkillQueue as SkillQueueRow } from '../../persistence/repositories/skills.ts';
import type { SkillQueueCreateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { conflict, guarded, invalid } from './store-errors.ts';

type SkillQueueUpdate = Static<typeof SkillQueueUpdateSchema>;
interface Key {
  skillId: string;
  pbx: string;
  queue: string;
}

export function encodeSkillQueueId(key: Key, defaultPbx: string): string {
  return `${key.skillId}:${key.queue}${key.pbx === defaultPbx ? '' : `@${key.pbx}`}`;
}

export function decodeSkillQueueId(id: string, defaultPbx: string): Key | undefined {
  const colon = id.lastIndexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  const [queue = '', pbx = defaultPbx] = id.slice(colon + 1).split('@');
  return { skillId: id.slice(0, colon), queue, pbx };
}

export function createSkillQueuesStore(deps: { repos: Repositories; pbx: string }): CrudStore<
  SkillQueue,
  SkillQueueCreateBody,
  SkillQueueUpdate
> {
  const { skills, queueSettings } = deps.repos;
  const same = (a: Key, b: Key) => a.skillId === b.skillId && a.pbx === b.pbx && a.queue === b.queue;
  const strip = ({ skillId: _s, ...row }: SkillQueueRow) => row;

  const toDto = async (row: SkillQueueRow, popup?: string | null): Promise<SkillQueue> => ({
    id: encodeSkillQueueId(row, deps.pbx),
    skillId: row.skillId,
    queue: row.queue,
    penalty: row.basePenalty,
    popupUrlTemplate: popup !== undefined ? popup : ((await queueSettings.get(row.pbx, row.queue))?.popupUrlTemplate ?? null),
  });
  const find = async (key: Key) => (await skills.skillQueues(key.skillId)).find((r) => same(r, key));
  const checkSkill = async (skillId: string) => {
    if (!(await skills.get(skillId))) throw invalid('/body/skillId', `There is no skill ${skillId}`);
  };
  const setPopup = async (key: Key, template: string | null | undefined) => {
    if (template !== undefined) await guarded(() => queueSettings.upsert(key.pbx, key.queue, { popupUrlTemplate: template }));
  };
  const put = async (row: SkillQueueRow) => {
    const rows = (await skills.skillQueues(row.skillId)).filter((r) => !same(r, row));
    await guarded(() => skills.setSkillQueues(row.skillId, [...rows.map(strip), strip(row)]));
  };
  const drop = async (key: Key): Promise<boolean> => {
    const rows = await skills.skillQueues(key.skillId);
    const kept = rows.filter((r) => !same(r, key));
    if (kept.length === rows.length) return false;
    await skills.setSkillQueues(key.skillId, kept.map(strip));
    return true;
  };

  return {
    async list(query) {
      const popups = new Map((await queueSettings.list()).map((s) => [`${s.pbx}\u0000${s.queue}`, s.popupUrlTemplate]));
      const rows = await skills.skillQueues();
      const all = await Promise.all(rows.map((r) => toDto(r, popups.get(`${r.pbx}\u0000${r.queue}`) ?? null)));
      return pageOf(all, query);
    },
    async get(id) {
      const key = decodeSkillQueueId(id, deps.pbx);
      const row = key && (await find(key));
      return row && toDto(row);
    },
    async create(input) {
      await checkSkill(input.skillId);
      const row = { skillId: input.skillId, pbx: deps.pbx, queue: input.queue, basePenalty: input.penalty ?? 0, penaltyStep: 0 };
      if (await find(row)) throw conflict(`Skill ${row.skillId} already maps to queue ${row.queue}`);
      await put(row);
      await setPopup(row, input.popupUrlTemplate);
      return toDto(row);
    },
    async update(id, patch) {
      const key = decodeSkillQueueId(id, deps.pbx);
      const row = key && (await find(key));
      if (!row) return undefined;
      const next = {
        ...row,
        skillId: patch.skillId ?? row.skillId,
        queue: patch.queue ?? row.queue,
        basePenalty: patch.penalty ?? row.basePenalty,
      };
      if (!same(next, row)) {
        await checkSkill(next.skillId);
        if (await find(next)) throw conflict(`Skill ${next.skillId} already maps to queue ${next.queue}`);
        await drop(row);
      }
      await put(next);
      await setPopup(next, patch.popupUrlTemplate);
      return toDto(next);
    },
    async remove(id) {
      const key = decodeSkillQueueId(id, deps.pbx);
      return key ? drop(key) : false;
    },
  };
}
