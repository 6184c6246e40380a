import type { AmiMessage } from '@amiable/ami';

interface Route<S> {
  session: S;
  clientActionId: string | undefined;
  expiresAt: number;
}

interface Parked {
  msg: AmiMessage;
  expiresAt: number;
}

/** OriginateResponse events that arrive before their Originate's response is seen are kept this long. */
const PARK_MS = 30_000;
const MAX_PARKED = 256;

/**
 * Where each OriginateResponse goes. Asterisk broadcasts OriginateResponse with
 * the originator's ActionID; here the upstream ActionID is mapped back to the one
 * client that originated, with that client's own ActionID.
 *
 * The upstream client assigns its ActionID when it sends, so the route can only be
 * recorded once the response is in. An OriginateResponse that overtakes that step
 * (both can arrive in one TCP segment) is parked briefly and claimed on register.
 */
export class OriginateRoutes<S> {
  readonly #routes = new Map<string, Route<S>>();
  readonly #parked = new Map<string, Parked>();
  readonly #ttlMs: number;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get size(): number {
    return this.#routes.size;
  }

  /**
   * Remember that `upstreamId` belongs to `session`. Returns an OriginateResponse
   * that already arrived for it, if any.
   */
  register(upstreamId: string, session: S, clientActionId: string | undefined, now: number): AmiMessage | undefined {
    this.#sweep(now);
    const early = this.#parked.get(upstreamId);
    if (early) {
      this.#parked.delete(upstreamId);
      return early.msg;
    }
    this.#routes.set(upstreamId, { session, clientActionId, expiresAt: now + this.#ttlMs });
    return undefined;
  }

  /** The route of an OriginateResponse, removed; undefined (and the event parked) when none is known yet. */
  take(msg: AmiMessage, upstreamId: string, now: number): Route<S> | undefined {
    const route = this.#routes.get(upstreamId);
    if (route) {
      this.#routes.delete(upstreamId);
      return route;
    }
    this.#sweep(now);
    if (this.#parked.size >= MAX_PARKED) {
      const oldest = this.#parked.keys().next().value;
      if (oldest !== undefined) this.#parked.delete(oldest);
    }
    this.#parked.set(upstreamId, { msg, expiresAt: now + PARK_MS });
    return undefined;
  }

  /** Forget every route of a session that went away. */
  dropSession(session: S): void {
    for (const [id, route] of this.#routes) if (route.session === session) this.#routes.delete(id);
  }

  clear(): void {
    this.#routes.clear();
    this.#parked.clear();
  }

  #sweep(now: number): void {
    for (const [id, route] of this.#routes) if (route.expiresAt <= now) this.#routes.delete(id);
    for (const [id, parked] of this.#parked) if (parked.expiresAt <= now) this.#parked.delete(id);
  }
}
