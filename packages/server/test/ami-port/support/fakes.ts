import { AmiMessage } from '@amiable/ami';
import { type AmiPortServer, type AmiPortServerDeps, createAmiPortServer } from '../../../src/ami-port/index.ts';
import type { AmiPortAuditEntry, AmiPortPrincipal } from '../../../src/ami-port/ports.ts';

/** The server's upstream AMI connection, faked: it records what it is asked and answers like Asterisk. */
export class FakeUpstream {
  readonly received: Array<{ pbxId: string; action: Array<[string, string]> }> = [];
  #n = 0;
  /** Builds the reply; default: `Response: Success`, `Message: <Action> done`. */
  reply: (action: Array<[string, string]>, actionId: string) => Array<[string, string]> | Promise<Array<[string, string]>> = (action, id) => [
    ['Response', 'Success'],
    ['ActionID', id],
    ['Message', `${action[0]![1]} done`],
  ];

  send = async (pbxId: string, action: ReadonlyArray<readonly [string, string]>): Promise<AmiMessage> => {
    const copy = action.map(([k, v]) => [k, v] as [string, string]);
    this.received.push({ pbxId, action: copy });
    const id = `up-${++this.#n}`;
    return new AmiMessage((await this.reply(copy, id)).flat());
  };
}

export class FakeEvents {
  #listener: ((pbxId: string, msg: AmiMessage) => void) | undefined;
  subscribe = (listener: (pbxId: string, msg: AmiMessage) => void) => {
    this.#listener = listener;
    return () => {
      this.#listener = undefined;
    };
  };
  emit(msg: AmiMessage | Array<[string, string]>, pbxId = 'pbx1'): void {
    this.#listener?.(pbxId, msg instanceof AmiMessage ? msg : new AmiMessage(msg.flat()));
  }
}

export interface TestAccount {
  password: string;
  principal: AmiPortPrincipal;
  /** A separate AMI-port secret enables MD5 challenge login for the account. */
  amiSecret?: string;
}

export const ACCOUNTS: Record<string, TestAccount> = {
  agent1003: {
    password: 'pw-1003',
    amiSecret: 'ami-1003',
    principal: { userId: 'u-1003', username: 'agent1003', role: 'agent', extensions: ['1003'], queues: ['lang-en'], agents: [] },
  },
  agent1004: {
    password: 'pw-1004',
    principal: { userId: 'u-1004', username: 'agent1004', role: 'agent', extensions: ['1004'], queues: ['lang-en'], agents: [] },
  },
  admin: {
    password: 'pw-admin',
    principal: { userId: 'u-admin', username: 'admin', role: 'admin', extensions: [], queues: [], agents: [] },
  },
};

export interface Harness {
  server: AmiPortServer;
  port: number;
  upstream: FakeUpstream;
  events: FakeEvents;
  audit: AmiPortAuditEntry[];
  close(): Promise<void>;
}

/** The port on 127.0.0.1 and an ephemeral port, with in-memory fakes for every dependency. */
export async function startPort(
  options: { config?: AmiPortServerDeps['config']; md5?: boolean; accounts?: Record<string, TestAccount> } = {},
): Promise<Harness> {
  const accounts = options.accounts ?? ACCOUNTS;
  const upstream = new FakeUpstream();
  const events = new FakeEvents();
  const audit: AmiPortAuditEntry[] = [];
  const server = createAmiPortServer({
    credentials: {
      authenticate: async (username, password) => {
        const account = accounts[username];
        return account && account.password === password ? account.principal : null;
      },
      ...(options.md5 === false
        ? {}
        : {
            challengeSecret: (username: string) => {
              const account = accounts[username];
              return account?.amiSecret ? { principal: account.principal, secret: account.amiSecret } : null;
            },
          }),
    },
    upstream,
    events,
    audit: (entry) => {
      audit.push(entry);
    },
    config: { failedLoginDelayMs: 10, allowedContext: 'internal', defaultPbxId: 'pbx1', ...options.config },
  });
  const { port } = await server.listen({ host: '127.0.0.1', port: 0 });
  return { server, port, upstream, events, audit, close: () => server.close() };
}

/** Polls `cond` until it holds (for state the server updates after the client already noticed). */
export async function eventually(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
