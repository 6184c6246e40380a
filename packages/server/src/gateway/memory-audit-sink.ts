import type { AuditEntry, AuditQuery, Page } from '@amiable/protocol';
import type { AuditSink } from './ports.ts';

/** An in-memory audit sink keeping the newest `capacity` entries (tests, demo mode). */
export function createMemoryAuditSink(capacity = 10_000): AuditSink & { entries(): AuditEntry[] } {
  const entries: AuditEntry[] = [];
  let next = 1;
  return {
    record(entry) {
      entries.push({ id: String(next++), ...entry });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    async query(q: AuditQuery): Promise<Page<AuditEntry>> {
      const matches = entries
        .filter(
          (e) =>
            (!q.from || e.at >= q.from) &&
            (!q.to || e.at <= q.to) &&
            (!q.userId || e.userId === q.userId) &&
            (!q.username || e.username === q.username) &&
            (!q.action || e.action === q.action) &&
            (q.ok === undefined || e.ok === q.ok),
        )
        .reverse();
      const offset = q.offset ?? 0;
      return { items: matches.slice(offset, offset + (q.limit ?? 100)), total: matches.length };
    },
    entries: () => [...entries],
  };
}
