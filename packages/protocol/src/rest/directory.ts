import { type Static, type TObject, type TProperties, type TString, Type } from '@sinclair/typebox';
import {
  Extension,
  Identifier,
  IpAddress,
  MacAddress,
  Nullable,
  QueueName,
  ReasonCode,
  SafeString,
  Secret,
  Url,
  Username,
} from '../strings.ts';

/** Create schema: the entity with an optional `id` (the server picks one); update: every field but `id`, optional. */
function writeSchemas<P extends TProperties & { id: TString }>(entity: TObject<P>) {
  const { id: _id, ...rest } = entity.properties;
  return {
    create: Type.Object({ ...rest, id: Type.Optional(Identifier()) }, { additionalProperties: false }),
    update: Type.Partial(Type.Object(rest), { additionalProperties: false }),
  };
}

export const AgentSkillSchema = Type.Object({ skillId: Identifier(), level: Type.Integer({ minimum: 0, maximum: 100 }) });

export const AgentSchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  userId: Nullable(Identifier()),
  /** The extension the agent signs in at when they name none and no workstation matches. */
  defaultExtension: Nullable(Extension()),
  teams: Type.Array(Identifier(), { maxItems: 100 }),
  skills: Type.Array(AgentSkillSchema, { maxItems: 100 }),
  /** Wrap-up seconds after each call; null for the queue's default, 0 for none. */
  wrapupSeconds: Nullable(Type.Integer({ minimum: 0, maximum: 86400 })),
});
/** An agent as listed: with the username its user signs in with. */
export type Agent = Static<typeof AgentSchema> & { username?: string };
const agentWrite = writeSchemas(AgentSchema);
/**
 * A new agent: for an existing user (`userId`), or with a new user (role `agent`) created in the
 * same transaction from `username` and `password`.
 */
export const AgentCreateSchema = Type.Object(
  {
    ...agentWrite.create.properties,
    username: Type.Optional(Username()),
    password: Type.Optional(Secret({ minLength: 8, maxLength: 256 })),
  },
  { additionalProperties: false },
);
export const AgentUpdateSchema = agentWrite.update;
export type AgentCreate = Static<typeof AgentCreateSchema>;
export type AgentUpdate = Static<typeof AgentUpdateSchema>;

/** A skill, typically a language: `en`, `fr`. */
export const SkillSchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  language: Nullable(SafeString({ maxLength: 16 })),
});
export type Skill = Static<typeof SkillSchema>;
const skillWrite = writeSchemas(SkillSchema);
export const SkillCreateSchema = skillWrite.create;
export const SkillUpdateSchema = skillWrite.update;

/** Which queue stands for which skill (and the penalty members join with). */
export const SkillQueueSchema = Type.Object({
  id: Identifier(),
  skillId: Identifier(),
  queue: QueueName(),
  penalty: Type.Integer({ minimum: 0, maximum: 1000 }),
  /** Screen-pop URL template, e.g. `https://crm.example/search?phone={callerNumber}`. */
  popupUrlTemplate: Nullable(SafeString({ maxLength: 2048 })),
});
export type SkillQueue = Static<typeof SkillQueueSchema>;
const skillQueueWrite = writeSchemas(SkillQueueSchema);
export const SkillQueueCreateSchema = skillQueueWrite.create;
export const SkillQueueUpdateSchema = skillQueueWrite.update;

/** A desk: the phone (extension) sitting at a PC known by MAC or IP. */
export const WorkstationSchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  extension: Extension(),
  mac: Nullable(MacAddress()),
  ip: Nullable(IpAddress()),
});
export type Workstation = Static<typeof WorkstationSchema>;
const workstationWrite = writeSchemas(WorkstationSchema);
export const WorkstationCreateSchema = workstationWrite.create;
export const WorkstationUpdateSchema = workstationWrite.update;

export const PauseReasonSchema = Type.Object({
  id: Identifier(),
  code: ReasonCode(),
  label: SafeString({ maxLength: 200 }),
  /** Whether the pause counts as paid time in timesheets. */
  paid: Type.Boolean(),
  /** Longest allowed pause; null for no limit. */
  maxSeconds: Nullable(Type.Integer({ minimum: 0 })),
  active: Type.Boolean(),
});
export type PauseReason = Static<typeof PauseReasonSchema>;
const pauseReasonWrite = writeSchemas(PauseReasonSchema);
export const PauseReasonCreateSchema = pauseReasonWrite.create;
export const PauseReasonUpdateSchema = pauseReasonWrite.update;

/** A team of agents, managed by supervisors. */
export const TeamSchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  supervisorIds: Type.Array(Identifier(), { maxItems: 100 }),
});
export type Team = Static<typeof TeamSchema>;
const teamWrite = writeSchemas(TeamSchema);
export const TeamCreateSchema = teamWrite.create;
export const TeamUpdateSchema = teamWrite.update;

/** Queue settings owned by the CTI server (Asterisk owns the rest). */
export const QueueSettingsSchema = Type.Object({
  queue: QueueName(),
  language: Nullable(SafeString({ maxLength: 16 })),
  popupUrlTemplate: Nullable(Url()),
  serviceLevelSeconds: Type.Integer({ minimum: 0 }),
  displayName: Type.Optional(Nullable(SafeString({ maxLength: 200 }))),
  /** Percent of calls to answer within `serviceLevelSeconds` (the wallboard's service-level alert). */
  serviceLevelTargetPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  /** A caller waiting this long raises the wallboard's alert. */
  longestWaitAlertSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  /** `default` (the wrap-up policy's), `timeout` (`wrapupSeconds`, then Ready) or `manual` (until Ready). */
  wrapupMode: Type.Optional(Type.Union([Type.Literal('default'), Type.Literal('timeout'), Type.Literal('manual')])),
  wrapupSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
});
export type QueueSettings = Static<typeof QueueSettingsSchema>;
