/**
 * Skills (languages and other skills), agents' proficiencies, and the mapping
 * of a skill onto Asterisk queues.
 *
 * Penalty rule: a skill→queue row holds `basePenalty` and `penaltyStep`; an agent
 * with proficiency p (1..5, 5 = best) joins the queue with
 *   penalty = basePenalty + (5 - p) * penaltyStep
 * so the best agents get the lowest penalty (Asterisk offers calls to lower
 * penalties first). When several of an agent's skills map to the same queue,
 * the lowest penalty wins.
 */
import type { Selectable } from 'kysely';
import { InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { SkillsTable } from '../schema.ts';
import { type RepositoryDeps, atomically, definedOnly, guardUnique, newId } from './common.ts';

export const SKILL_KINDS = ['language', 'skill'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export interface Skill {
  id: string;
  /** Short stable name, e.g. 'en'. */
  name: string;
  /** Human label, e.g. 'English'. */
  label: string;
  kind: SkillKind;
}

export interface AgentSkill {
  skill: Skill;
  proficiency: number;
}

export interface SkillQueue {
  skillId: string;
  pbx: string;
  queue: string;
  basePenalty: number;
  penaltyStep: number;
}

export interface AgentQueue {
  pbx: string;
  queue: string;
  penalty: number;
  /** Skill that produced the lowest penalty. */
  skillId: string;
}

export interface SkillsRepository {
  create(input: { name: string; label: string; kind: SkillKind; id?: string }): Promise<Skill>;
  get(id: string): Promise<Skill | undefined>;
  getByName(name: string): Promise<Skill | undefined>;
  list(): Promise<Skill[]>;
  update(id: string, patch: { name?: string; label?: string; kind?: SkillKind }): Promise<Skill>;
  remove(id: string): Promise<boolean>;
  setAgentSkills(agentId: string, skills: ReadonlyArray<{ skillId: string; proficiency: number }>): Promise<void>;
  agentSkills(agentId: string): Promise<AgentSkill[]>;
  setSkillQueues(skillId: string, queues: ReadonlyArray<Omit<SkillQueue, 'skillId'>>): Promise<void>;
  skillQueues(skillId?: string): Promise<SkillQueue[]>;
  /** Queues an agent should join, with penalties, from its skills. */
  queuesForAgent(agentId: string): Promise<AgentQueue[]>;
}

export function penaltyFor(mapping: Pick<SkillQueue, 'basePenalty' | 'penaltyStep'>, proficiency: number): number {
  return mapping.basePenalty + (5 - proficiency) * mapping.penaltyStep;
}

function checkKind(kind: string): SkillKind {
  if (!(SKILL_KINDS as readonly string[]).includes(kind)) throw new InvalidRecordError(`unknown skill kind ${kind}`, { kind });
  return kind as SkillKind;
}

function checkProficiency(p: number): number {
  if (!Number.isInteger(p) || p < 1 || p > 5) throw new InvalidRecordError('proficiency must be an integer 1-5', { proficiency: p });
  return p;
}

function toSkill(row: Selectable<SkillsTable>): Skill {
  return { id: row.id, name: row.name, label: row.label, kind: row.kind as SkillKind };
}

export function createSkillsRepository(deps: RepositoryDeps): SkillsRepository {
  const { db } = deps;
  const repo: SkillsRepository = {
    async create(input) {
      const row = { id: input.id ?? newId(), name: input.name.trim(), label: input.label, kind: checkKind(input.kind) };
      await guardUnique('skill', 'name', row.name, () => db.insertInto('skills').values(row).execute());
      return toSkill(row);
    },
    async get(id) {
      const row = await db.selectFrom('skills').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSkill(row);
    },
    async getByName(name) {
      const row = await db.selectFrom('skills').selectAll().where('name', '=', name).executeTakeFirst();
      return row && toSkill(row);
    },
    async list() {
      return (await db.selectFrom('skills').selectAll().orderBy('name').execute()).map(toSkill);
    },
    async update(id, patch) {
      const set = definedOnly({ name: patch.name?.trim(), label: patch.label, kind: patch.kind && checkKind(patch.kind) });
      if (Object.keys(set).length > 0) {
        const result = await guardUnique('skill', 'name', set.name ?? '', () =>
          db.updateTable('skills').set(set).where('id', '=', id).executeTakeFirst(),
        );
        if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('skill', id);
      }
      const skill = await repo.get(id);
      if (skill === undefined) throw new RecordNotFoundError('skill', id);
      return skill;
    },
    async remove(id) {
      const result = await db.deleteFrom('skills').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async setAgentSkills(agentId, skills) {
      const rows = skills.map((s) => ({ agent_id: agentId, skill_id: s.skillId, proficiency: checkProficiency(s.proficiency) }));
      await atomically(db, async (trx) => {
        await trx.deleteFrom('agent_skills').where('agent_id', '=', agentId).execute();
        if (rows.length > 0) await trx.insertInto('agent_skills').values(rows).execute();
      });
    },
    async agentSkills(agentId) {
      const rows = await db
        .selectFrom('agent_skills')
        .innerJoin('skills', 'skills.id', 'agent_skills.skill_id')
        .selectAll('skills')
        .select('agent_skills.proficiency')
        .where('agent_skills.agent_id', '=', agentId)
        .orderBy('skills.name')
        .execute();
      return rows.map((row) => ({ skill: toSkill(row), proficiency: row.proficiency }));
    },
    async setSkillQueues(skillId, queues) {
      const rows = queues.map((q) => {
        if (!Number.isInteger(q.basePenalty) || !Number.isInteger(q.penaltyStep) || q.basePenalty < 0 || q.penaltyStep < 0) {
          throw new InvalidRecordError('penalties must be non-negative integers', { queue: q.queue });
        }
        return { skill_id: skillId, pbx: q.pbx, queue: q.queue, base_penalty: q.basePenalty, penalty_step: q.penaltyStep };
      });
      await atomically(db, async (trx) => {
        await trx.deleteFrom('skill_queues').where('skill_id', '=', skillId).execute();
        if (rows.length > 0) await trx.insertInto('skill_queues').values(rows).execute();
      });
    },
    async skillQueues(skillId) {
      let q = db.selectFrom('skill_queues').selectAll();
      if (skillId !== undefined) q = q.where('skill_id', '=', skillId);
      const rows = await q.orderBy('pbx').orderBy('queue').orderBy('skill_id').execute();
      return rows.map((r) => ({
        skillId: r.skill_id,
        pbx: r.pbx,
        queue: r.queue,
        basePenalty: r.base_penalty,
        penaltyStep: r.penalty_step,
      }));
    },
    async queuesForAgent(agentId) {
      const rows = await db
        .selectFrom('agent_skills')
        .innerJoin('skill_queues', 'skill_queues.skill_id', 'agent_skills.skill_id')
        .select(['skill_queues.skill_id', 'skill_queues.pbx', 'skill_queues.queue', 'skill_queues.base_penalty'])
        .select(['skill_queues.penalty_step', 'agent_skills.proficiency'])
        .where('agent_skills.agent_id', '=', agentId)
        .execute();
      const best = new Map<string, AgentQueue>();
      for (const r of rows) {
        const penalty = penaltyFor({ basePenalty: r.base_penalty, penaltyStep: r.penalty_step }, r.proficiency);
        const key = `${r.pbx}\u0000${r.queue}`;
        const current = best.get(key);
        if (current === undefined || penalty < current.penalty) {
          best.set(key, { pbx: r.pbx, queue: r.queue, penalty, skillId: r.skill_id });
        }
      }
      return [...best.values()].sort((a, b) => a.pbx.localeCompare(b.pbx) || a.queue.localeCompare(b.queue));
    },
  };
  return repo;
}
