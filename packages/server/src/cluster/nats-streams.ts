import { type JetStreamManager, RetentionPolicy, StorageType, type StreamConfig } from 'nats';

/** What a NATS cluster answers while its servers are still joining: worth asking again. */
const TRANSIENT = /no suitable peers|insufficient resources|timeout|jetstream not (enabled|available)/i;

/**
 * Runs `run`, asking again for up to `patienceMs` while the NATS cluster is still forming (it
 * refuses replicated streams and buckets for a few seconds after its servers start).
 */
export async function whileClusterForms<T>(run: () => Promise<T>, patienceMs = 30_000): Promise<T> {
  const until = Date.now() + patienceMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await run();
    } catch (err) {
      if (!TRANSIENT.test((err as Error).message) || Date.now() + delay > until) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Creates a stream, or brings an existing one to this configuration (several nodes start at once). */
export function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  return whileClusterForms(() => ensureStreamOnce(jsm, config));
}

async function ensureStreamOnce(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (err) {
    if (!/not found/i.test((err as Error).message)) throw err;
    try {
      await jsm.streams.add(config);
    } catch (again) {
      if (!/already in use/i.test((again as Error).message)) throw again;
    }
  }
}

/** An event stream with a time limit: file storage, replicated, limits retention. */
export function eventStreamConfig(name: string, subjects: string[], retentionSeconds: number, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: retentionSeconds * 1_000_000_000,
    num_replicas: replicas,
    // JetStream refuses a duplicate window longer than the retention.
    duplicate_window: Math.min(120, retentionSeconds) * 1_000_000_000,
  };
}
