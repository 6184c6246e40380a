/**
 * Per-queue alert thresholds of the supervisor wallboard: the service-level target (percent of
 * calls answered within `service_level_seconds`) and the longest wait that raises an alert.
 */
import type { Kysely, Migration } from 'kysely';

export const queueAlertThresholds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('queue_settings').addColumn('service_level_target_percent', 'integer').execute();
    await db.schema.alterTable('queue_settings').addColumn('longest_wait_alert_seconds', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('queue_settings').dropColumn('longest_wait_alert_seconds').execute();
    await db.schema.alterTable('queue_settings').dropColumn('service_level_target_percent').execute();
  },
};
