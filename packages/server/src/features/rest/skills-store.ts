/**
 * `/api/skills`. The directory names a skill by a short stable name (`en`) and a label
 * (`English`), and marks languages. Over REST a skill has an `id`, a `name` (the label) and a
 * `language`: a language skill's stable name is its language code, any other skill's is its id.
 */
import type { Skill as SkillDto, SkillUpdateSchema } from '@amiable/protocol';
import type { Static } from '@sinclair/typebox';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import { newId } from '../../persistence/repositories/common.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Skill } from '../../persistence/repositories/skills.ts';
import type { SkillCreateBody } from './directory-schemas.ts';
import { pageOf } from './paging.ts';
import { guarded } from './store-errors.ts';

type SkillUpdate = Static<typeof SkillUpdateSchema>;

export function toSkillDto(skill: Skill): SkillDto {
  return { id: skill.id, name: skill.label, language: skill.kind === 'language' ? skill.name : null };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export function createSkillsStore(deps: { repos: Repositories }): CrudStore<SkillDto, SkillCreateBody, SkillUpdate> {
  const { skills } = deps.repos;
  return {
    list: async (query) => pageOf((await skills.list()).map(toSkillDto), query),
    get: async (id) => {
      const skill = await skills.get(id);
      return skill && toSkillDto(skill);
    },
    async create(input) {
      const id = input.id || undefined;
      const language = input.language ?? null;
      const name = language ?? id ?? (slug(input.name) || newId());
      const created = await guarded(() =>
        skills.create({ ...(id ? { id } : {}), name, label: input.name, kind: language ? 'language' : 'skill' }),
      );
      return toSkillDto(created);
    },
    async update(id, patch) {
      if (!(await skills.get(id))) return undefined;
      const language = patch.language;
      const updated = await guarded(() =>
        skills.update(id, {
          ...(patch.name === undefined ? {} : { label: patch.name }),
          ...(language === undefined ? {} : { name: language ?? id, kind: language ? 'language' : 'skill' }),
        }),
      );
      return toSkillDto(updated);
    },
    remove: (id) => skills.remove(id),
  };
}
