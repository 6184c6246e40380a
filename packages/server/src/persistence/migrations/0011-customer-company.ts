/** The customer's company, shown on the screen pop and the customer card. */
import type { Kysely, Migration } from 'kysely';

export const customerCompany: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('customers').addColumn('company', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('customers').dropColumn('company').execute();
  },
};
