import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { penaltyFor } from '../../src/persistence/repositories/skills.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe.each(dialects)('agents, skills, pause reasons, wrap-up and queue settings on %s', (dialect) => {
  let t: TestDatabase;
  let agentId: string;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    agentId = (await t.repos.users.create({ username: 'maria', displayName: 'Maria', role: 'agent' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates an agent profile, then updates only the fields named', async () => {
    const created = await t.repos.agents.upsert(agentId, { pbx: 'pbx1', defaultExtension: '1011', pauseAfterCall: true });
    expect(created).toMatchObject({ userId: agentId, defaultExtension: '1011', wrapupSeconds: null, pauseAfterCall: true });
    const updated = await t.repos.agents.upsert(agentId, { wrapupSeconds: 15 });
    expect(updated).toMatchObject({ defaultExtension: '1011', wrapupSeconds: 15, pauseAfterCall: true });
    expect(await t.repos.agents.list()).toEqual([expect.objectContaining({ userId: agentId, username: 'maria', displayName: 'Maria' })]);
    await expect(t.repos.agents.upsert('no-such-user', {})).rejects.toMatchObject({ code: 'CTI_ERR_RECORD_NOT_FOUND' });
  });

  it('maps English and French onto queues and signs the agent into each with the lowest penalty', async () => {
    const en = await t.repos.skills.create({ name: 'en', label: 'English', kind: 'language' });
    const fr = await t.repos.skills.create({ name: 'fr', label: 'French', kind: 'language' });
    const vip = await t.repos.skills.create({ name: 'vip', label: 'VIP care', kind: 'skill' });
    await t.repos.skills.setSkillQueues(en.id, [{ pbx: 'pbx1', queue: 'lang-en', basePenalty: 0, penaltyStep: 2 }]);
    await t.repos.skills.setSkillQueues(fr.id, [{ pbx: 'pbx1', queue: 'lang-fr', basePenalty: 1, penaltyStep: 1 }]);
    // VIP also feeds lang-en, with a base penalty that beats English for a weak English speaker.
    await t.repos.skills.setSkillQueues(vip.id, [{ pbx: 'pbx1', queue: 'lang-en', basePenalty: 3, penaltyStep: 0 }]);
    await t.repos.skills.setAgentSkills(agentId, [
      { skillId: en.id, proficiency: 2 },
      { skillId: fr.id, proficiency: 5 },
      { skillId: vip.id, proficiency: 1 },
    ]);
    expect((await t.repos.skills.agentSkills(agentId)).map((s) => [s.skill.name, s.proficiency])).toEqual([
      ['en', 2],
      ['fr', 5],
      ['vip', 1],
    ]);
    // en: 0 + (5-2)*2 = 6; vip: 3 + (5-1)*0 = 3 -> lang-en at 3 via vip. fr: 1 + 0 = 1.
    expect(await t.repos.skills.queuesForAgent(agentId)).toEqual([
      { pbx: 'pbx1', queue: 'lang-en', penalty: 3, skillId: vip.id },
      { pbx: 'pbx1', queue: 'lang-fr', penalty: 1, skillId: fr.id },
    ]);
    expect(penaltyFor({ basePenalty: 0, penaltyStep: 2 }, 5)).toBe(0);
  });

  it('rejects a proficiency outside 1-5 and a duplicate skill name', async () => {
    const en = (await t.repos.skills.getByName('en'))!;
    await expect(t.repos.skills.setAgentSkills(agentId, [{ skillId: en.id, proficiency: 6 }])).rejects.toMatchObject({
      code: 'CTI_ERR_INVALID_RECORD',
    });
    await expect(t.repos.skills.create({ name: 'en', label: 'Again', kind: 'language' })).rejects.toMatchObject({
      code: 'CTI_ERR_DUPLICATE_RECORD',
    });
  });

  it('renames a skill and removing it drops its queue mapping and agent links', async () => {
    const vip = (await t.repos.skills.getByName('vip'))!;
    expect(await t.repos.skills.update(vip.id, { label: 'VIP' })).toMatchObject({ name: 'vip', label: 'VIP' });
    expect(await t.repos.skills.remove(vip.id)).toBe(true);
    expect(await t.repos.skills.skillQueues(vip.id)).toEqual([]);
    const queues = await t.repos.skills.queuesForAgent(agentId);
    expect(queues.find((q) => q.queue === 'lang-en')?.penalty).toBe(6);
  });

  it('keeps pause reasons with a unique, AMI-safe code', async () => {
    const lunch = await t.repos.pauseReasons.create({ code: 'lunch', label: 'Lunch', paid: false, maxSeconds: 3600 });
    await t.repos.pauseReasons.create({ code: 'training', label: 'Training', paid: true });
    expect(await t.repos.pauseReasons.getByCode('lunch')).toEqual(lunch);
    expect((await t.repos.pauseReasons.list()).map((r) => [r.code, r.paid, r.maxSeconds])).toEqual([
      ['lunch', false, 3600],
      ['training', true, null],
    ]);
    const edited = await t.repos.pauseReasons.update(lunch.id, { maxSeconds: null, label: 'Lunch break' });
    expect(edited).toMatchObject({ code: 'lunch', label: 'Lunch break', maxSeconds: null });
    await expect(t.repos.pauseReasons.create({ code: 'lunch', label: 'x' })).rejects.toMatchObject({ code: 'CTI_ERR_DUPLICATE_RECORD' });
    await expect(t.repos.pauseReasons.create({ code: 'bad\r\ncode', label: 'x' })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
    expect(await t.repos.pauseReasons.remove(lunch.id)).toBe(true);
  });

  it('resolves wrap-up: agent override, then queue, then global, then the built-in default', async () => {
    expect(await t.repos.wrapupPolicy.resolve({ pbx: 'pbx1', queue: 'lang-en' })).toEqual({ seconds: 0, mode: 'timeout', source: 'default' });
    await t.repos.wrapupPolicy.set({ seconds: 10, mode: 'timeout' });
    await t.repos.wrapupPolicy.set({ pbx: 'pbx1', queue: 'lang-fr', seconds: 30, mode: 'manual' });
    expect(await t.repos.wrapupPolicy.resolve({ pbx: 'pbx1', queue: 'lang-en' })).toEqual({ seconds: 10, mode: 'timeout', source: 'global' });
    expect(await t.repos.wrapupPolicy.resolve({ pbx: 'pbx1', queue: 'lang-fr' })).toEqual({ seconds: 30, mode: 'manual', source: 'queue' });
    expect(await t.repos.wrapupPolicy.resolve({ pbx: 'pbx1', queue: 'lang-fr', agentSeconds: 5 })).toEqual({
      seconds: 5,
      mode: 'manual',
      source: 'agent',
    });
    await t.repos.wrapupPolicy.set({ pbx: 'pbx1', queue: 'lang-fr', seconds: 45, mode: 'timeout' });
    expect(await t.repos.wrapupPolicy.list()).toHaveLength(2);
    expect(await t.repos.wrapupPolicy.clear('pbx1', 'lang-fr')).toBe(true);
    expect((await t.repos.wrapupPolicy.resolve({ pbx: 'pbx1', queue: 'lang-fr' })).source).toBe('global');
  });

  it('stores queue settings and merges partial updates', async () => {
    await t.repos.queueSettings.upsert('pbx1', 'lang-en', {
      popupUrlTemplate: 'https://crm.example/c?n={callerNumber}',
      serviceLevelSeconds: 20,
      language: 'English',
    });
    const merged = await t.repos.queueSettings.upsert('pbx1', 'lang-en', { displayName: 'English line' });
    expect(merged).toMatchObject({ displayName: 'English line', serviceLevelSeconds: 20, language: 'English' });
    expect(await t.repos.queueSettings.list('pbx1')).toHaveLength(1);
    await expect(t.repos.queueSettings.upsert('pbx1', 'x', { serviceLevelSeconds: 0 })).rejects.toMatchObject({
      code: 'CTI_ERR_INVALID_RECORD',
    });
  });

  it('keeps JSON settings by key', async () => {
    await t.repos.settings.set('archive.retentionDays', 90);
    await t.repos.settings.set('branding', { name: 'Acme' });
    await t.repos.settings.set('archive.retentionDays', 30);
    expect(await t.repos.settings.get<number>('archive.retentionDays')).toBe(30);
    expect(await t.repos.settings.all()).toEqual({ 'archive.retentionDays': 30, branding: { name: 'Acme' } });
    expect(await t.repos.settings.remove('branding')).toBe(true);
    expect(await t.repos.settings.get('branding')).toBeUndefined();
  });
});
