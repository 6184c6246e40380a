import type { CtiEvent } from '@amiable/protocol';
import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from 'nats';
import type { EventHistory } from '../gateway/index.ts';
import { CTI_STREAM } from './subjects.ts';

const dec = new TextDecoder();

/**
 * The `AMIABLE_CTI` stream as the router's event history: a position is a stream sequence (one
 * stream for every PBX, so one order for every node), and the missed events of a client that
 * comes back, on this node or another, are read with an ordered consumer from its seq on. A
 * range the stream no longer holds whole (older than its retention) reads as undefined.
 */
export function createCtiHistory(deps: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  head: () => number;
  retentionSeconds: number;
  timeoutMs?: number;
}): EventHistory {
  return {
    head: deps.head,
    retentionSeconds: deps.retentionSeconds,
    async read(after, upTo) {
      if (upTo <= after) return [];
      const info = await deps.jsm.streams.info(CTI_STREAM);
      if (after + 1 < info.state.first_seq || upTo > info.state.last_seq) return undefined;
      const consumer = await deps.js.consumers.get(CTI_STREAM, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 });
      const messages = await consumer.consume({ max_messages: Math.min(1000, upTo - after) });
      const timer = setTimeout(() => messages.stop(), deps.timeoutMs ?? 10_000);
      const out: Array<{ position: number; event: CtiEvent }> = [];
      try {
        let expected = after + 1;
        for await (const m of messages) {
          // A gap: what the client missed expired meanwhile.
          if (m.seq !== expected) return undefined;
          out.push({ position: m.seq, event: JSON.parse(dec.decode(m.data)) as CtiEvent });
          if (m.seq >= upTo) return out;
          expected++;
        }
        return undefined;
      } finally {
        clearTimeout(timer);
        messages.stop();
      }
    },
  };
}
