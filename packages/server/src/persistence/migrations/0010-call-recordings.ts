/** The recording of a call: the file name MixMonitor wrote, relative to Asterisk's recording directory. */
import type { Kysely, Migration } from 'kysely';

export const callRecordings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('call_records').addColumn('recording_file', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('call_records').dropColumn('recording_file').execute();
  },
};
