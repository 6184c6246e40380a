import { EventBus, type BusEvent } from './ami/event-bus.ts';
import { ALL_PERMS, PERM } from './ami/permissions.ts';
import { AmiServer } from './ami/server.ts';
import { type PhoneBehaviour, type SimUser, type SimulatedPbxOptions, resolveConfig } from './config.ts';
import { PbxSimInvalidStateError } from './errors.ts';
import { PbxCore } from './engine/core.ts';
import { type CallHandle, PbxEngine, type PlaceCallOptions } from './engine/engine.ts';
import { type Generator, type GeneratorOptions, startGenerator } from './generator/generator.ts';
import { type PbxSnapshot, snapshotOf } from './snapshot.ts';
import { type SimClock, createRealClock } from './time/clock.ts';
import { Scheduler } from './time/scheduler.ts';
import { createRandom } from './util/random.ts';

/** What a connected AMI client looked like to the PBX. */
export interface SessionInfo {
  readonly id: number;
  readonly username: string | undefined;
  readonly remotePort: number;
  readonly closed: boolean;
  /** Every byte the client sent, as received (chunks in arrival order). */
  readonly received: readonly Buffer[];
  /** The same bytes, concatenated. */
  receivedBytes(): Buffer;
}

export interface EventTap {
  /** Class bits to receive. Default: all. */
  mask?: number;
  onEvent(event: BusEvent): void;
}

export interface SimulatedPbx {
  readonly port: number;
  readonly host: string;
  /** The AMI accounts (username, secret, read, write). */
  readonly users: readonly Required<SimUser>[];
  readonly clock: SimClock;
  /** Stop the generator, drop every session, close the listener. */
  close(): Promise<void>;
  /**
   * Simulate an Asterisk restart: every session is dropped, calls and dynamic
   * queue members are lost, channel counters restart, CoreStartupDate/Time
   * and the Uniqueid epoch move on. The listener stays open. With
   * `{ graceful: true }` sessions first get `Event: Shutdown` (Shutdown: Cleanly,
   * Restart: True), as on `core restart gracefully`; by default they are cut as
   * in a crash. A running generator keeps placing calls but does not sign its
   * agents in again: re-applying memberships is the CTI server's job.
   */
  restart(options?: { graceful?: boolean }): void;
  /** Drop every AMI connection without touching calls (a network cut). */
  dropConnections(): void;
  /** A customer call through the trunk (Local/<number>@trunk-sim), into a queue or to an endpoint. */
  placeCall(opts: PlaceCallOptions): CallHandle;
  setPhone(endpoint: string, behaviour: PhoneBehaviour): void;
  /** The endpoint's ringing phone answers now (whatever its behaviour). Returns false if nothing rings. */
  answer(endpoint: string): boolean;
  /** The endpoint's phone hangs up its active call (SIP BYE). Returns false if it has none. */
  hangupPhone(endpoint: string): boolean;
  /** Hang up a channel by name or Uniqueid, as the AMI Hangup action does. */
  hangup(channel: string, cause?: number): boolean;
  /** Add a dynamic member without an AMI session (demo set-up). */
  addMember(queue: string, endpoint: string, opts?: { memberName?: string; paused?: boolean; penalty?: number }): void;
  removeMember(queue: string, endpoint: string): void;
  startGenerator(opts?: GeneratorOptions): Generator;
  stopGenerator(): void;
  readonly generator: Generator | undefined;
  /** Every session since start, in connection order (closed ones included). */
  sessions(): SessionInfo[];
  /** Receive every event in-process, encoded exactly as sessions get it. */
  tap(tap: EventTap): () => void;
  snapshot(): PbxSnapshot;
  /** Events encoded since start. */
  readonly eventsEmitted: number;
}

/**
 * Start the simulated Asterisk: an AMI server on `port` (0 = any free port)
 * that behaves like Asterisk 22.10.1 for what a CTI server uses.
 */
export async function startSimulatedPbx(options: SimulatedPbxOptions = {}): Promise<SimulatedPbx> {
  const config = resolveConfig(options);
  const clock = options.clock ?? createRealClock({ scale: config.scale });
  const scheduler = new Scheduler(clock);
  const bus = new EventBus();
  const core = new PbxCore({ config, scheduler, rng: createRandom(config.seed), bus });
  const engine = new PbxEngine(core);
  const server = new AmiServer({ config, core, engine, bus });
  const port = await server.listen(config.port, config.host);
  let generator: Generator | undefined;
  let generatorOptions: GeneratorOptions | undefined;

  const pbx: SimulatedPbx = {
    port,
    host: config.host,
    users: config.users,
    clock,
    async close() {
      generator?.stop();
      generator = undefined;
      scheduler.stop();
      await server.close();
    },
    restart(options = {}) {
      generator?.stop();
      if (options.graceful) {
        bus.emit('Shutdown', PERM.system, [
          ['Shutdown', 'Cleanly'],
          ['Restart', 'True'],
        ]);
        for (const s of server.sessions) s.end();
      }
      server.dropAll();
      engine.reset();
      // Calls keep arriving; the lost memberships are for the CTI server to re-apply.
      if (generator && generatorOptions) generator = startGenerator(engine, { ...generatorOptions, signIn: false, burst: 0 });
    },
    dropConnections() {
      server.dropAll();
    },
    placeCall: (opts) => engine.placeCall(opts),
    setPhone: (endpoint, behaviour) => core.phones.set(endpoint, behaviour),
    answer: (endpoint) => engine.answer(endpoint),
    hangupPhone: (endpoint) => engine.hangupPhone(endpoint),
    hangup(channel, cause = 16) {
      const ch = core.findChannel(channel);
      if (!ch || ch.hungUp) return false;
      engine.hangupChannel(ch, 'soft', cause);
      return true;
    },
    addMember(queue, endpoint, opts = {}) {
      const r = engine.queues.add({ queue, iface: `PJSIP/${endpoint}`, stateInterface: `PJSIP/${endpoint}`, memberName: opts.memberName ?? config.endpointNames[endpoint], paused: opts.paused, penalty: opts.penalty });
      if (!r.ok) throw new PbxSimInvalidStateError(r.message, { queue, endpoint });
    },
    removeMember(queue, endpoint) {
      const r = engine.queues.remove(queue, `PJSIP/${endpoint}`);
      if (!r.ok) throw new PbxSimInvalidStateError(r.message, { queue, endpoint });
    },
    startGenerator(opts = {}) {
      generator?.stop();
      generatorOptions = opts;
      generator = startGenerator(engine, opts);
      return generator;
    },
    stopGenerator() {
      generator?.stop();
      generator = undefined;
    },
    get generator() {
      return generator;
    },
    sessions: () =>
      server.history.map((s) => ({
        id: s.id,
        username: s.user?.username,
        remotePort: s.remotePort,
        closed: s.closed,
        received: s.received,
        receivedBytes: () => s.receivedBytes(),
      })),
    tap(tap) {
      const mask = tap.mask ?? ALL_PERMS;
      return bus.subscribe({ wants: () => mask, deliver: (e) => tap.onEvent(e) });
    },
    snapshot: () => snapshotOf(core),
    get eventsEmitted() {
      return bus.emitted;
    },
  };
  return pbx;
}
