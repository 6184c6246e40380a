import { type Socket, connect } from 'node:net';
import { type AmiMessage, AmiParser, encodeAction } from '@amiable/ami';

/**
 * A minimal AMI client for tests: raw TCP, AmiParser with the banner, every
 * message kept in arrival order. Deliberately independent of the project's
 * AMI client.
 */
export class RawAmiClient {
  readonly socket: Socket;
  readonly messages: AmiMessage[] = [];
  readonly raw: Buffer[] = [];
  banner: string | undefined;
  closed = false;
  #waiters: Array<{ pred: (m: AmiMessage) => boolean; resolve: (m: AmiMessage) => void }> = [];
  #closeWaiters: Array<() => void> = [];
  #bannerWaiter: (() => void) | undefined;
  #seq = 0;

  private constructor(socket: Socket) {
    this.socket = socket;
    const parser = new AmiParser(
      {
        banner: (line) => {
          this.banner = line;
          this.#bannerWaiter?.();
        },
        message: (m) => {
          this.messages.push(m);
          this.#waiters = this.#waiters.filter((w) => {
            if (!w.pred(m)) return true;
            w.resolve(m);
            return false;
          });
        },
      },
      { expectBanner: true },
    );
    socket.on('data', (chunk: Buffer) => {
      this.raw.push(chunk);
      parser.push(chunk);
    });
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.#closeWaiters) w();
    });
    socket.on('error', () => {});
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawAmiClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      const client = new RawAmiClient(socket);
      socket.once('error', reject);
      client.#bannerWaiter = () => resolve(client);
    });
  }

  /** Write raw bytes exactly as given. */
  write(text: string | Buffer): void {
    this.socket.write(text);
  }

  /** Send an action (an ActionID is added when missing) and wait for its response. */
  action(fields: Record<string, string | string[]>, timeoutMs = 2000): Promise<AmiMessage> {
    const id = fields.ActionID ?? `t-${++this.#seq}`;
    const wait = this.waitFor((m) => m.kind === 'response' && m.actionId === id, timeoutMs);
    this.write(encodeAction({ ...fields, ActionID: id } as unknown as { Action: string }));
    return wait;
  }

  login(username = 'cti', secret = 'ctisecret', events = 'on'): Promise<AmiMessage> {
    return this.action({ Action: 'Login', Username: username, Secret: secret, Events: events });
  }

  waitFor(pred: (m: AmiMessage) => boolean, timeoutMs = 2000): Promise<AmiMessage> {
    const found = this.messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Timed out waiting for an AMI message')), timeoutMs);
      this.#waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  waitClosed(timeoutMs = 2000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Timed out waiting for close')), timeoutMs);
      this.#closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  events(name?: string): AmiMessage[] {
    return this.messages.filter((m) => m.kind === 'event' && (name === undefined || m.event === name));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Let pending socket writes and reads go through. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
