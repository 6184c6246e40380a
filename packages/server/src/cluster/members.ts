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
 * expire after a few lease TTLs; every node watches the bucket, and the members are the nodes
 * heard from within three heartbeats (by this node's own clock).
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
  /** Heartbeats as this node received them, with its own receipt time. */
  const heard = new Map<string, { info: MemberInfo; at: number }>();
  let members: MemberInfo[] = [];
  let changedAt = now();
  let timer: ReturnType<typeof setInterval> | undefined;
  let watch: Awaited<ReturnType<KV['watch']>> | undefined;
  const refresh = () => {
    const t = now();
    const next = [...heard.values()].filter((h) => t - h.at < 3 * deps.intervalMs + 1000).map((h) => h.info);
    next.sort((a, b) => a.node.localeCompare(b.node));
    if (next.map((m) => m.node).join() !== members.map((m) => m.node).join()) changedAt = t;
    members = next;
  };
  const beat = async () => {
    await deps.kv.put(deps.nodeId, JSON.stringify({ node: deps.nodeId, ...deps.self() }));
    refresh();
  };
  return {
    list: () => (members.some((m) => m.node === deps.nodeId) ? members.map((m) => m.node) : [...members.map((m) => m.node), deps.nodeId]),
    info: () => members,
    stableFor: () => now() - changedAt,
    async start() {
      watch = await deps.kv.watch();
      void (async () => {
        for await (const e of watch!) {
          if (e.operation === 'PUT') heard.set(e.key, { info: e.json<MemberInfo>(), at: now() });
          else heard.delete(e.key);
        }
      })().catch((err) => deps.log.warn({ err: (err as Error).message }, 'cluster member watch ended'));
      await beat();
      timer = setInterval(() => void beat().catch((err) => deps.log.warn({ err: (err as Error).message }, 'cluster heartbeat failed')), deps.intervalMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      watch?.stop();
      await deps.kv.delete(deps.nodeId).catch(() => undefined);
    },
  };
}
