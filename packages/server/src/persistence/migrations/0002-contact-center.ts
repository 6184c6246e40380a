/** Agents, skills and their queue mapping, workstations, pause reasons, wrap-up policy, queue settings. */
import type { Kysely, Migration } from 'kysely';

export const contactCenter: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agents')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('pbx', 'text')
      .addColumn('default_extension', 'text')
      .addColumn('wrapup_seconds', 'integer')
      .addColumn('pause_after_call', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('skills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('agent_skills')
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.user_id').onDelete('cascade'))
      .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
      .addColumn('proficiency', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_skills_pk', ['agent_id', 'skill_id'])
      .execute();
    await db.schema.createIndex('agent_skills_skill_idx').on('agent_skills').column('skill_id').execute();
    await db.schema
      .createTable('skill_queues')
      .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id').onDelete('cascade'))
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('base_penalty', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('penalty_step', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('skill_queues_pk', ['skill_id', 'pbx', 'queue'])
      .execute();

    await db.schema
      .createTable('workstations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('mac', 'text', (c) => c.unique())
      .addColumn('ip', 'text')
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('pause_reasons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_seconds', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('wrapup_policies')
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('seconds', 'integer', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('wrapup_policies_pk', ['pbx', 'queue'])
      .execute();

    await db.schema
      .createTable('queue_settings')
      .addColumn('pbx', 'text', (c) => c.notNull())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('popup_url_template', 'text')
      .addColumn('service_level_seconds', 'integer')
      .addColumn('language', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('queue_settings_pk', ['pbx', 'queue'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    const tables = ['queue_settings', 'wrapup_policies', 'pause_reasons', 'workstations', 'skill_queues'];
    for (const table of [...tables, 'agent_skills', 'skills', 'agents']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
