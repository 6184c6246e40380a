/**
 * Reads a customer CSV into rows with their line numbers. The header row
 * names the columns (any order, any case, extra columns ignored); `number`
 * and `name` are required. Stray quotes inside a field are kept as text (the
 * field then fails validation and the row is reported); a quoted field that is
 * never closed would swallow the rest of the file, so it aborts the import.
 */
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type Info, parse } from 'csv-parse';
import { CsvImportError } from '../persistence/errors.ts';

export const CSV_COLUMNS = ['number', 'name', 'address', 'language', 'notes'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['number', 'name'];

export type CsvInput = string | Buffer | Readable | AsyncIterable<string | Buffer>;

export interface CsvRow {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  values: Partial<Record<CsvColumn, string>>;
}

export interface CsvParseOutcome {
  columns: CsvColumn[];
  rows: CsvRow[];
}

export async function readCsvRows(input: CsvInput, maxRows: number): Promise<CsvParseOutcome> {
  let columns: CsvColumn[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = REQUIRED.filter((c) => !names.includes(c));
      if (missing.length > 0) {
        throw new CsvImportError(`CSV header lacks required column(s): ${missing.join(', ')}`, { missing, header: names });
      }
      columns = CSV_COLUMNS.filter((c) => names.includes(c));
      // Unknown columns are kept under their own names and ignored later.
      return names;
    },
  });
  const source = typeof input === 'string' || Buffer.isBuffer(input) ? Readable.from([input]) : Readable.from(input);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  const rows: CsvRow[] = [];
  let previousEnd = 1;
  let tooMany = false;
  parser.on('data', (item: { record: Record<string, string>; info: Info }) => {
    const { record, info } = item;
    // info.lines is the line where the record ends; it starts after the previous one's end
    // (blank lines in between are skipped, so count back by the record's own line breaks).
    const line = Math.max(previousEnd + 1, info.lines - countLineBreaks(record));
    previousEnd = info.lines;
    const values: Partial<Record<CsvColumn, string>> = {};
    for (const c of columns) {
      const v = record[c];
      if (v !== undefined) values[c] = v.trim();
    }
    if (rows.length >= maxRows) {
      tooMany = true;
      parser.destroy();
      return;
    }
    rows.push({ line, values });
  });
  try {
    await finished(parser);
  } catch (error) {
    if (tooMany) throw new CsvImportError(`CSV has more than ${maxRows} rows`, { maxRows });
    const cause = error as { code?: string; message?: string };
    if (cause.code === 'CTI_ERR_CSV_IMPORT') throw error;
    // The broken record starts on the first line after the last good one.
    throw new CsvImportError(`CSV cannot be read after line ${previousEnd}: ${cause.message ?? String(error)}`, {
      line: previousEnd + 1,
      csvCode: cause.code,
    });
  }
  if (tooMany) throw new CsvImportError(`CSV has more than ${maxRows} rows`, { maxRows });
  if (columns.length === 0) throw new CsvImportError('CSV is empty: a header row with number and name is required');
  return { columns, rows };
}

/** Line breaks inside a record's values, counted as csv-parse counts lines (CR and LF each). */
function countLineBreaks(record: Record<string, string>): number {
  let n = 0;
  for (const v of Object.values(record)) {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 10 || c === 13) n++;
    }
  }
  return n;
}
