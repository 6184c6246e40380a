import { AmiMessage } from '@amiable/ami';
import type { CtiEvent } from '@amiable/protocol';
import { type ConsumerMessages, DeliverPolicy, type NatsConnection } from 'nats';
import type { AmiListener, CtiBus, CtiListener } from './cti-bus.ts';
import { createCtiHistory } from './cti-history.ts';
import { ensureStream, eventStreamConfig } from './nats-streams.ts';
import { AMI_STREAM, amiSubject, CTI_STREAM, ctiStreamSubjects, ctiSubject, token } from './subjects.ts';

export interface NatsBus extends CtiBus {
  /** Stream sequence of the last CTI event this node delivered to its router. */
  lastDelivered(): number;
  /** CTI events in the stream not yet delivered to this node's router. */
  lag(): Promise<number>;
}

type Log = { warn(o: object, m?: string): void; error(o: object, m?: string): void };

/**
 * The bus in cluster mode. The owner publishes CTI events to the `AMIABLE_CTI` stream under
 * `cti.<pbx>.<scope-kind>.<key>.<type>` and raw AMI to `AMIABLE_AMI` under `ami.<pbx>.<Event>`;
 * every node reads both with ordered consumers and feeds its own router and AMI port, so a
 * node's clients see the same events whichever node owns the PBX.
 */
export async function createNatsBus(deps: {
  nc: NatsConnection;
  pbxs: readonly string[];
  retentionSeconds: number;
  replicas: number;
  log: Log;
}): Promise<NatsBus> {
  const jsm = await deps.nc.jetstreamManager();
  await ensureStream(jsm, eventStreamConfig(CTI_STREAM, ctiStreamSubjects(deps.pbxs), deps.retentionSeconds, deps.replicas));
  await ensureStream(
    jsm,
    eventStreamConfig(AMI_STREAM, deps.pbxs.map((p) => `ami.${token(p)}.>`), deps.retentionSeconds, deps.replicas),
  );
  const js = deps.nc.jetstream();
  const cti = new Set<CtiListener>();
  const ami = new Set<AmiListener>();
  const open: ConsumerMessages[] = [];
  let delivered = 0;
  let closed = false;

  const publish = (subject: string, data: string) => {
    js.publish(subject, data).catch((err) => {
      if (!closed) deps.log.error({ subject, err: (err as Error).message }, 'event not published to the cluster stream');
    });
  };

  const follow = async (stream: string, onMessage: (subject: string, seq: number, data: Uint8Array) => void) => {
    // From the next message on; the CTI stream's head is then where this node's clients start.
    const last = (await jsm.streams.info(stream)).state.last_seq;
    if (stream === CTI_STREAM) delivered = last;
    const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: last + 1 });
    const messages = await consumer.consume();
    open.push(messages);
    void (async () => {
      for await (const m of messages) {
        try {
          onMessage(m.subject, m.seq, m.data);
        } catch (err) {
          deps.log.error({ stream, seq: m.seq, err: (err as Error).message }, 'cluster event not delivered');
        }
      }
    })();
  };

  const decoder = new TextDecoder();
  await follow(CTI_STREAM, (_subject, seq, data) => {
    delivered = seq;
    const event = JSON.parse(decoder.decode(data)) as CtiEvent;
    for (const l of cti) l(event, seq);
  });
  let followingAmi = false;

  return {
    history: createCtiHistory({ js, jsm, head: () => delivered, retentionSeconds: deps.retentionSeconds }),
    publishCti: (event) => publish(ctiSubject(event), JSON.stringify(event)),
    subscribeCti(listener) {
      cti.add(listener);
      return () => cti.delete(listener);
    },
    publishAmi: (pbx, msg) => publish(amiSubject(pbx, msg.event), JSON.stringify({ pbx, at: msg.receivedAt, fields: msg.fields })),
    subscribeAmi(listener) {
      ami.add(listener);
      if (!followingAmi) {
        followingAmi = true;
        void follow(AMI_STREAM, (_subject, _seq, data) => {
        const m = JSON.parse(decoder.decode(data)) as { pbx: string; at: number; fields: string[] };
        const msg = new AmiMessage(m.fields, m.at);
        for (const l of ami) l(m.pbx, msg);
      }).catch((err) => deps.log.error({ err: (err as Error).message }, 'AMI stream not followed'));
      }
      return () => ami.delete(listener);
    },
    lastDelivered: () => delivered,
    async lag() {
      const info = await jsm.streams.info(CTI_STREAM);
      return Math.max(0, info.state.last_seq - delivered);
    },
    async close() {
      closed = true;
      for (const m of open) m.stop();
      cti.clear();
      ami.clear();
    },
  };
}
