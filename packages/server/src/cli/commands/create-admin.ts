import { loadConfig } from '../../config/index.ts';
import { hashPassword } from '../../identity/index.ts';
import { createDatabase } from '../../persistence/database.ts';
import { migrateToLatest } from '../../persistence/migrations/index.ts';
import { createRepositories } from '../../persistence/repositories/index.ts';
import { join, resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { CliUsageError } from '../errors.ts';

const USAGE = `Usage: cti create-admin <username>

Creates an admin account in the configured database (same config file and
environment as the server). The password is read from AMIABLE_ADMIN_PASSWORD
(at least 10 characters); it is never taken from the command line.`;

export const command: CliCommand = {
  name: 'create-admin',
  summary: 'create an admin account (password from AMIABLE_ADMIN_PASSWORD)',
  usage: USAGE,
  async run(args, io) {
    const username = args[0];
    if (!username || !/^[A-Za-z0-9_.@-]{1,64}$/.test(username)) throw new CliUsageError(USAGE);
    const password = process.env.AMIABLE_ADMIN_PASSWORD;
    if (!password || password.length < 10) {
      io.err('Set AMIABLE_ADMIN_PASSWORD to a password of at least 10 characters.\n');
      return 2;
    }
    const config = loadConfig();
    const handle = await createDatabase(
      config.database.driver === 'postgres'
        ? { driver: 'postgres', url: config.database.url }
        : { driver: 'sqlite', file: config.database.file ?? join(resolve(config.dataDir), 'amiable.sqlite') },
    );
    try {
      await migrateToLatest(handle);
      const repos = createRepositories({ db: handle.db, dialect: handle.dialect });
      if (await repos.users.getByUsername(username.toLowerCase())) {
        io.err(`A user named ${username} already exists.\n`);
        return 1;
      }
      await repos.users.create({ username, displayName: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
      io.out(`Created admin ${username}.\n`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
