import type { SubscriptionFilter } from '@amiable/protocol';
import type { Principal } from '../../identity/principal.ts';
import { createRingBuffer, type RingBuffer } from './ring-buffer.ts';
import type { ClientTransport, RouterOptions } from './types.ts';
import type { Viewer } from './viewer.ts';

/** A queued frame: an event (seq > 0, shared body) or a control frame (seq 0, full text). */
interface Outbound {
  seq: number;
  body: string;
}

/** The text of an event frame: `op` and `seq` spliced in front of the shared event JSON. */
export function eventFrame(seq: number, body: string): string {
  return `{"op":"event","seq":${seq},${body.slice(1)}`;
}

export interface StreamHooks {
  /** The outbound queue overflowed. */
  overflow(stream: ClientStream): void;
  eventsOut(count: number): void;
  /** What a principal with this filter sees (the router's `viewerFor`). */
  compile(principal: Principal, filter: SubscriptionFilter | undefined): Viewer;
}

/**
 * One client's event stream: its sequence numbers, the frames retained for resume and the
 * bounded outbound queue of the socket currently attached (if any). It survives disconnects for
 * the resume window. Writing never waits: a frame is either handed to the socket, queued, or the
 * queue overflows and the client is dropped.
 */
export class ClientStream {
  seq = 0;
  viewer: Viewer;
  filter: SubscriptionFilter | undefined;
  transport: ClientTransport | null = null;
  detachedAt: number | null = null;
  /** Used by the router to visit each stream once per event. */
  mark = 0;
  private readonly ring: RingBuffer;
  private queue: (Outbound | undefined)[] = [];
  private head = 0;
  private queuedBytes = 0;
  private started = false;
  private startSeq = 0;
  private readonly onSent = () => this.flush();

  constructor(
    readonly id: string,
    public principal: Principal,
    private readonly options: RouterOptions,
    private readonly hooks: StreamHooks,
  ) {
    this.viewer = hooks.compile(principal, undefined);
    this.ring = createRingBuffer(Math.max(1, options.retainEvents));
  }

  get queueDepth(): number {
    return this.queue.length - this.head;
  }

  setView(principal: Principal, filter: SubscriptionFilter | undefined): void {
    this.principal = principal;
    this.filter = filter;
    this.viewer = this.hooks.compile(principal, filter);
  }

  /** Whether the retained frames cover everything after `seq`. */
  canResumeFrom(seq: number): boolean {
    return seq <= this.seq && this.ring.since(seq, this.seq) !== undefined;
  }

  /** Attaches a socket. Nothing is written until `start()`, so the caller can send `welcome` first. */
  attach(transport: ClientTransport, resumeFrom: number): void {
    this.transport = transport;
    this.detachedAt = null;
    this.started = false;
    this.startSeq = resumeFrom;
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
  }

  /** Queues the retained frames after the resume point, then delivers live. */
  start(): void {
    if (!this.transport || this.started) return;
    this.started = true;
    for (const frame of this.ring.since(this.startSeq, this.seq) ?? []) this.enqueue(frame.seq, frame.body);
    this.flush();
  }

  detach(now: number): void {
    this.transport = null;
    this.detachedAt = now;
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
  }

  /** Numbers, retains and (when attached) sends one event. `body` is the event JSON without `op`/`seq`. */
  deliver(body: string): void {
    const seq = ++this.seq;
    this.ring.push({ seq, body });
    if (this.transport && this.started) this.enqueue(seq, body);
  }

  /** Sends a frame that is not an event (welcome, snapshot, result, pong, error). */
  sendControl(frame: unknown): void {
    if (!this.transport) return;
    this.enqueue(0, typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  private enqueue(seq: number, body: string): void {
    if (!this.transport) return;
    this.queue.push({ seq, body });
    this.queuedBytes += body.length;
    if (this.queueDepth > this.options.maxQueueEvents || this.queuedBytes > this.options.maxQueueBytes) {
      this.hooks.overflow(this);
      return;
    }
    this.flush();
  }

  private flush(): void {
    const transport = this.transport;
    if (!transport) return;
    let events = 0;
    while (this.head < this.queue.length && transport.bufferedAmount() < this.options.socketHighWaterBytes) {
      const item = this.queue[this.head]!;
      this.queue[this.head++] = undefined;
      this.queuedBytes -= item.body.length;
      if (item.seq > 0) events++;
      transport.send(item.seq > 0 ? eventFrame(item.seq, item.body) : item.body, this.onSent);
      if (this.transport !== transport) break;
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (events > 0) this.hooks.eventsOut(events);
  }
}
