import { Gauge, type Registry } from 'prom-client';
import type { DurableStorage } from './durable-storage.ts';
import { SPOOL_LANES } from './spool.ts';

/** Prometheus view of the disk spool: backlog per lane, bytes, drops, spooling state. */
export function registerSpoolMetrics(registry: Registry, storage: Pick<DurableStorage, 'stats'>): void {
  new Gauge({
    name: 'amiable_spool_backlog_records',
    help: 'Records waiting in the disk spool for the database, per lane (an archive record is one batch)',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      const s = storage.stats();
      for (const lane of SPOOL_LANES) this.set({ lane }, s.records[lane]);
    },
  });
  new Gauge({
    name: 'amiable_spool_backlog_bytes',
    help: 'Bytes waiting in the disk spool',
    registers: [registry],
    collect() {
      this.set(storage.stats().bytes);
    },
  });
  new Gauge({
    name: 'amiable_spool_max_bytes',
    help: 'Bound of the disk spool',
    registers: [registry],
    collect() {
      this.set(storage.stats().maxBytes);
    },
  });
  new Gauge({
    name: 'amiable_spool_dropped_records',
    help: 'Spooled records dropped because the spool was full, per lane (since start)',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      const s = storage.stats();
      for (const lane of SPOOL_LANES) this.set({ lane }, s.dropped[lane]);
    },
  });
  new Gauge({
    name: 'amiable_spool_spooling',
    help: '1 while the lane writes to the disk spool instead of the database',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      const s = storage.stats();
      for (const lane of SPOOL_LANES) this.set({ lane }, s.lanes[lane]?.mode === 'spooling' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'amiable_spool_replayed_records',
    help: 'Records written back to the database from the spool, per lane (since start)',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      const s = storage.stats();
      for (const lane of SPOOL_LANES) this.set({ lane }, s.lanes[lane]?.replayed ?? 0);
    },
  });
}
