import { PbxSimConfigError, PbxSimUnknownQueueError } from '../errors.ts';
import type { PbxEngine } from '../engine/engine.ts';
import type { Task } from '../time/scheduler.ts';
import { type Random, createRandom } from '../util/random.ts';
import { type CallerProfile, randomCaller } from './caller-directory.ts';

export interface GeneratorOptions {
  /** Agents to sign in: a count (the first N endpoints) or endpoint names. Default 6. */
  agents?: number | string[];
  /** Queues to feed. Default: every configured queue. */
  queues?: string[];
  /** Queues each agent joins, assigned round-robin. Default 2. */
  queuesPerAgent?: number;
  /** Mean call arrivals per second (Poisson process). Default 0.5. */
  rate?: number;
  /** Talk time in ms: normal distribution, never below 2 s. Default 60000 ± 20000. */
  talkTimeMs?: { mean: number; stdDev?: number };
  /** Mean caller patience in ms (exponential): unanswered callers hang up after it. Default 120000. */
  patienceMs?: number;
  /** Range of the agents' answer delay in ms. Default 1000–4000. */
  answerDelayMs?: { min: number; max: number };
  /** Share of agents whose phone never answers (rings out, the queue moves on). Default 0. */
  noAnswerShare?: number;
  /** Share of calls the agent ends; the customer ends the rest. Default 0.3. */
  agentHangupShare?: number;
  /** Relative weight of each queue for arrivals. Default equal. */
  queueWeights?: Record<string, number>;
  /** Customers to call in as; default: generated names and numbers per language. */
  callers?: CallerProfile[];
  /** Seed for this generator's choices. Default: the PBX seed. */
  seed?: number;
  /** Stop after this many calls. */
  maxCalls?: number;
  /** Place this many calls at once when starting (benchmarks). */
  burst?: number;
  /** Add the agents to their queues at start. Default true. */
  signIn?: boolean;
}

export interface Generator {
  readonly running: boolean;
  /** Calls placed so far. */
  readonly placed: number;
  /** Place `n` calls now. */
  burst(n: number): void;
  stop(): void;
}

function languageOf(queue: string): string {
  return /^lang-([a-z]{2})$/.exec(queue)?.[1] ?? 'en';
}

/**
 * The scenario generator: signs agents in, then places customer calls with
 * Poisson arrivals, random talk times, patience and answer delays. All choices
 * come from a seeded generator and all timing from the PBX scheduler, so with
 * a ManualClock the same seed gives the same event stream.
 */
export function startGenerator(engine: PbxEngine, opts: GeneratorOptions = {}): Generator {
  const core = engine.core;
  const rng: Random = createRandom(opts.seed ?? core.config.seed);
  const queues = opts.queues ?? core.config.queues.map((q) => q.name);
  for (const q of queues) if (!core.queues.has(q)) throw new PbxSimUnknownQueueError(q);
  if (queues.length === 0) throw new PbxSimConfigError('The generator needs at least one queue');
  const agents = Array.isArray(opts.agents) ? opts.agents : core.config.endpoints.slice(0, opts.agents ?? 6);
  const rate = opts.rate ?? 0.5;
  if (!(rate > 0)) throw new PbxSimConfigError('rate must be > 0', { rate });
  const perAgent = Math.min(queues.length, Math.max(1, opts.queuesPerAgent ?? 2));
  const delay = opts.answerDelayMs ?? { min: 1000, max: 4000 };
  const talk = opts.talkTimeMs ?? { mean: 60000, stdDev: 20000 };
  const weights = queues.map((q) => opts.queueWeights?.[q] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);

  agents.forEach((endpoint, i) => {
    const noAnswer = rng.next() < (opts.noAnswerShare ?? 0);
    core.phones.set(endpoint, noAnswer ? { mode: 'noanswer' } : { mode: 'answer', answerAfterMs: rng.int(delay.min, delay.max) });
    if (opts.signIn === false) return;
    for (let j = 0; j < perAgent; j++) {
      const queue = queues[(i + j) % queues.length]!;
      const q = core.queues.get(queue)!;
      if (q.members.some((m) => m.iface === `PJSIP/${endpoint}`)) continue;
      engine.queues.add({ queue, iface: `PJSIP/${endpoint}`, stateInterface: `PJSIP/${endpoint}`, memberName: core.config.endpointNames[endpoint] });
    }
  });

  let running = true;
  let placed = 0;
  let next: Task | undefined;

  const pickQueue = (): string => {
    let x = rng.next() * total;
    for (let i = 0; i < queues.length; i++) {
      x -= weights[i]!;
      if (x < 0) return queues[i]!;
    }
    return queues[queues.length - 1]!;
  };

  const placeOne = (): void => {
    if (opts.maxCalls !== undefined && placed >= opts.maxCalls) {
      running = false;
      return;
    }
    const queue = pickQueue();
    const who = randomCaller(rng, languageOf(queue), opts.callers);
    placed++;
    engine.placeCall({
      queue,
      callerNumber: who.number,
      callerName: who.name,
      talkMs: Math.max(2000, Math.round(rng.normal(talk.mean, talk.stdDev ?? talk.mean / 3))),
      patienceMs: Math.round(rng.exponential(opts.patienceMs ?? 120000)),
      endedBy: rng.next() < (opts.agentHangupShare ?? 0.3) ? 'agent' : 'caller',
    });
  };

  const arrive = (): void => {
    if (!running) return;
    placeOne();
    if (running) next = core.scheduler.after(rng.exponential(1000 / rate), arrive);
  };

  for (let i = 0; i < (opts.burst ?? 0); i++) placeOne();
  next = core.scheduler.after(rng.exponential(1000 / rate), arrive);

  return {
    get running() {
      return running;
    },
    get placed() {
      return placed;
    },
    burst(n) {
      for (let i = 0; i < n; i++) placeOne();
    },
    stop() {
      running = false;
      next?.cancel();
    },
  };
}
