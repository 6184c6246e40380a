import { type JetStreamManager, RetentionPolicy, StorageType, type StreamConfig } from 'nats';

/** Creates a stream, or brings an existing one to this configuration (several nodes start at once). */
export async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
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
