/** Multi-row INSERTs for one archive batch, split to stay under bind-parameter limits. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { AmiRow, CtiRow } from './archive-types.ts';

/** 9 columns x 1000 rows = 9000 parameters: below SQLite's 32766 and PostgreSQL's 65535. */
const ROWS_PER_STATEMENT = 1000;

export async function insertRows(
  db: Kysely<Database>,
  batch: ReadonlyArray<{ kind: 'ami'; row: AmiRow } | { kind: 'cti'; row: CtiRow }>,
): Promise<void> {
  const ami: Array<Omit<AmiRow, 'fields'> & { fields: string }> = [];
  const cti: CtiRow[] = [];
  for (const item of batch) {
    if (item.kind === 'ami') ami.push({ ...item.row, fields: JSON.stringify(item.row.fields) });
    else cti.push(item.row);
  }
  for (let i = 0; i < ami.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('ami_events')
      .values(ami.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
  for (let i = 0; i < cti.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('cti_events')
      .values(cti.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}
