import { roleHasPermission } from '@amiable/protocol';
import type { AmiPortPrincipal, AmiPortSeats } from './ports.ts';
import { type ClientScope, scopeOf } from './scope.ts';

interface PbxValue {
  readonly pbx: string;
  readonly value: string;
}

/**
 * What one logged-in client may see and may act on, per PBX. Two PBXs may both number a phone
 * 1001: they are different phones, so every extension and queue counts on its own PBX only
 * (a value without a PBX counts on every PBX). Two questions, two answers:
 *
 * - `seeOn(pbx)`: whose events the client receives. An agent sees the desk they sit at now (from
 *   the live seats) and the queues of their scope, not every desk they may use; others see the
 *   extensions and queues they watch.
 * - `actOn(pbx)`: what the client's actions may name. An agent may act on the desks they may use,
 *   on their home PBX (where they sit, else the default PBX).
 *
 * A principal without a per-PBX `watch` keeps its flat `extensions` and `queues` on every PBX.
 */
export class SessionScope {
  readonly principal: AmiPortPrincipal;
  readonly all: boolean;
  readonly #seats: AmiPortSeats | undefined;
  readonly #defaultPbx: string;
  readonly #monitorsQueues: boolean;
  readonly #flat: ClientScope | undefined;
  readonly #act = new Map<string, ClientScope>();
  readonly #see = new Map<string, { seat: string; scope: ClientScope }>();

  constructor(principal: AmiPortPrincipal, defaultPbx: string, seats?: AmiPortSeats) {
    this.principal = principal;
    this.all = principal.role === 'admin';
    this.#seats = seats;
    this.#defaultPbx = defaultPbx;
    this.#monitorsQueues = roleHasPermission(principal.role, 'queue.monitor');
    this.#flat = principal.watch ? undefined : scopeOf(principal);
  }

  /** Where the client's agent sits now, if they are an agent who is signed in. */
  seat(): { pbx: string; extension: string } | undefined {
    return this.principal.agentId ? this.#seats?.seatOf(this.principal.agentId) : undefined;
  }

  /** The PBX that actions not tied to a channel (queue actions, Originate) go to. */
  homePbx(): string {
    const seat = this.seat();
    if (seat) return seat.pbx;
    const pbxs = new Set([...(this.principal.watch?.extensions ?? []), ...(this.principal.watch?.queues ?? [])].map((v) => v.pbx));
    const only = pbxs.size === 1 ? [...pbxs][0] : undefined;
    return only || this.#defaultPbx;
  }

  seeOn(pbx: string): ClientScope {
    if (this.#flat) return this.#flat;
    const seat = this.seat();
    const seatKey = seat ? `${seat.pbx}/${seat.extension}` : '';
    const cached = this.#see.get(pbx);
    if (cached?.seat === seatKey) return cached.scope;
    const watch = this.principal.watch!;
    const extensions = onPbx(watch.extensions, pbx);
    if (seat?.pbx === pbx) extensions.add(seat.extension);
    const scope = this.#scope(extensions, onPbx(watch.queues, pbx));
    this.#see.set(pbx, { seat: seatKey, scope });
    return scope;
  }

  actOn(pbx: string): ClientScope {
    if (this.#flat) return this.#flat;
    let scope = this.#act.get(pbx);
    if (scope) return scope;
    const watch = this.principal.watch!;
    const extensions = onPbx(watch.extensions, pbx);
    // An agent watches no desk: the desks they may use count on their home PBX.
    if (this.principal.agentId && watch.extensions.length === 0 && pbx === this.homePbx()) {
      for (const e of this.principal.extensions) extensions.add(e);
    }
    scope = this.#scope(extensions, onPbx(watch.queues, pbx));
    // The home PBX follows the seat: cache only what cannot change with it.
    if (!this.principal.agentId) this.#act.set(pbx, scope);
    return scope;
  }

  #scope(extensions: Set<string>, queues: Set<string>): ClientScope {
    return { all: this.all, extensions, queues, monitorsQueues: this.#monitorsQueues };
  }
}

function onPbx(values: readonly PbxValue[], pbx: string): Set<string> {
  const out = new Set<string>();
  for (const v of values) if (v.pbx === '' || v.pbx === pbx) out.add(v.value);
  return out;
}
