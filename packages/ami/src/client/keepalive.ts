import type { AmiMessage } from '../codec/message.ts';
import { AmiKeepaliveError } from '../errors.ts';
import { equalsIgnoreCase, fieldValue } from './fields.ts';

export interface KeepaliveOptions {
  /** Pause between a Pong and the next Ping, in milliseconds. */
  intervalMs: number;
  /** How long a Ping may wait for its Pong. */
  timeoutMs: number;
}

export const DEFAULT_KEEPALIVE: Readonly<KeepaliveOptions> = { intervalMs: 5_000, timeoutMs: 10_000 };

export interface KeepaliveDeps extends KeepaliveOptions {
  /** Send `Action: Ping` with the given timeout, resolving even on `Response: Error`; rejects on timeout or disconnect. */
  ping: (timeoutMs: number) => Promise<AmiMessage>;
  /**
   * True while socket reading is paused for backpressure: the Pong may be
   * sitting unread in the socket, so a late Pong is not held against the peer.
   */
  readingPaused: () => boolean;
  /** The connection is dead: close it and reconnect. Called at most once. */
  onDead: (error: AmiKeepaliveError) => void;
}

export interface Keepalive {
  start(): void;
  stop(): void;
}

/**
 * The Ping/Pong watchdog. Asterisk never pings, and a half-open TCP connection
 * can look alive for hours, so the client pings and insists on `Ping: Pong`.
 */
export function createKeepalive(deps: KeepaliveDeps): Keepalive {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  const schedule = () => {
    if (running) timer = setTimeout(tick, deps.intervalMs);
  };
  const dead = (message: string, details: Record<string, unknown>) => {
    if (!running) return;
    running = false;
    deps.onDead(new AmiKeepaliveError(message, details));
  };
  const tick = async () => {
    timer = undefined;
    if (!running) return;
    let reply: AmiMessage;
    try {
      reply = await deps.ping(deps.timeoutMs);
    } catch (error) {
      // Disconnects are handled by the connection itself; only a timeout concerns us.
      if (!running || (error as { code?: string }).code !== 'AMI_ERR_TIMEOUT') return;
      if (deps.readingPaused()) schedule();
      else dead(`No Pong within ${deps.timeoutMs} ms`, { timeoutMs: deps.timeoutMs });
      return;
    }
    if (!running) return;
    if (!equalsIgnoreCase(fieldValue(reply.fields, 'ping'), 'Pong')) {
      dead('Ping reply without Ping: Pong', { reply: reply.toObject() });
      return;
    }
    schedule();
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
