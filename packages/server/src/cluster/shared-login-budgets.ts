import { createHash } from 'node:crypto';
import { DiscardPolicy, type JetStreamClient, type JetStreamManager, type KV, RetentionPolicy, StorageType } from 'nats';
import type { Clock } from '../identity/clock.ts';
import { rateLimited } from '../identity/errors.ts';
import type { LoginAttempt, LoginBudgets, LoginLimits, LoginWindow } from '../identity/login-guard.ts';
import { ensureStream } from './nats-streams.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
/** Subject tokens allow few characters: usernames and addresses are hashed. */
const hashed = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 40);

type Budget = 'pair' | 'user' | 'ip';
const streamOf = (budget: Budget) => `AMIABLE_LOGIN_${budget.toUpperCase()}`;
const subjectOf = (budget: Budget, key: string) => `login.${budget}.${hashed(key)}`;

/**
 * The login budgets of `login-guard.ts`, shared by every node. Each budget is a JetStream stream
 * whose subjects (one per username, address or pair) hold at most `limit` messages for at most
 * `windowMs`, and refuse a new one beyond that (discard-new per subject): an attempt is a
 * message, so JetStream itself counts attempts reaching different nodes at once, one after the
 * other, and a budget lets exactly its limit through. A success takes its messages back. The
 * pairs that signed in lately (exempt from the per-user and per-address budgets) are in a KV bucket.
 */
export async function createSharedLoginBudgets(deps: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  known: KV;
  limits: LoginLimits;
  replicas: number;
  clock: Clock;
  log: { warn(o: object, m?: string): void };
}): Promise<LoginBudgets> {
  const { limits, clock } = deps;
  const windows: Record<Budget, LoginWindow> = { pair: limits.perUserAddress, user: limits.perUser, ip: limits.perIp };
  for (const budget of Object.keys(windows) as Budget[]) {
    await ensureStream(deps.jsm, {
      name: streamOf(budget),
      subjects: [`login.${budget}.*`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: deps.replicas,
      max_age: windows[budget].windowMs * 1_000_000,
      max_msgs_per_subject: windows[budget].limit,
      discard: DiscardPolicy.New,
      discard_new_per_subject: true,
    });
  }

  /** One attempt in a budget: its message's sequence, or how long until the budget has room. */
  const take = async (budget: Budget, key: string): Promise<{ seq: number } | { retryAfterMs: number }> => {
    try {
      const ack = await deps.js.publish(subjectOf(budget, key), enc.encode(String(clock.now())));
      return { seq: ack.seq };
    } catch (err) {
      const refusal = (err as { api_error?: { description?: string } }).api_error?.description ?? (err as Error).message;
      if (!/maximum messages per subject exceeded/i.test(refusal)) throw err;
      const oldest = await deps.jsm.streams.getMessage(streamOf(budget), { last_by_subj: subjectOf(budget, key) }).catch(() => undefined);
      const since = oldest ? clock.now() - Number(dec.decode(oldest.data)) : 0;
      return { retryAfterMs: Math.max(1000, windows[budget].windowMs - Math.max(0, since)) };
    }
  };
  const release = (budget: Budget, seq: number) => deps.jsm.streams.deleteMessage(streamOf(budget), seq, false);

  const isKnown = async (pair: string): Promise<boolean> => {
    const entry = await deps.known.get(`pair.${hashed(pair)}`);
    if (entry?.operation !== 'PUT') return false;
    return clock.now() - Number(dec.decode(entry.value)) <= limits.rememberSuccessMs;
  };

  return {
    async begin(username, ip): Promise<LoginAttempt> {
      const user = username.toLowerCase();
      const pair = `${user}|${ip}`;
      const budgets: Array<[Budget, string]> = [['pair', pair]];
      if (!(await isKnown(pair))) budgets.push(['user', user], ['ip', ip]);
      const taken: Array<[Budget, number]> = [];
      for (const [budget, key] of budgets) {
        const r = await take(budget, key);
        if ('retryAfterMs' in r) {
          await Promise.all(taken.map(([b, seq]) => release(b, seq)));
          throw rateLimited(Math.ceil(r.retryAfterMs / 1000));
        }
        taken.push([budget, r.seq]);
      }
      let settled = false;
      return {
        succeeded() {
          if (settled) return;
          settled = true;
          void (async () => {
            await Promise.all(taken.map(([b, seq]) => release(b, seq)));
            await deps.jsm.streams.purge(streamOf('pair'), { filter: subjectOf('pair', pair) });
            await deps.known.put(`pair.${hashed(pair)}`, enc.encode(String(clock.now())));
          })().catch((err) => deps.log.warn({ err: (err as Error).message }, 'login budget not given back after a sign-in'));
        },
        failed() {
          settled = true;
        },
      };
    },
  };
}
