import type { NodeHealth } from '@amiable/protocol';
import { Gauge, type Registry } from 'prom-client';

/**
 * Cluster gauges on `/metrics`, read from the node's status at scrape time: the PBXs this node
 * owns with their lease age, the members, and the CTI consumer's lag.
 */
export function registerClusterMetrics(registry: Registry, status: () => Promise<NodeHealth>): void {
  let last: Promise<NodeHealth> | undefined;
  const read = () => {
    last ??= status().finally(() => setImmediate(() => (last = undefined)));
    return last;
  };
  new Gauge({
    name: 'amiable_cluster_lease_age_seconds',
    help: 'Age of each PBX lease this node holds (the PBXs it owns), labelled with the node id',
    labelNames: ['node', 'pbx'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      for (const o of s.owned) this.set({ node: s.id, pbx: o.pbx }, o.leaseAgeMs / 1000);
    },
  });
  new Gauge({
    name: 'amiable_cluster_members',
    help: 'Cluster members this node hears from (1 per member node)',
    labelNames: ['node', 'member'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      for (const m of s.members) this.set({ node: s.id, member: m.node }, 1);
    },
  });
  new Gauge({
    name: 'amiable_cluster_consumer_lag',
    help: 'CTI events in the stream not yet delivered to this node',
    labelNames: ['node'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      this.set({ node: s.id }, s.consumerLag);
    },
  });
  new Gauge({
    name: 'amiable_cluster_writer_lag',
    help: 'Database writes (call records, timesheet, archive) in the write stream not yet written, as this node sees the shared writer consumer',
    labelNames: ['node'],
    registers: [registry],
    async collect() {
      const s = await read();
      this.reset();
      this.set({ node: s.id }, s.writerLag ?? 0);
    },
  });
}
