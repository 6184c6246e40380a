import type { KV } from 'nats';

export interface LeaseListener {
  /** This node now owns the PBX: connect to it. */
  acquired(pbx: string): Promise<void> | void;
  /** This node no longer owns the PBX: close its AMI connection at once. */
  lost(pbx: string, reason: string): Promise<void> | void;
}

export interface PbxLeases {
  /** True only while this node's lease on the PBX is certainly still valid (the AMI fence). */
  holds(pbx: string): boolean;
  owned(): string[];
  /** Milliseconds since this node acquired the PBX, or null. */
  ageMs(pbx: string): number | null;
  /** The owner of each PBX as last read (node id or null). */
  owners(): Record<string, string | null>;
  /** The fence refused a write: treat the lease as lost. */
  fenced(pbx: string): void;
  start(): void;
  close(): Promise<void>;
}

interface Held {
  revision: number;
  since: number;
  validUntil: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * AMI ownership per PBX as a lease in a JetStream KV bucket. A free key is taken with
 * `create`; the owner renews with `update` at the revision it wrote last. A key whose revision
 * has not moved for a whole TTL, as this node's own clock measures it, is taken over with
 * `update` at that stale revision, so exactly one contender wins. The owner trusts its lease
 * only until TTL minus a margin after it sent the renewal that succeeded: a node that was
 * paused or partitioned stops writing to Asterisk before anyone else can take over.
 * Ownership spreads: a node contends only while it owns fewer than its fair share, the node
 * that ranks first for a PBX (rendezvous hashing) goes first, and a node above its share
 * hands one PBX back once membership is stable.
 */
export function createPbxLeases(deps: {
  kv: KV;
  nodeId: string;
  pbxs: readonly string[];
  ttlMs: number;
  /** Live cluster members (node ids), this node included. */
  members: () => readonly string[];
  membersStableFor: () => number;
  listener: LeaseListener;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  now?: () => number;
}): PbxLeases {
  const now = deps.now ?? Date.now;
  const tickMs = Math.max(100, Math.floor(deps.ttlMs / 4));
  const margin = Math.max(200, Math.floor(deps.ttlMs / 5));
  const held = new Map<string, Held>();
  const seen = new Map<string, { revision: number; since: number; owner: string | null }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  const fairShare = () => Math.ceil(deps.pbxs.length / Math.max(1, deps.members().length));
  const rank = (pbx: string): number => {
    const score = (n: string) => hash(`${pbx}|${n}`);
    const sorted = [...deps.members()].sort((a, b) => score(b) - score(a));
    const i = sorted.indexOf(deps.nodeId);
    return i < 0 ? sorted.length : i;
  };

  const lose = async (pbx: string, reason: string) => {
    if (!held.delete(pbx)) return;
    deps.log.warn({ pbx, reason }, 'PBX lease lost');
    // The listener closes the AMI connection synchronously; the rest of the release runs on.
    void Promise.resolve()
      .then(() => deps.listener.lost(pbx, reason))
      .catch((err) => deps.log.warn({ pbx, err: (err as Error).message }, 'PBX release failed'));
  };

  const renew = async (pbx: string, h: Held) => {
    const sentAt = now();
    if (sentAt >= h.validUntil) return lose(pbx, 'lease expired before renewal');
    try {
      const revision = await deps.kv.update(key(pbx), enc.encode(deps.nodeId), h.revision);
      if (!held.has(pbx)) return;
      h.revision = revision;
      h.validUntil = sentAt + deps.ttlMs - margin;
    } catch (err) {
      await lose(pbx, `renewal refused: ${(err as Error).message}`);
    }
  };

  const contend = async (pbx: string) => {
    const entry = await deps.kv.get(key(pbx));
    const owner = entry && entry.operation === 'PUT' ? dec.decode(entry.value) : null;
    const t = now();
    const prev = seen.get(pbx);
    if (!prev || !entry || prev.revision !== entry.revision) seen.set(pbx, { revision: entry?.revision ?? 0, since: t, owner });
    const s = seen.get(pbx)!;
    if (held.size >= fairShare()) return;
    const free = owner === null;
    // A stale lease goes to whoever is first after one TTL (the CAS decides); a free one to the
    // node that ranks first at once, the others giving it half a TTL per rank.
    if (!free && t - s.since < deps.ttlMs) return;
    if (free && t - s.since < rank(pbx) * Math.floor(deps.ttlMs / 2)) return;
    const sentAt = now();
    let revision: number;
    try {
      revision = free && !entry ? await deps.kv.create(key(pbx), enc.encode(deps.nodeId)) : await deps.kv.update(key(pbx), enc.encode(deps.nodeId), entry!.revision);
    } catch {
      return; // another node was faster
    }
    held.set(pbx, { revision, since: now(), validUntil: sentAt + deps.ttlMs - margin });
    seen.set(pbx, { revision, since: now(), owner: deps.nodeId });
    deps.log.info({ pbx, node: deps.nodeId, takeover: !free, previousOwner: owner }, 'PBX lease acquired');
    // Not awaited: connecting and resyncing must never hold up the renewals.
    void Promise.resolve()
      .then(() => deps.listener.acquired(pbx))
      .catch((err) => deps.log.warn({ pbx, err: (err as Error).message }, 'PBX start after lease failed'));
  };

  const rebalance = async () => {
    if (held.size <= fairShare() || deps.membersStableFor() < 2 * deps.ttlMs) return;
    const youngest = [...held.entries()].sort((a, b) => b[1].since - a[1].since)[0];
    if (!youngest) return;
    const [pbx, h] = youngest;
    held.delete(pbx);
    deps.log.info({ pbx, share: fairShare() }, 'handing a PBX back to spread ownership');
    await deps.listener.lost(pbx, 'rebalance');
    await deps.kv.delete(key(pbx), { previousSeq: h.revision }).catch((err) => deps.log.warn({ pbx, err: (err as Error).message }, 'lease hand-back failed'));
  };

  const tick = async () => {
    for (const pbx of deps.pbxs) {
      if (closed) return;
      const h = held.get(pbx);
      try {
        if (h) await renew(pbx, h);
        else await contend(pbx);
      } catch (err) {
        deps.log.warn({ pbx, err: (err as Error).message }, 'lease round failed');
      }
    }
    if (!closed) await rebalance();
  };

  const loop = () => {
    if (closed) return;
    running = tick().finally(() => {
      if (!closed) timer = setTimeout(loop, tickMs);
    });
  };

  return {
    holds: (pbx) => {
      const h = held.get(pbx);
      return h !== undefined && now() < h.validUntil;
    },
    owned: () => [...held.keys()],
    ageMs: (pbx) => {
      const h = held.get(pbx);
      return h ? now() - h.since : null;
    },
    owners: () => Object.fromEntries(deps.pbxs.map((p) => [p, held.has(p) ? deps.nodeId : (seen.get(p)?.owner ?? null)])),
    fenced: (pbx) => void lose(pbx, 'lease lapsed at the AMI fence'),
    start: loop,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
      for (const [pbx, h] of [...held]) {
        held.delete(pbx);
        await deps.listener.lost(pbx, 'node stopping');
        // Hand the PBX over at once instead of letting the lease run out.
        await deps.kv.delete(key(pbx), { previousSeq: h.revision }).catch(() => undefined);
      }
    },
  };
}

/** The KV key of a PBX's lease. */
export function key(pbx: string): string {
  return `pbx.${pbx}`;
}

/** FNV-1a, for rendezvous ranking. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
