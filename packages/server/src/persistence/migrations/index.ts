/**
 * In-code migrations, run at start through Kysely's Migrator. Running them
 * again is a no-op (the Migrator records what it applied). Names sort in order;
 * never rename or edit one that has shipped: add a new one.
 */
import { type Migration, type MigrationProvider, Migrator, NO_MIGRATIONS } from 'kysely';
import type { DatabaseHandle, SqlDialect } from '../database.ts';
import { MigrationFailedError } from '../errors.ts';
import { identity } from './0001-identity.ts';
import { contactCenter } from './0002-contact-center.ts';
import { directory } from './0003-directory.ts';
import { activity } from './0004-activity.ts';
import { archive } from './0005-archive.ts';
import { tokenSessions } from './0006-token-sessions.ts';
import { reportIndexes } from './0007-report-indexes.ts';
import { agentPresenceAndSpool } from './0008-agent-presence-and-spool.ts';
import { authSessions } from './0009-auth-sessions.ts';
import { callRecordings } from './0010-call-recordings.ts';
import { customerCompany } from './0011-customer-company.ts';
import { dispositions } from './0012-dispositions.ts';
import { webhooks } from './0013-webhooks.ts';
import { queueAlertThresholds } from './0014-queue-alert-thresholds.ts';

export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-identity': identity,
    '0002-contact-center': contactCenter,
    '0003-directory': directory,
    '0004-activity': activity,
    '0005-archive': archive(dialect),
    '0006-token-sessions': tokenSessions,
    '0007-report-indexes': reportIndexes(dialect),
    '0008-agent-presence-and-spool': agentPresenceAndSpool,
    '0009-auth-sessions': authSessions,
    '0010-call-recordings': callRecordings,
    '0011-customer-company': customerCompany,
    '0012-dispositions': dispositions,
    '0013-webhooks': webhooks,
    '0014-queue-alert-thresholds': queueAlertThresholds,
  };
}

function provider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: async () => migrationsFor(dialect) };
}

export interface MigrationReport {
  /** Names applied by this call, in order; empty when the schema was already current. */
  applied: string[];
}

function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: provider(handle.dialect),
    // On PostgreSQL pin the bookkeeping tables to our schema: without it the
    // Migrator would see another schema's kysely_migration table as ours.
    ...(handle.schema === undefined ? {} : { migrationTableSchema: handle.schema }),
  });
}

/** Brings the schema to the latest version. Idempotent. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  const { error, results } = await migrator(handle).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) throw new MigrationFailedError(failed?.migrationName, error);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Reverts every migration (tests and tooling only). */
export async function migrateDownAll(handle: DatabaseHandle): Promise<void> {
  const { error, results } = await migrator(handle).migrateTo(NO_MIGRATIONS);
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) throw new MigrationFailedError(failed?.migrationName, error);
}
