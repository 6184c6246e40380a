import type { Kysely } from 'kysely';
import type { CountryCode } from '../../directory/phone-number.ts';
import type { CrudChange } from '../../gateway/http/crud-routes.ts';
import type { SqlDialect } from '../../persistence/database.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { WrapupMode } from '../../persistence/repositories/wrapup-policy.ts';
import type { Database } from '../../persistence/schema.ts';

export interface FeatureRoutesHooks {
  /**
   * A user was disabled or deleted. The routes have already revoked the user's sessions through the
   * gateway (which closes their WebSockets); use this to end anything else they hold (AMI-port sessions, caches).
   */
  onUserDisabled?(userId: string): void | Promise<void>;
  /** After every directory write (`resource` is e.g. `user`, `agent`, `skill-queue`), for example to refresh caches. */
  onChange?(resource: string, change: CrudChange<unknown>): void | Promise<void>;
  /** A call's record got a disposition (`PUT /api/calls/:callId/disposition`): the agent who owed it may be Ready. */
  onDispositionSet?(pbx: string, callId: string): void | Promise<void>;
}

export interface FeatureRoutesDeps {
  repos: Repositories;
  /** The database handle (or at least its Kysely instance and dialect) the repositories run on. */
  db: { db: Kysely<Database>; dialect: SqlDialect };
  hooks?: FeatureRoutesHooks;
  /** The Asterisk id that queue, skill and workstation settings written over REST belong to. Default `main`. */
  pbx?: string;
  /** Country assumed for customer numbers written without an international prefix. */
  defaultCountry?: CountryCode;
  /** Service-level threshold of queues without one of their own. Default 20 s. */
  defaultServiceLevelSeconds?: number;
  /** Wrap-up when no global policy is stored. Default: none (0 s, back to Ready). */
  defaultWrapup?: { seconds: number; mode: WrapupMode };
  /** Whether agents may name their extension at sign-in until the wrap-up settings say otherwise. Default true. */
  allowManualExtension?: boolean;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
  import?: ImportOptions;
}

export interface ImportOptions {
  /** Largest CSV body accepted. Default 20 MiB. */
  maxBytes?: number;
  /** How long `POST /api/customers/import` waits for the import before answering 202 with a job to poll; 0 answers at once. Default 5 s. */
  waitMs?: number;
  /** Finished jobs kept for polling. Default 20. */
  keepJobs?: number;
  /** How long a finished job stays available. Default 1 h. */
  jobTtlMs?: number;
}

/** The deps with defaults applied, shared by every route module. */
export interface FeatureContext {
  repos: Repositories;
  db: Kysely<Database>;
  dialect: SqlDialect;
  hooks: FeatureRoutesHooks;
  pbx: string;
  defaultCountry: CountryCode | undefined;
  defaultServiceLevelSeconds: number;
  defaultWrapup: { seconds: number; mode: WrapupMode };
  allowManualExtension: boolean;
  now: () => number;
  import: Required<ImportOptions>;
}

export function featureContext(deps: FeatureRoutesDeps): FeatureContext {
  return {
    repos: deps.repos,
    db: deps.db.db,
    dialect: deps.db.dialect,
    hooks: deps.hooks ?? {},
    pbx: deps.pbx ?? 'main',
    defaultCountry: deps.defaultCountry,
    defaultServiceLevelSeconds: deps.defaultServiceLevelSeconds ?? 20,
    defaultWrapup: deps.defaultWrapup ?? { seconds: 0, mode: 'timeout' },
    allowManualExtension: deps.allowManualExtension ?? true,
    now: deps.now ?? Date.now,
    import: {
      maxBytes: deps.import?.maxBytes ?? 20 * 1024 * 1024,
      waitMs: deps.import?.waitMs ?? 5000,
      keepJobs: deps.import?.keepJobs ?? 20,
      jobTtlMs: deps.import?.jobTtlMs ?? 3_600_000,
    },
  };
}
