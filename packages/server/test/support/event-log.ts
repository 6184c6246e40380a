import type { CtiEvent } from '@amiable/protocol';
import type { Principal } from '../../src/identity/index.ts';
import type { TestServer } from './test-server.ts';

const OBSERVER: Principal = {
  userId: 'test-observer',
  username: 'test-observer',
  role: 'admin',
  extensions: [],
  queues: [],
  agents: [],
  teams: [],
  via: 'token',
};

/**
 * Every CTI event the server delivers, as an admin's stream receives it through the real router
 * (scope, permission and order included). `stop()` detaches.
 */
export function recordEvents(server: TestServer): { events: CtiEvent[]; of<K extends CtiEvent['type']>(type: K): Array<Extract<CtiEvent, { type: K }>>; stop(): void } {
  const events: CtiEvent[] = [];
  const transport = {
    send(data: string, done: (err?: Error) => void) {
      const frame = JSON.parse(data) as { type?: string; event?: CtiEvent };
      const event = frame.event ?? (frame as unknown as CtiEvent);
      if (event && typeof event.type === 'string') events.push(event);
      done();
    },
    bufferedAmount: () => 0,
    close() {},
  };
  const router = server.app.gateway.router;
  const { stream } = router.connect({ principal: OBSERVER, transport });
  stream.start();
  return {
    events,
    of: (type) => events.filter((e) => e.type === type) as never,
    stop: () => router.disconnected(stream, transport),
  };
}
