/**
 * Persistence: the Kysely database (SQLite by default, PostgreSQL when
 * configured), in-code migrations, one repository per aggregate, and the
 * batched event archive.
 */
export * from './database.ts';
export * from './errors.ts';
export type { Database } from './schema.ts';
export { migrateToLatest, migrateDownAll, migrationsFor, type MigrationReport } from './migrations/index.ts';
export { createRepositories, type Repositories, type RepositoriesDeps } from './repositories/index.ts';
export type { RepositoryDeps, Page } from './repositories/common.ts';
export * from './repositories/users.ts';
export * from './repositories/user-scopes.ts';
export * from './repositories/teams.ts';
export * from './repositories/api-keys.ts';
export * from './repositories/refresh-tokens.ts';
export * from './repositories/agents.ts';
export * from './repositories/skills.ts';
export * from './repositories/workstations.ts';
export * from './repositories/ip-match.ts';
export * from './repositories/pause-reasons.ts';
export * from './repositories/wrapup-policy.ts';
export * from './repositories/queue-settings.ts';
export * from './repositories/customers.ts';
export * from './repositories/timesheet.ts';
export * from './repositories/call-records.ts';
export * from './repositories/audit.ts';
export * from './repositories/settings.ts';
export * from './archive/archive-types.ts';
export * from './archive/archive-writer.ts';
export * from './archive/archive-retention.ts';
export * from './archive/archive-reader.ts';
export { openDatabase } from './open-database.ts';
