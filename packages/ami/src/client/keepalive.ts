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
  /** Bytes read from the peer so far on this connection; any byte read counts as a sign of life. */
  bytesReceived: () => number;
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
 *
 * A dead Asterisk and a busy reader look alike from the Ping's timer: under a
 * burst of events the Pong may sit behind megabytes the application has not
 * read yet. So a Ping that times out while bytes kept arriving since it was sent
 * (or while reading was paused on purpose) is not held against the peer; only a
 * connection that went silent for the whole timeout is declared dead.
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
    const receivedBefore = deps.bytesReceived();
    try {
      reply = await deps.ping(deps.timeoutMs);
    } catch (error) {
      // Disconnects are handled by the connection itself; only a timeout concerns us.
      if (!running || (error as { code?: string }).code !== 'AMI_ERR_TIMEOUT') return;
      if (deps.readingPaused() || deps.bytesReceived() > receivedBefore) schedule();
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
