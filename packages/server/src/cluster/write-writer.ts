/**
 * The cluster's database writer: every node pulls from one shared durable consumer,
 * `amiable_writer` on `AMIABLE_WRITES` (work-queue retention), at most one message in flight
 * across the cluster so rows land in the order the owner published them. A message is
 * applied in one transaction with its key in `spool_applied` (a key already there means it
 * was written: skipped), and acked only after the commit. While the database is away the
 * message is nak'ed with a growing delay and comes back: the consumer lags, nothing is lost.
 * A message the database keeps refusing while it answers is logged and terminated.
 */
import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg, RetentionPolicy, StorageType } from 'nats';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { BatchInserter } from '../persistence/archive/archive-insert.ts';
import type { SqlDialect } from '../persistence/database.ts';
import { createRepositories } from '../persistence/repositories/index.ts';
import type { Database } from '../persistence/schema.ts';
import { isTransient } from '../persistence/spool/durable-lane.ts';
import { createRecordApplier } from '../persistence/spool/records.ts';
import { withinTransaction } from '../persistence/spool/within-transaction.ts';
import { ensureStream, whileClusterForms } from './nats-streams.ts';
import { WRITE_STREAM, WRITER_CONSUMER } from './subjects.ts';
import type { WriteMessage } from './write-publisher.ts';

/**
 * How long a message may stay unacked before another node gets it: short, so a node killed
 * mid-write holds the (serial) writer up briefly; a longer write tells the server it is working.
 */
const ACK_WAIT_MS = 2000;

export interface Writer {
  /** Messages of the stream not yet written (pending plus in flight). */
  lag(): Promise<number>;
  /** Resolves true once nothing waits (false after `timeoutMs`). */
  drained(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface WriterDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  replicas: number;
  db: Kysely<Database>;
  dialect: SqlDialect;
  defaultCountry?: string;
  /** The archive's batch inserter (records the key with the rows, in one transaction). */
  insert: BatchInserter;
  log: Logger;
  /** Tries of a message the database refuses while it answers, before it is terminated. Default 5. */
  maxRefusals?: number;
}

export async function ensureWriteStream(jsm: JetStreamManager, replicas: number): Promise<void> {
  await ensureStream(jsm, {
    name: WRITE_STREAM,
    subjects: ['writes.>'],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: replicas,
    duplicate_window: 120 * 1_000_000_000,
  });
  await whileClusterForms(async () => {
    try {
      await jsm.consumers.info(WRITE_STREAM, WRITER_CONSUMER);
    } catch (err) {
      if (!/not found/i.test((err as Error).message)) throw err;
      await jsm.consumers.add(WRITE_STREAM, {
        durable_name: WRITER_CONSUMER,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: 1,
        ack_wait: ACK_WAIT_MS * 1_000_000,
        num_replicas: replicas,
      });
    }
  });
}

export async function startWriter(deps: WriterDeps): Promise<Writer> {
  const { log } = deps;
  await ensureWriteStream(deps.jsm, deps.replicas);
  const consumer = await deps.js.consumers.get(WRITE_STREAM, WRITER_CONSUMER);
  const maxRefusals = deps.maxRefusals ?? 5;
  let closed = false;
  let delay = 250;

  const probe = async () => {
    try {
      await sql`UPDATE spool_applied SET at = at WHERE key = ''`.execute(deps.db);
      return true;
    } catch {
      return false;
    }
  };

  const apply = async (message: WriteMessage) => {
    if ('items' in message) {
      await deps.insert(message.items, message.k);
      return;
    }
    await deps.db.transaction().execute(async (trx) => {
      const marked = await trx
        .insertInto('spool_applied')
        .values({ key: message.k, at: Date.now() })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(marked.numInsertedOrUpdatedRows ?? 0n) === 0) return;
      const repos = createRepositories({ db: withinTransaction(trx), dialect: deps.dialect, defaultCountry: deps.defaultCountry as never });
      await createRecordApplier(repos)(message.record);
    });
  };

  const handle = async (m: JsMsg) => {
    let message: WriteMessage;
    try {
      message = m.json<WriteMessage>();
    } catch (err) {
      log.error({ seq: m.seq, err: (err as Error).message }, 'unreadable write message: terminated');
      m.term();
      return;
    }
    const working = setInterval(() => m.working(), ACK_WAIT_MS / 2);
    try {
      await apply(message);
      clearInterval(working);
      await m.ackAck();
      delay = 250;
    } catch (err) {
      clearInterval(working);
      const refused = !isTransient(err) && (await probe());
      if (refused && m.info.redeliveryCount >= maxRefusals) {
        log.error({ key: message.k, err: (err as Error).message, message: m.string() }, 'a write is refused by the database: terminated');
        m.term();
        return;
      }
      log.warn({ key: message.k, err: (err as Error).message, redelivery: m.info.redeliveryCount }, 'database write failed: will retry');
      m.nak(delay);
      delay = Math.min(delay * 2, 5000);
    }
  };

  const loop = (async () => {
    while (!closed) {
      try {
        const batch = await consumer.fetch({ max_messages: 1, expires: 1000 });
        for await (const m of batch) await handle(m);
      } catch (err) {
        if (closed) return;
        log.warn({ err: (err as Error).message }, 'write consumer fetch failed');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  const lag = async () => {
    const info = await deps.jsm.consumers.info(WRITE_STREAM, WRITER_CONSUMER);
    return info.num_pending + info.num_ack_pending;
  };

  return {
    lag,
    async drained(timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        if ((await lag().catch(() => 1)) === 0) return true;
        if (Date.now() > until) return false;
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async close() {
      closed = true;
      await loop;
    },
  };
}
