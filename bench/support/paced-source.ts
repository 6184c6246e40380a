import { fileURLToPath } from 'node:url';
import { type ProcessPool, startProcessPool } from './process-pool.ts';

const CHILD = fileURLToPath(new URL('./paced-source-child.ts', import.meta.url));

export type PacedSourceCommand =
  | { type: 'listen'; transcript: string }
  | { type: 'sessions' }
  | { type: 'start'; eventsPerSecond: number; count: number; at: number }
  | { type: 'wait' }
  | { type: 'close' };

export type PacedSourceReply =
  | { type: 'listening'; port: number; events: Array<[string, boolean]> }
  | { type: 'sessions'; sessions: number }
  | { type: 'started'; startedAt: number }
  | { type: 'sent'; cpuMs: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** A recorded trace broadcast at a fixed event rate from its own process (see startPacedBroadcast). */
export class PacedSource {
  readonly #pool: ProcessPool<PacedSourceCommand, PacedSourceReply> = startProcessPool(CHILD, 1);
  port = 0;
  /** One copy of the recording: [event name, carries an ActionID]. */
  events: Array<[string, boolean]> = [];

  async listen(transcript: string): Promise<void> {
    const r = await this.#ask({ type: 'listen', transcript }, 'listening');
    this.port = r.port;
    this.events = r.events;
  }

  async sessions(): Promise<number> {
    return (await this.#ask({ type: 'sessions' }, 'sessions')).sessions;
  }

  /** Schedules the run to begin at `at` (epoch ms); returns that time. */
  async start(eventsPerSecond: number, count: number, at: number): Promise<number> {
    return (await this.#ask({ type: 'start', eventsPerSecond, count, at }, 'started')).startedAt;
  }

  /** Waits until every event was sent; returns the source's CPU time for the run. */
  async sent(): Promise<number> {
    return (await this.#ask({ type: 'wait' }, 'sent')).cpuMs;
  }

  async stop(): Promise<void> {
    await this.#ask({ type: 'close' }, 'closed').catch(() => undefined);
    await this.#pool.stop();
  }

  async #ask<T extends PacedSourceReply['type']>(cmd: PacedSourceCommand, type: T): Promise<Extract<PacedSourceReply, { type: T }>> {
    const r = await this.#pool.ask(0, cmd);
    if (r.type !== type) throw new Error(`paced source answered ${r.type}, expected ${type}`);
    return r as Extract<PacedSourceReply, { type: T }>;
  }
}
