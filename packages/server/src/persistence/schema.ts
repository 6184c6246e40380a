/**
 * Table shapes as Kysely sees them. Conventions, the same on SQLite and PostgreSQL:
 * - entity ids are TEXT uuids; append-only logs (archive, audit) use a 64-bit auto-increment id;
 * - times are epoch milliseconds in BIGINT columns (`*_at`);
 * - flags are INTEGER 0/1 (SQLite has no boolean, and better-sqlite3 cannot bind one);
 * - lists and free-form objects are JSON text;
 * - "not applicable" in a composite key is the empty string, never NULL (NULLs are distinct in keys).
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: number;
  updated_at: number;
  /** Access tokens issued before this instant (epoch ms) are refused; set by a password change. */
  tokens_valid_after: number | null;
}

export interface UserScopesTable {
  user_id: string;
  kind: string;
  pbx: string;
  value: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  hash: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  replaced_by: string | null;
  session_id: string | null;
}

/** A login session (refresh-token family). Signed out when `revoked_at` is set. */
export interface AuthSessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  revoked_at: number | null;
}

export interface AgentsTable {
  user_id: string;
  pbx: string | null;
  default_extension: string | null;
  wrapup_seconds: number | null;
  pause_after_call: number;
  updated_at: number;
}

export interface SkillsTable {
  id: string;
  name: string;
  label: string;
  kind: string;
}

export interface AgentSkillsTable {
  agent_id: string;
  skill_id: string;
  proficiency: number;
}

export interface SkillQueuesTable {
  skill_id: string;
  pbx: string;
  queue: string;
  base_penalty: number;
  penalty_step: number;
}

export interface WorkstationsTable {
  id: string;
  name: string;
  mac: string | null;
  ip: string | null;
  pbx: string;
  extension: string;
  created_at: number;
  updated_at: number;
}

export interface PauseReasonsTable {
  id: string;
  code: string;
  label: string;
  paid: number;
  max_seconds: number | null;
  created_at: number;
  updated_at: number;
}

export interface WrapupPoliciesTable {
  pbx: string;
  queue: string;
  seconds: number;
  mode: string;
  updated_at: number;
}

export interface QueueSettingsTable {
  pbx: string;
  queue: string;
  display_name: string | null;
  popup_url_template: string | null;
  service_level_seconds: number | null;
  language: string | null;
  updated_at: number;
  /** Migration 0014. */
  service_level_target_percent: number | null;
  longest_wait_alert_seconds: number | null;
}

export interface CustomersTable {
  id: string;
  name: string;
  company: string | null;
  address: string | null;
  language: string | null;
  notes: string | null;
  created_at: number;
  updated_at: number;
}

export interface CustomerNumbersTable {
  number: string;
  customer_id: string;
  label: string | null;
}

export interface AgentSessionsTable {
  id: string;
  agent_id: string;
  pbx: string;
  extension: string;
  workstation_id: string | null;
  signed_in_at: number;
  signed_out_at: number | null;
  reason: string | null;
}

export interface AgentStateIntervalsTable {
  id: string;
  agent_id: string;
  session_id: string | null;
  pbx: string;
  extension: string;
  state: string;
  reason: string | null;
  queue: string | null;
  from_at: number;
  to_at: number | null;
}

export interface CallRecordsTable {
  id: string;
  pbx: string;
  linkedid: string;
  direction: string;
  queue: string | null;
  caller_number: string | null;
  caller_name: string | null;
  called_number: string | null;
  customer_id: string | null;
  language: string | null;
  agents_offered: string;
  answered_by: string | null;
  answered_agent_id: string | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  wait_seconds: number;
  ring_seconds: number;
  talk_seconds: number;
  hold_seconds: number;
  wrapup_seconds: number;
  outcome: string;
  transferred: number;
  transfers: string;
  hangup_by: string | null;
  hangup_cause: string | null;
  /** The call's recording file, if it was recorded (migration 0010). */
  recording_file: string | null;
  /** The disposition code the agent picked in wrap-up (migration 0012). */
  disposition: string | null;
  /** The agent's free-text notes on the call (migration 0012). */
  notes: string | null;
  updated_at: number;
}

export interface AmiEventsTable {
  id: Generated<number>;
  pbx: string;
  received_at: number;
  event: string;
  linkedid: string | null;
  uniqueid: string | null;
  fields: string;
}

export interface CtiEventsTable {
  id: Generated<number>;
  at: number;
  type: string;
  pbx: string | null;
  agent: string | null;
  extension: string | null;
  queue: string | null;
  tenant: string | null;
  seq: number | null;
  payload: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  channel: string;
  command: string;
  args: string | null;
  result: string;
  error_code: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

/** A signed-in agent's live workflow state (restored after a restart). */
export interface AgentPresenceTable {
  agent_id: string;
  session_id: string;
  pbx: string;
  extension: string;
  workstation_id: string | null;
  state: string;
  reason: string | null;
  since: number;
  wrapup_ends_at: number | null;
  pause_after_call: string | null;
  /** JSON array of { pbx, queue, penalty, skill }. */
  queues: string;
  /** JSON { callId, queue } of the call whose disposition the agent still owes (migration 0012). */
  disposition_due: string | null;
  updated_at: number;
}

/** A queue's disposition codes (JSON array of { code, label }) and whether one is required before Ready. */
export interface QueueDispositionsTable {
  pbx: string;
  queue: string;
  required: number;
  codes: string;
  updated_at: number;
}

/** Idempotency keys of archive batches already committed. */
export interface SpoolAppliedTable {
  key: string;
  at: number;
}

/** An integration's webhook subscription (migration 0013). */
export interface WebhookSubscriptionsTable {
  id: string;
  api_key_id: string;
  url: string;
  /** The HMAC key deliveries are signed with; needed in clear to sign. */
  secret: string;
  /** JSON array of catalogue event types. */
  event_types: string;
  description: string | null;
  disabled: number;
  created_at: number;
  updated_at: number;
}

/** One event to deliver to one subscription: the outbox and the delivery log (migration 0013). */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_key: string;
  event_type: string;
  body: string;
  /** 'pending' | 'delivered' | 'failed'. */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  response_code: number | null;
  locked_until: number | null;
  locked_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface Database {
  users: UsersTable;
  user_scopes: UserScopesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  api_keys: ApiKeysTable;
  refresh_tokens: RefreshTokensTable;
  auth_sessions: AuthSessionsTable;
  agents: AgentsTable;
  skills: SkillsTable;
  agent_skills: AgentSkillsTable;
  skill_queues: SkillQueuesTable;
  workstations: WorkstationsTable;
  pause_reasons: PauseReasonsTable;
  wrapup_policies: WrapupPoliciesTable;
  queue_settings: QueueSettingsTable;
  customers: CustomersTable;
  customer_numbers: CustomerNumbersTable;
  agent_sessions: AgentSessionsTable;
  agent_state_intervals: AgentStateIntervalsTable;
  call_records: CallRecordsTable;
  ami_events: AmiEventsTable;
  cti_events: CtiEventsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  agent_presence: AgentPresenceTable;
  spool_applied: SpoolAppliedTable;
  queue_dispositions: QueueDispositionsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
