import { afterEach } from 'vitest';
import { type AmiClient, type AmiClientOptions, createAmiClient } from '../../src/index.ts';
import { FakeAmi, type FakeAmiOptions } from './fake-ami.ts';

/**
 * A client on an in-memory transport, talking to a FakeAmi. Clients are closed
 * after each test. Keepalive and reconnect are off unless the test turns them on.
 */
export function setupClients() {
  const clients: AmiClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  return function start(
    fakeOptions: FakeAmiOptions = {},
    options: Partial<AmiClientOptions> = {},
  ): { fake: FakeAmi; client: AmiClient } {
    const fake = new FakeAmi(fakeOptions);
    const client = createAmiClient({
      username: 'cti',
      secret: 'ctisecret',
      keepalive: false,
      reconnect: false,
      transport: fake.connector(),
      ...options,
    });
    clients.push(client);
    return { fake, client };
  };
}
