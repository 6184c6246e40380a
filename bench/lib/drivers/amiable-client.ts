import { createAmiClient, createTcpTransport } from '@amiable/ami';
import type { TcpTarget } from './asterisk-manager.ts';
import { countEvent, type AmiReader, type LiveTally } from './reader.ts';

/**
 * Our AMI client over real TCP: TCP transport, login with `Events: on`, one
 * synchronous event listener. Keepalive and reconnect are off so that nothing
 * but the event stream runs during the measurement.
 */
export async function amiableClientReader(target: TcpTarget, tally: LiveTally): Promise<AmiReader> {
  const client = createAmiClient({
    transport: () => createTcpTransport({ host: target.host, port: target.port, keepAliveMs: 0 }),
    username: target.username,
    secret: target.secret,
    keepalive: false,
    reconnect: false,
  });
  const failures: Error[] = [];
  client.onError((err) => failures.push(err));
  client.onEvent((event) => {
    if (event.event !== undefined) countEvent(tally, event.event);
  });
  await client.connect();
  return {
    label: 'amiable',
    tally,
    close: async () => {
      await client.close();
      if (failures.length > 0) throw new Error(`the AMI client reported: ${failures.map((e) => e.message).join('; ')}`);
    },
  };
}
