/**
 * Per-queue settings the CTI server owns: display name, screen-pop URL, service-level threshold,
 * language, and the wallboard's alert thresholds (service-level target, longest-wait alert).
 */
import type { Selectable } from 'kysely';
import { InvalidRecordError } from '../errors.ts';
import type { QueueSettingsTable } from '../schema.ts';
import { type RepositoryDeps, clockOf } from './common.ts';

export interface QueueSettings {
  pbx: string;
  queue: string;
  displayName: string | null;
  /** e.g. https://crm.example/contacts?phone={callerNumber}; placeholders are expanded by the screen-pop feature. */
  popupUrlTemplate: string | null;
  /** Service-level threshold in seconds used by reports; null means the report default. */
  serviceLevelSeconds: number | null;
  /** Label of the queue's language, e.g. 'English'. */
  language: string | null;
  /** Percent of calls to answer within `serviceLevelSeconds` (1-100); null means the default. */
  serviceLevelTargetPercent: number | null;
  /** A caller waiting this long raises the wallboard's alert; null means the default. */
  longestWaitAlertSeconds: number | null;
  updatedAt: number;
}

export type QueueSettingsInput = Partial<Omit<QueueSettings, 'pbx' | 'queue' | 'updatedAt'>>;

export interface QueueSettingsRepository {
  /** Creates or updates the named fields of a queue's settings. */
  upsert(pbx: string, queue: string, input: QueueSettingsInput): Promise<QueueSettings>;
  get(pbx: string, queue: string): Promise<QueueSettings | undefined>;
  list(pbx?: string): Promise<QueueSettings[]>;
  remove(pbx: string, queue: string): Promise<boolean>;
}

function toSettings(row: Selectable<QueueSettingsTable>): QueueSettings {
  return {
    pbx: row.pbx,
    queue: row.queue,
    displayName: row.display_name,
    popupUrlTemplate: row.popup_url_template,
    serviceLevelSeconds: row.service_level_seconds,
    language: row.language,
    serviceLevelTargetPercent: row.service_level_target_percent,
    longestWaitAlertSeconds: row.longest_wait_alert_seconds,
    updatedAt: row.updated_at,
  };
}

export function createQueueSettingsRepository(deps: RepositoryDeps): QueueSettingsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  const repo: QueueSettingsRepository = {
    async upsert(pbx, queue, input) {
      const sl = input.serviceLevelSeconds;
      if (sl !== undefined && sl !== null && (!Number.isInteger(sl) || sl <= 0)) {
        throw new InvalidRecordError('serviceLevelSeconds must be a positive integer', { serviceLevelSeconds: sl });
      }
      const target = input.serviceLevelTargetPercent;
      if (target !== undefined && target !== null && (!Number.isInteger(target) || target < 1 || target > 100)) {
        throw new InvalidRecordError('serviceLevelTargetPercent must be a whole percentage from 1 to 100', { serviceLevelTargetPercent: target });
      }
      const alert = input.longestWaitAlertSeconds;
      if (alert !== undefined && alert !== null && (!Number.isInteger(alert) || alert <= 0)) {
        throw new InvalidRecordError('longestWaitAlertSeconds must be a positive integer', { longestWaitAlertSeconds: alert });
      }
      const existing = await repo.get(pbx, queue);
      const pick = <K extends keyof QueueSettingsInput>(k: K): QueueSettings[K] =>
        (input[k] === undefined ? (existing?.[k] ?? null) : input[k]) as QueueSettings[K];
      const row = {
        pbx,
        queue,
        display_name: pick('displayName'),
        popup_url_template: pick('popupUrlTemplate'),
        service_level_seconds: pick('serviceLevelSeconds'),
        language: pick('language'),
        service_level_target_percent: pick('serviceLevelTargetPercent'),
        longest_wait_alert_seconds: pick('longestWaitAlertSeconds'),
        updated_at: now(),
      };
      const { pbx: _p, queue: _q, ...update } = row;
      await db
        .insertInto('queue_settings')
        .values(row)
        .onConflict((oc) => oc.columns(['pbx', 'queue']).doUpdateSet(update))
        .execute();
      return toSettings(row);
    },
    async get(pbx, queue) {
      const row = await db.selectFrom('queue_settings').selectAll().where('pbx', '=', pbx).where('queue', '=', queue).executeTakeFirst();
      return row && toSettings(row);
    },
    async list(pbx) {
      let q = db.selectFrom('queue_settings').selectAll();
      if (pbx !== undefined) q = q.where('pbx', '=', pbx);
      return (await q.orderBy('pbx').orderBy('queue').execute()).map(toSettings);
    },
    async remove(pbx, queue) {
      const result = await db.deleteFrom('queue_settings').where('pbx', '=', pbx).where('queue', '=', queue).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
  return repo;
}
