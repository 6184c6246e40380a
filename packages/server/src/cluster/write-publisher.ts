/**
 * The owner's side of the cluster's database writes: instead of writing call records,
 * timesheet rows, presence and archive batches itself, the owner publishes them, in order,
 * to the replicated stream `AMIABLE_WRITES` (see write-writer.ts for who writes them). Each
 * message carries a Nats-Msg-Id derived from its content, so the same row published twice
 * (a retry, or a new owner publishing it again) is stored once within the duplicate window,
 * and applied once thanks to the applied-key check after it.
 */
import { createHash } from 'node:crypto';
import type { JetStreamClient } from 'nats';
import type { Logger } from 'pino';
import type { ArchiveItem, BatchInserter } from '../persistence/archive/archive-insert.ts';
import type { DurableRecord } from '../persistence/spool/records.ts';
import { WRITE_ARCHIVE_SUBJECT, WRITE_RECORD_SUBJECT } from './subjects.ts';

/** What a write message holds: its key (the Nats-Msg-Id, recorded in spool_applied) and the rows. */
export type WriteMessage = { k: string; record: DurableRecord } | { k: string; items: ArchiveItem[] };

/** Archive rows per message: well under the NATS payload limit (1 MiB by default). */
const ARCHIVE_ROWS_PER_MESSAGE = 200;

export interface WritePublisher {
  /** Resolves once the stream has the record (retrying while NATS is away); in order. */
  record(record: DurableRecord): Promise<void>;
  archiveInserter: BatchInserter;
}

export function writeKey(kind: 'r' | 'a', body: unknown): string {
  return `w${kind}:${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}`;
}

/**
 * A record's key is its content; a presence removal has nothing but the agent's id, and the
 * same agent is removed again at every sign-out, so its key also takes the time it was published.
 */
function recordKey(record: DurableRecord): string {
  return writeKey('r', record.t === 'presence-remove' ? { ...record, publishedAt: Date.now() } : record);
}

export function createWritePublisher(deps: { js: JetStreamClient; log: Logger }): WritePublisher {
  let tail: Promise<void> = Promise.resolve();
  const publish = (subject: string, message: WriteMessage): Promise<void> => {
    const data = new TextEncoder().encode(JSON.stringify(message));
    const run = async () => {
      for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
        try {
          await deps.js.publish(subject, data, { msgID: message.k });
          return;
        } catch (err) {
          deps.log.warn({ subject, key: message.k, err: (err as Error).message }, 'publishing a write failed: retrying');
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    };
    const next = tail.then(run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    record: (record) => publish(WRITE_RECORD_SUBJECT, { k: recordKey(record), record }),
    async archiveInserter(batch) {
      const sends: Promise<void>[] = [];
      for (let i = 0; i < batch.length; i += ARCHIVE_ROWS_PER_MESSAGE) {
        const items = batch.slice(i, i + ARCHIVE_ROWS_PER_MESSAGE);
        sends.push(publish(WRITE_ARCHIVE_SUBJECT, { k: writeKey('a', items), items }));
      }
      await Promise.all(sends);
    },
  };
}
