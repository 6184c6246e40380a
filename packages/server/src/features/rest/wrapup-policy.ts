/**
 * The wrap-up policy as the admin console edits it: the default wrap-up (seconds, or null for
 * "until the agent presses Ready"), per-queue overrides, and what agents may do about it. Seconds
 * live in the wrap-up policy table (global row and one row per queue; null is stored as mode
 * `manual`); the switches live in the settings store under `wrapup.options`.
 */
import { Nullable, QueueName } from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { WrapupMode } from '../../persistence/repositories/wrapup-policy.ts';

const Seconds = Nullable(Type.Integer({ minimum: 0, maximum: 86_400 }));
const fields = {
  /** Seconds of wrap-up after each call; 0 for none; null for "until the agent presses Ready". */
  defaultSeconds: Seconds,
  /** Agents may end wrap-up themselves (the Ready button). */
  agentCanEnd: Type.Boolean(),
  /** Agents may ask to be paused after the current call. */
  allowPauseAfterCall: Type.Boolean(),
  /** Agents may name their extension at sign-in (otherwise the workstation decides). */
  allowExtensionChoice: Type.Boolean(),
  /** Queues whose calls get another wrap-up than the default. */
  queues: Type.Array(Type.Object({ queue: QueueName(), seconds: Seconds }, { additionalProperties: false }), { maxItems: 1000 }),
};
export const WrapupPolicySchema = Type.Object(fields);
export type WrapupPolicyView = Static<typeof WrapupPolicySchema>;
export const WrapupPolicyUpdateSchema = Type.Partial(Type.Object(fields), { additionalProperties: false });
export type WrapupPolicyUpdate = Static<typeof WrapupPolicyUpdateSchema>;

export const WRAPUP_OPTIONS_KEY = 'wrapup.options';

type Options = Pick<WrapupPolicyView, 'agentCanEnd' | 'allowPauseAfterCall' | 'allowExtensionChoice'>;

export interface WrapupPolicyDeps {
  repos: Repositories;
  pbx: string;
  defaultWrapup: { seconds: number; mode: WrapupMode };
  allowManualExtension: boolean;
}

const toSeconds = (row: { seconds: number; mode: WrapupMode }) => (row.mode === 'manual' ? null : row.seconds);
const toRow = (seconds: number | null) => (seconds === null ? { seconds: 0, mode: 'manual' as const } : { seconds, mode: 'timeout' as const });

/** Reads the policy (also for the composition root, to feed the agent workflow's switches). */
export async function readWrapupPolicy(deps: WrapupPolicyDeps): Promise<WrapupPolicyView> {
  const [rows, stored] = await Promise.all([deps.repos.wrapupPolicy.list(), deps.repos.settings.get<Partial<Options>>(WRAPUP_OPTIONS_KEY)]);
  const global = rows.find((r) => r.pbx === '' && r.queue === '') ?? deps.defaultWrapup;
  return {
    defaultSeconds: toSeconds(global),
    agentCanEnd: stored?.agentCanEnd ?? true,
    allowPauseAfterCall: stored?.allowPauseAfterCall ?? true,
    allowExtensionChoice: stored?.allowExtensionChoice ?? deps.allowManualExtension,
    queues: rows.filter((r) => r.pbx === deps.pbx && r.queue !== '').map((r) => ({ queue: r.queue, seconds: toSeconds(r) })),
  };
}

/** Applies the fields given; `queues`, when given, replaces every per-queue override. */
export async function writeWrapupPolicy(deps: WrapupPolicyDeps, update: WrapupPolicyUpdate): Promise<WrapupPolicyView> {
  const { wrapupPolicy, settings } = deps.repos;
  if (update.defaultSeconds !== undefined) await wrapupPolicy.set(toRow(update.defaultSeconds));
  const { agentCanEnd, allowPauseAfterCall, allowExtensionChoice } = update;
  if (agentCanEnd !== undefined || allowPauseAfterCall !== undefined || allowExtensionChoice !== undefined) {
    const current = (await settings.get<Partial<Options>>(WRAPUP_OPTIONS_KEY)) ?? {};
    await settings.set(WRAPUP_OPTIONS_KEY, {
      ...current,
      ...(agentCanEnd === undefined ? {} : { agentCanEnd }),
      ...(allowPauseAfterCall === undefined ? {} : { allowPauseAfterCall }),
      ...(allowExtensionChoice === undefined ? {} : { allowExtensionChoice }),
    });
  }
  if (update.queues !== undefined) {
    const wanted = new Map(update.queues.map((q) => [q.queue, q.seconds]));
    for (const row of await wrapupPolicy.list()) {
      if (row.pbx === deps.pbx && row.queue !== '' && !wanted.has(row.queue)) await wrapupPolicy.clear(row.pbx, row.queue);
    }
    for (const [queue, seconds] of wanted) await wrapupPolicy.set({ pbx: deps.pbx, queue, ...toRow(seconds) });
  }
  return readWrapupPolicy(deps);
}
