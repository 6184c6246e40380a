/**
 * Writes one kind of record to the database without losing it when the database
 * goes away. While the lane's spool is empty, a record is written directly; when a
 * write fails, that record and every later one are appended to the disk spool (in
 * order) and a replay loop writes them back, oldest first, once the database
 * answers again. Replays are idempotent: each record carries its own key and the
 * appliers skip a record the database already has (see appliers.ts).
 *
 * A record that keeps failing while the database itself answers (bad data, not an
 * outage) is moved to `dead-letter.jsonl` beside the lane after `maxRecordFailures`
 * tries and logged, so it cannot block the lane.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Spool, SpoolLaneName } from './spool.ts';

export interface DurableLaneLog {
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
  info(o: object, m?: string): void;
}

export interface DurableLaneDeps<T> {
  name: SpoolLaneName;
  spool: Spool;
  /** Writes one record to the database; throws when it could not. */
  apply(record: T): Promise<void>;
  /** True when the database answers (tells an outage from a bad record). */
  probe(): Promise<boolean>;
  log: DurableLaneLog;
  /** Retry delay bounds while the database is away. Default 250 ms .. 5 s. */
  backoffMs?: { min: number; max: number };
  maxRecordFailures?: number;
  /** Called when the lane switches between direct writes and spooling. */
  onMode?: (mode: 'direct' | 'spooling') => void;
}

export class DurableLane<T> {
  readonly #deps: DurableLaneDeps<T>;
  #mode: 'direct' | 'spooling';
  #tail: Promise<void> = Promise.resolve();
  #replaying: Promise<void> | undefined;
  #closed = false;
  #wake: (() => void) | undefined;
  #sleep: ReturnType<typeof setTimeout> | undefined;
  #replayed = 0;
  #spooled = 0;
  #deadLettered = 0;
  readonly #drainWaiters = new Set<() => void>();

  constructor(deps: DurableLaneDeps<T>) {
    this.#deps = deps;
    this.#mode = deps.spool.lane(deps.name).records > 0 ? 'spooling' : 'direct';
    if (this.#mode === 'spooling') this.#startReplay();
  }

  get mode(): 'direct' | 'spooling' {
    return this.#mode;
  }

  stats(): { mode: 'direct' | 'spooling'; spooled: number; replayed: number; deadLettered: number; backlog: number } {
    return {
      mode: this.#mode,
      spooled: this.#spooled,
      replayed: this.#replayed,
      deadLettered: this.#deadLettered,
      backlog: this.#deps.spool.lane(this.#deps.name).records,
    };
  }

  /** Resolves once the record is in the database or safely on disk; in submission order. */
  submit(record: T): Promise<void> {
    const run = async () => {
      if (this.#mode === 'direct' && !this.#closed) {
        try {
          await this.#deps.apply(record);
          return;
        } catch (err) {
          this.#deps.log.warn({ lane: this.#deps.name, err: (err as Error).message }, 'database write failed: spooling to disk');
          this.#setMode('spooling');
        }
      }
      this.#deps.spool.append(this.#deps.name, [JSON.stringify(record)]);
      this.#spooled++;
      this.#startReplay();
    };
    const next = this.#tail.then(run);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves when nothing is spooled (or after `timeoutMs`); true if drained. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.#mode === 'direct') return this.#tail.then(() => true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.#drainWaiters.delete(onDrain);
        resolve(ok);
      };
      const onDrain = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      timer.unref();
      this.#drainWaiters.add(onDrain);
    });
  }

  /** Try the database again now instead of at the end of the current back-off. */
  poke(): void {
    this.#wake?.();
  }

  /** Stops replaying; what is still spooled stays on disk for the next start. */
  async close(): Promise<void> {
    await this.#tail;
    this.#closed = true;
    this.#wake?.();
    await this.#replaying;
  }

  #setMode(mode: 'direct' | 'spooling'): void {
    if (this.#mode === mode) return;
    this.#mode = mode;
    this.#deps.onMode?.(mode);
    if (mode === 'direct') {
      this.#deps.log.info({ lane: this.#deps.name, replayed: this.#replayed }, 'spool drained: writing to the database again');
      for (const w of [...this.#drainWaiters]) w();
    }
  }

  #startReplay(): void {
    if (this.#replaying !== undefined || this.#closed) return;
    this.#replaying = this.#replay()
      .catch((err) => this.#deps.log.error({ lane: this.#deps.name, err: (err as Error).message }, 'spool replay stopped'))
      .finally(() => {
        this.#replaying = undefined;
      });
  }

  async #replay(): Promise<void> {
    const lane = this.#deps.spool.lane(this.#deps.name);
    const { min, max } = this.#deps.backoffMs ?? { min: 250, max: 5000 };
    const maxFailures = this.#deps.maxRecordFailures ?? 3;
    let delay = min;
    let failures = 0;
    while (!this.#closed) {
      const [next] = lane.peek(1);
      if (next === undefined) {
        // Appends are synchronous, so an empty lane here means nothing is waiting.
        this.#setMode('direct');
        return;
      }
      let record: T;
      try {
        record = JSON.parse(next.line) as T;
      } catch (err) {
        this.#deadLetter(next.line, err);
        lane.ack(next.end, 1);
        continue;
      }
      try {
        await this.#deps.apply(record);
        lane.ack(next.end, 1);
        this.#replayed++;
        delay = min;
        failures = 0;
      } catch (err) {
        const up = !isTransient(err) && (await this.#deps.probe().catch(() => false));
        if (up && ++failures >= maxFailures) {
          this.#deadLetter(next.line, err);
          lane.ack(next.end, 1);
          failures = 0;
          continue;
        }
        await this.#pause(delay);
        delay = Math.min(max, delay * 2);
      }
    }
  }

  #deadLetter(line: string, err: unknown): void {
    this.#deadLettered++;
    const dir = this.#deps.spool.lane(this.#deps.name).dir;
    appendFileSync(join(dir, 'dead-letter.jsonl'), `${line}\n`);
    this.#deps.log.error(
      { lane: this.#deps.name, err: (err as Error).message, file: join(dir, 'dead-letter.jsonl') },
      'a spooled record is refused by the database: moved to the dead-letter file',
    );
  }

  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = () => {
        clearTimeout(this.#sleep);
        this.#wake = undefined;
        resolve();
      };
      this.#sleep = setTimeout(() => this.#wake?.(), ms);
      this.#sleep.unref();
    });
  }
}

const TRANSIENT_CODES = /^(SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|PROTOCOL|NOMEM)|08|53|57P0|40001|40P01|E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH|AI_AGAIN))/;

/**
 * Errors of the database or its connection (down, full, locked, read-only), as opposed
 * to a record the database refuses: only the latter may be dead-lettered.
 */
export function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.test(code)) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /Connection terminated|connection (is )?closed|timeout|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|database is locked|readonly database|disk (I\/O|full)/i.test(
    message,
  );
}
