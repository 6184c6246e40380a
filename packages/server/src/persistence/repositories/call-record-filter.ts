/** Filters and cursors for the call log (shared by the repository and the report export). */
import type { SelectQueryBuilder } from 'kysely';
import { InvalidCursorError } from '../errors.ts';
import type { Database } from '../schema.ts';

export interface CallRecordFilter {
  /** started_at >= from (epoch ms). */
  from?: number;
  /** started_at < to (epoch ms). */
  to?: number;
  pbx?: string;
  queue?: string;
  /** Answering agent (user id). */
  agentId?: string;
  /** Answering extension. */
  extension?: string;
  outcome?: string;
  direction?: string;
  customerId?: string;
  /** Digits contained in the caller or called number (punctuation ignored, at least 3 digits). */
  number?: string;
}

export interface CallRecordPage {
  /** Default 50, at most 1000. */
  limit?: number;
  offset?: number;
  /** `nextCursor` of the previous page; wins over offset. */
  cursor?: string;
}

export function applyCallFilter<O>(
  query: SelectQueryBuilder<Database, 'call_records', O>,
  filter: CallRecordFilter,
): SelectQueryBuilder<Database, 'call_records', O> {
  let q = query;
  if (filter.from !== undefined) q = q.where('call_records.started_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('call_records.started_at', '<', filter.to);
  if (filter.pbx !== undefined) q = q.where('call_records.pbx', '=', filter.pbx);
  if (filter.queue !== undefined) q = q.where('call_records.queue', '=', filter.queue);
  if (filter.agentId !== undefined) q = q.where('call_records.answered_agent_id', '=', filter.agentId);
  if (filter.extension !== undefined) q = q.where('call_records.answered_by', '=', filter.extension);
  if (filter.outcome !== undefined) q = q.where('call_records.outcome', '=', filter.outcome);
  if (filter.direction !== undefined) q = q.where('call_records.direction', '=', filter.direction);
  if (filter.customerId !== undefined) q = q.where('call_records.customer_id', '=', filter.customerId);
  const digits = filter.number?.replace(/\D/g, '') ?? '';
  if (digits.length >= 3) {
    const like = `%${digits}%`;
    q = q.where((eb) => eb.or([eb('call_records.caller_number', 'like', like), eb('call_records.called_number', 'like', like)]));
  }
  return q;
}

export function encodeCursor(startedAt: number, id: string): string {
  return Buffer.from(JSON.stringify([startedAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { startedAt: number; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { startedAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError(cursor);
}
