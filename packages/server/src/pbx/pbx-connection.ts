import {
  type AmiActionInput,
  type AmiClient,
  type AmiEventMeta,
  type AmiMessage,
  type AmiTransportFactory,
  createAmiClient,
  createTcpTransport,
  createTlsTransport,
} from '@amiable/ami';
import { readFileSync } from 'node:fs';
import type { PbxConfig } from '../config/index.ts';
import type { Expectation } from '../features/common/pbx-link.ts';
import { ServiceErrors } from '../features/common/service-errors.ts';
import { type DomainChange, PbxModel, resyncModel, type SnapshotLists } from '../telephony/index.ts';
import { ResyncFailedError } from './errors.ts';
import { fencedTransport } from './fenced-transport.ts';
import { EventExpectations } from './event-expectations.ts';

export type PbxState = 'connecting' | 'resyncing' | 'ready' | 'down' | 'closed';

export interface PbxListener {
  /** Every live event, after the model applied it. */
  event?(pbx: string, message: AmiMessage, meta: AmiEventMeta): void;
  changes?(pbx: string, changes: readonly DomainChange[], model: PbxModel): void;
  /** A resync swapped the model in; `restarted` when Asterisk itself restarted. */
  resynced?(pbx: string, info: { restarted: boolean; changes: readonly DomainChange[]; model: PbxModel }): void;
  state?(pbx: string, state: PbxState, detail: string | undefined): void;
}

export interface PbxConnectionDeps {
  config: PbxConfig;
  listener: PbxListener;
  now?: () => number;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** Override the transport (tests). */
  transport?: AmiTransportFactory;
  /** Cluster mode: bytes go to Asterisk only while this holds (the PBX lease); see fenced-transport.ts. */
  fence?: { allowed: () => boolean; refused: () => void };
  keepalive?: { intervalMs: number; timeoutMs: number } | false;
}

const SNAPSHOT_ACTIONS: Array<[keyof SnapshotLists, string]> = [
  ['channels', 'CoreShowChannels'],
  ['bridges', 'BridgeList'],
  ['queueStatus', 'QueueStatus'],
  ['deviceStates', 'DeviceStateList'],
  ['extensionStates', 'ExtensionStateList'],
];

/**
 * The one AMI connection to one Asterisk, and its live model. After every
 * (re)connect it resyncs in the documented order: log in, take the snapshots,
 * swap the model atomically, apply the events held meanwhile, then report ready
 * so the owner can re-apply what the CTI server owns.
 */
export class PbxConnection {
  readonly id: string;
  model: PbxModel;
  readonly client: AmiClient;
  state: PbxState = 'connecting';
  startupKey: string | undefined;
  readonly #deps: PbxConnectionDeps;
  readonly #expectations = new EventExpectations();
  readonly #now: () => number;

  constructor(deps: PbxConnectionDeps) {
    this.#deps = deps;
    this.id = deps.config.id;
    this.#now = deps.now ?? Date.now;
    this.model = new PbxModel({ pbx: this.id });
    const c = deps.config;
    this.client = createAmiClient({
      username: c.username,
      secret: c.secret,
      auth: c.authType,
      events: 'on',
      transport: deps.fence
        ? fencedTransport(deps.transport ?? this.#transport(c), deps.fence.allowed, deps.fence.refused)
        : (deps.transport ?? this.#transport(c)),
      keepalive: deps.keepalive ?? { intervalMs: 5000, timeoutMs: 10000 },
      resyncEvents: 'buffer',
      onConnected: (client) => this.#resync(client),
    });
    this.client.onEvent((msg, meta) => this.#onEvent(msg, meta));
    this.client.onStatus((s) => {
      const map: Record<string, PbxState> = {
        connecting: 'connecting',
        authenticating: 'connecting',
        resyncing: 'resyncing',
        ready: 'ready',
        reconnecting: 'down',
        closed: 'closed',
      };
      const next = map[s.to] ?? 'down';
      if (next === 'down' || next === 'closed') {
        this.#expectations.failAll(ServiceErrors.pbxUnavailable(`The connection to ${this.id} dropped`));
      }
      this.state = next;
      deps.listener.state?.(this.id, next, s.reason);
    });
    this.client.onError((err) => deps.log?.warn({ pbx: this.id, err: err.message }, 'AMI connection error'));
  }

  async start(): Promise<void> {
    await this.client.connect();
  }

  async close(): Promise<void> {
    this.#expectations.failAll(ServiceErrors.pbxUnavailable(`The connection to ${this.id} is closing`));
    await this.client.close();
  }

  isReady(): boolean {
    return this.state === 'ready';
  }

  send(action: AmiActionInput): Promise<AmiMessage> {
    return this.client.send(action);
  }

  expect(match: (m: AmiMessage) => boolean, timeoutMs: number): Expectation {
    return this.#expectations.expect(match, timeoutMs);
  }

  #onEvent(msg: AmiMessage, meta: AmiEventMeta): void {
    const changes = this.model.apply(msg, msg.receivedAt);
    if (changes.length > 0) this.#deps.listener.changes?.(this.id, changes, this.model);
    this.#expectations.offer(msg);
    this.#deps.listener.event?.(this.id, msg, meta);
  }

  async #resync(client: AmiClient): Promise<void> {
    const started = this.#now();
    const status = await client.send({ Action: 'CoreStatus' }, { allowError: true });
    const startupKey = `${status.get('CoreStartupDate') ?? ''} ${status.get('CoreStartupTime') ?? ''}`.trim() || undefined;
    const restarted = this.startupKey !== undefined && startupKey !== undefined && startupKey !== this.startupKey;
    this.startupKey = startupKey ?? this.startupKey;
    const lists: Record<string, AmiMessage[]> = {};
    const results = await Promise.all(
      SNAPSHOT_ACTIONS.map(([, action]) =>
        client.sendList({ Action: action }, { allowError: true }).catch((err: Error) => ({ error: err.message })),
      ),
    );
    // A refused or failed list would make an empty part of the model: fail the whole resync
    // instead, keep the model in use, and let the client reconnect with backoff.
    const failed: Array<{ action: string; reason: string }> = [];
    SNAPSHOT_ACTIONS.forEach(([key, action], i) => {
      const r = results[i]!;
      if ('error' in r) failed.push({ action, reason: r.error });
      else if (r.response.response === 'Error') failed.push({ action, reason: r.response.get('Message') ?? 'Error' });
      else lists[key] = r.events;
    });
    if (failed.length > 0) {
      this.#deps.log?.warn({ pbx: this.id, failed }, 'resync failed: a snapshot list was refused; keeping the current model and retrying');
      throw new ResyncFailedError(`Resync of ${this.id} failed: ${failed.map((f) => `${f.action} (${f.reason})`).join(', ')}`, {
        pbx: this.id,
        failed,
      });
    }
    const { model, changes } = resyncModel(this.model, lists as SnapshotLists, this.#now(), { restarted });
    this.model = model;
    this.#deps.log?.info(
      { pbx: this.id, ms: this.#now() - started, channels: model.channels.size, restarted },
      'resync complete',
    );
    this.#deps.listener.resynced?.(this.id, { restarted, changes, model });
  }

  #transport(c: PbxConfig): AmiTransportFactory {
    if (c.tls) {
      const tls = c.tls;
      return () =>
        createTlsTransport({
          host: c.host,
          port: c.port,
          rejectUnauthorized: tls.rejectUnauthorized,
          ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
          ...(tls.servername ? { servername: tls.servername } : {}),
        });
    }
    return () => createTcpTransport({ host: c.host, port: c.port });
  }
}
