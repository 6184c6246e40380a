/** The customer directory: customers and their E.164 phone numbers (several per customer). */
import type { Kysely, Migration } from 'kysely';

export const directory: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('language', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customers_name_idx').on('customers').column('name').execute();

    await db.schema
      .createTable('customer_numbers')
      .addColumn('number', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('label', 'text')
      .execute();
    await db.schema.createIndex('customer_numbers_customer_idx').on('customer_numbers').column('customer_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('customer_numbers').ifExists().execute();
    await db.schema.dropTable('customers').ifExists().execute();
  },
};
