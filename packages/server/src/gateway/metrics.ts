import { isEventType, PBX_CONNECTION_STATES } from '@amiable/protocol';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RouterMetrics } from './router/types.ts';

export interface RouterStatsSource {
  stats(): { streams: number; connected: number; queueDepths: number[] };
}

/**
 * Prometheus metrics of one gateway instance, in a registry of its own (no global state, so
 * several apps can live in one process, as in tests).
 */
export function createGatewayMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'amiable_' });
  let source: RouterStatsSource | undefined;

  const eventsIn = new Counter({
    name: 'amiable_gateway_events_in_total',
    help: 'CTI events published to the router',
    labelNames: ['type'],
    registers: [registry],
  });
  const eventsOut = new Counter({
    name: 'amiable_gateway_events_out_total',
    help: 'Event frames written to client sockets',
    registers: [registry],
  });
  const denied = new Counter({
    name: 'amiable_gateway_events_undeclared_total',
    help: 'Events dropped because their type is not in the catalogue',
    labelNames: ['type'],
    registers: [registry],
  });
  const slowDropped = new Counter({
    name: 'amiable_gateway_slow_clients_dropped_total',
    help: 'Clients disconnected because their outbound queue overflowed',
    registers: [registry],
  });
  const commands = new Counter({
    name: 'amiable_gateway_commands_total',
    help: 'Commands by name and result code',
    labelNames: ['command', 'result'],
    registers: [registry],
  });
  new Gauge({
    name: 'amiable_gateway_clients_connected',
    help: 'WebSocket clients connected now',
    registers: [registry],
    collect() {
      this.set(source?.stats().connected ?? 0);
    },
  });
  new Gauge({
    name: 'amiable_gateway_streams_retained',
    help: 'Client streams kept (connected or waiting for resume)',
    registers: [registry],
    collect() {
      this.set(source?.stats().streams ?? 0);
    },
  });
  const depth = new Histogram({
    name: 'amiable_gateway_client_queue_depth',
    help: 'Outbound queue depth per connected client, sampled at scrape time',
    buckets: [0, 1, 10, 100, 1000, 10_000],
    registers: [registry],
  });
  new Gauge({
    name: 'amiable_gateway_client_queue_depth_max',
    help: 'Deepest outbound queue among connected clients',
    registers: [registry],
    collect() {
      const depths = source?.stats().queueDepths ?? [];
      depth.reset();
      for (const d of depths) depth.observe(d);
      this.set(depths.length ? Math.max(...depths) : 0);
    },
  });
  const amiState = new Gauge({
    name: 'amiable_ami_connection_state',
    help: 'AMI connection state per PBX (1 for the current state)',
    labelNames: ['pbx', 'state'],
    registers: [registry],
  });

  const setAmiState = (pbx: string, state: string) => {
    for (const s of PBX_CONNECTION_STATES) amiState.set({ pbx, state: s }, s === state ? 1 : 0);
  };

  const router: RouterMetrics = {
    eventIn(event) {
      eventsIn.inc({ type: isEventType(event.type) ? event.type : 'undeclared' });
      if (event.type === 'pbx.connection') {
        const { pbx, state } = event.payload as { pbx: string; state: string };
        setAmiState(pbx, state);
      }
    },
    eventsOut(count) {
      eventsOut.inc(count);
    },
    slowConsumerDropped() {
      slowDropped.inc();
    },
    eventDenied(type) {
      denied.inc({ type: type.slice(0, 64) });
    },
  };

  return {
    registry,
    router,
    setRouter(stats: RouterStatsSource) {
      source = stats;
    },
    command(name: string, result: string) {
      commands.inc({ command: name, result });
    },
    amiState: setAmiState,
  };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
