import type { KV } from 'nats';

export interface MemberInfo {
  node: string;
  url: string | null;
  owned: string[];
  startedAt: number;
}

export interface Members {
  list(): readonly string[];
  info(): readonly MemberInfo[];
  /** Milliseconds since the member list last changed. */
  stableFor(): number;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Cluster membership: each node puts a heartbeat under its id in a KV bucket whose entries
 * expire after a few lease TTLs; the members are the keys present.
 */
export function createMembers(deps: {
  kv: KV;
  nodeId: string;
  intervalMs: number;
  self: () => Omit<MemberInfo, 'node'>;
  log: { warn(o: object, m?: string): void };
  now?: () => number;
}): Members {
  const now = deps.now ?? Date.now;
  let members: MemberInfo[] = [];
  let changedAt = now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const beat = async () => {
    await deps.kv.put(deps.nodeId, JSON.stringify({ node: deps.nodeId, ...deps.self() }));
    const next: MemberInfo[] = [];
    for await (const k of await deps.kv.keys()) {
      const e = await deps.kv.get(k);
      if (e && e.operation === 'PUT') next.push(e.json<MemberInfo>());
    }
    next.sort((a, b) => a.node.localeCompare(b.node));
    if (next.map((m) => m.node).join() !== members.map((m) => m.node).join()) changedAt = now();
    members = next;
  };
  return {
    list: () => (members.some((m) => m.node === deps.nodeId) ? members.map((m) => m.node) : [...members.map((m) => m.node), deps.nodeId]),
    info: () => members,
    stableFor: () => now() - changedAt,
    async start() {
      await beat();
      timer = setInterval(() => void beat().catch((err) => deps.log.warn({ err: (err as Error).message }, 'cluster heartbeat failed')), deps.intervalMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await deps.kv.delete(deps.nodeId).catch(() => undefined);
    },
  };
}
