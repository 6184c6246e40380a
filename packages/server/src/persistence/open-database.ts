/** Convenience for the composition root: open, migrate, build repositories. */
import type { CountryCode } from '../directory/phone-number.ts';
import { type CreateDatabaseOptions, type DatabaseConfig, type DatabaseHandle, createDatabase } from './database.ts';
import { type MigrationReport, migrateToLatest } from './migrations/index.ts';
import { type Repositories, createRepositories } from './repositories/index.ts';

export interface OpenDatabaseResult extends DatabaseHandle {
  repositories: Repositories;
  migrations: MigrationReport;
}

export async function openDatabase(
  config: DatabaseConfig,
  options: CreateDatabaseOptions & { defaultCountry?: CountryCode; now?: () => number } = {},
): Promise<OpenDatabaseResult> {
  const handle = await createDatabase(config, options);
  try {
    const migrations = await migrateToLatest(handle);
    const repositories = createRepositories({
      db: handle.db,
      dialect: handle.dialect,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry }),
    });
    return { ...handle, repositories, migrations };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
