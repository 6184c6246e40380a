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
  /** Null when resume reads the event history instead (cluster mode). */
  private readonly ring: RingBuffer | null;
  /** Frames read from the event history, queued by `start()` before live events. */
  private backlog: Outbound[] = [];
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
    this.ring = options.retainEvents > 0 ? createRingBuffer(options.retainEvents) : null;
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
    return this.ring !== null && seq <= this.seq && this.ring.since(seq, this.seq) !== undefined;
  }

  /** Attaches a socket. Nothing is written until `start()`, so the caller can send `welcome` first. */
  attach(transport: ClientTransport, resumeFrom: number): void {
    this.transport = transport;
    this.detachedAt = null;
    this.started = false;
    this.startSeq = resumeFrom;
    this.backlog = [];
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
  }

  /** Queues the retained frames after the resume point, then delivers live. */
  start(): void {
    if (!this.transport || this.started) return;
    this.started = true;
    for (const frame of this.ring?.since(this.startSeq, this.seq) ?? []) this.enqueue(frame.seq, frame.body);
    const backlog = this.backlog;
    this.backlog = [];
    for (const frame of backlog) this.enqueue(frame.seq, frame.body);
    this.flush();
  }

  detach(now: number): void {
    this.transport = null;
    this.detachedAt = now;
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
  }

  /**
   * Numbers, retains and (when attached) sends one event. `body` is the event JSON without
   * `op`/`seq`. With a `position` (the event's place in the cluster's event stream) that position
   * is its seq, and an event at or before the stream's seq (already sent) is skipped.
   */
  deliver(body: string, position?: number): void {
    if (position !== undefined && position <= this.seq) return;
    const seq = position ?? this.seq + 1;
    this.seq = seq;
    this.ring?.push({ seq, body });
    if (!this.transport) return;
    if (this.started) this.enqueue(seq, body);
    else if (position !== undefined) this.backlog.push({ seq, body });
  }

  /** Sets the seq the next events follow (a resume point, or the stream's position when it opens). */
  resumeAt(seq: number): void {
    this.seq = seq;
    this.backlog = [];
  }

  /** A snapshot taken now reflects every event up to `position`: later events follow it. */
  advanceTo(position: number): void {
    if (position > this.seq && this.backlog.length === 0) this.seq = position;
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
