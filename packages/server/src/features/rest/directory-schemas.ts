/**
 * Request and response schemas of the directory resources where the server offers more than the
 * protocol's DTOs (allowed extensions, CIDR blocks, the API key's owner) or accepts less (optional
 * fields get server defaults). Every string keeps a pattern that forbids CR, LF and NUL.
 */
import {
  AgentSkillSchema,
  ApiKeyScopeSchema,
  Extension,
  Identifier,
  MacAddress,
  Nullable,
  QueueName,
  ReasonCode,
  SafeString,
  Secret,
  Timestamp,
  Url,
  Username,
} from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';

/** An id the client may choose; an empty string (an untouched form field) means "let the server choose". */
const ChosenId = Type.Optional(Type.Union([Identifier(), Type.Literal('')]));
const Name = SafeString({ minLength: 1, maxLength: 200 });
const Extensions = Type.Array(Extension(), { maxItems: 100 });
const Ids = Type.Array(Identifier(), { maxItems: 100 });
const Seconds = (max: number) => Type.Integer({ minimum: 0, maximum: max });

const agentFields = {
  name: Name,
  /** The user who signs in as this agent; the agent's id is that user's id. */
  userId: Nullable(Identifier()),
  defaultExtension: Nullable(Extension()),
  /** Extensions the agent may sign in at besides the default one. */
  extensions: Extensions,
  teams: Ids,
  skills: Type.Array(AgentSkillSchema, { maxItems: 100 }),
  wrapupSeconds: Nullable(Seconds(86_400)),
};
/** The agent with the username its user signs in with. */
export const AgentEntitySchema = Type.Object({ id: Identifier(), ...agentFields, username: Username() });
export type AgentEntity = Static<typeof AgentEntitySchema>;
const { name: _name, ...agentOptional } = agentFields;
/**
 * A new agent: either for an existing user (`userId`), or together with a new user, which then
 * needs `username` and `password` (role `agent`).
 */
export const AgentCreateBodySchema = Type.Object(
  {
    id: ChosenId,
    name: Name,
    ...Type.Partial(Type.Object(agentOptional)).properties,
    username: Type.Optional(Username()),
    password: Type.Optional(Secret({ minLength: 8, maxLength: 256 })),
  },
  { additionalProperties: false },
);
export type AgentCreateBody = Static<typeof AgentCreateBodySchema>;
export const AgentUpdateBodySchema = Type.Partial(Type.Object(agentFields), { additionalProperties: false });
export type AgentUpdateBody = Static<typeof AgentUpdateBodySchema>;

export const SkillCreateBodySchema = Type.Object(
  { id: ChosenId, name: Name, language: Type.Optional(Nullable(SafeString({ maxLength: 16 }))) },
  { additionalProperties: false },
);
export type SkillCreateBody = Static<typeof SkillCreateBodySchema>;

const PopupTemplate = Nullable(SafeString({ maxLength: 2048 }));
export const SkillQueueCreateBodySchema = Type.Object(
  {
    id: ChosenId,
    skillId: Identifier(),
    queue: QueueName(),
    penalty: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    popupUrlTemplate: Type.Optional(PopupTemplate),
  },
  { additionalProperties: false },
);
export type SkillQueueCreateBody = Static<typeof SkillQueueCreateBodySchema>;

/** An IPv4/IPv6 address, or a CIDR block such as `10.1.2.0/24` (syntax only; the repository checks it). */
export function IpOrCidr() {
  return Type.String({ pattern: '^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$', minLength: 2, maxLength: 49 });
}
const workstationFields = { name: Name, extension: Extension(), mac: Nullable(MacAddress()), ip: Nullable(IpOrCidr()) };
/** Another desk whose IP is the same (`same-ip`) or whose block overlaps this one's (`overlapping-ip`). */
export const WorkstationWarningSchema = Type.Object({
  code: Type.Union([Type.Literal('same-ip'), Type.Literal('overlapping-ip')]),
  otherId: Identifier(),
  otherName: Name,
  otherIp: IpOrCidr(),
});
/** A desk, with warnings about address collisions with other desks (computed on every read and write). */
export const WorkstationEntitySchema = Type.Object({
  id: Identifier(),
  ...workstationFields,
  warnings: Type.Array(WorkstationWarningSchema, { maxItems: 1000 }),
});
export type WorkstationEntity = Static<typeof WorkstationEntitySchema>;
export const WorkstationCreateBodySchema = Type.Object(
  {
    id: ChosenId,
    name: Name,
    extension: Extension(),
    mac: Type.Optional(Nullable(MacAddress())),
    ip: Type.Optional(Nullable(IpOrCidr())),
  },
  { additionalProperties: false },
);
export type WorkstationCreateBody = Static<typeof WorkstationCreateBodySchema>;
export const WorkstationUpdateBodySchema = Type.Partial(Type.Object(workstationFields), { additionalProperties: false });
export type WorkstationUpdateBody = Static<typeof WorkstationUpdateBodySchema>;

export const PauseReasonCreateBodySchema = Type.Object(
  {
    id: ChosenId,
    code: ReasonCode(),
    label: Name,
    paid: Type.Optional(Type.Boolean()),
    /** Longest allowed pause in seconds (at least 1); null for no limit. */
    maxSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 86_400 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PauseReasonCreateBody = Static<typeof PauseReasonCreateBodySchema>;
const { id: _pauseId, ...pauseReasonFields } = PauseReasonCreateBodySchema.properties;
export const PauseReasonUpdateBodySchema = Type.Partial(Type.Object(pauseReasonFields), { additionalProperties: false });
export type PauseReasonUpdateBody = Static<typeof PauseReasonUpdateBodySchema>;

export const TeamCreateBodySchema = Type.Object(
  { id: ChosenId, name: Name, supervisorIds: Type.Optional(Ids) },
  { additionalProperties: false },
);
export type TeamCreateBody = Static<typeof TeamCreateBodySchema>;

const queueFields = {
  language: Nullable(SafeString({ maxLength: 16 })),
  popupUrlTemplate: Nullable(Url()),
  serviceLevelSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
  displayName: Nullable(SafeString({ maxLength: 200 })),
  /** Percent of calls to answer within `serviceLevelSeconds`; the wallboard's service-level alert. */
  serviceLevelTargetPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  /** A caller waiting this long raises the wallboard's alert. */
  longestWaitAlertSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
  /** `default`: the wrap-up policy's default; `timeout`: `wrapupSeconds` then Ready; `manual`: until the agent presses Ready. */
  wrapupMode: Type.Union([Type.Literal('default'), Type.Literal('timeout'), Type.Literal('manual')]),
  /** Wrap-up seconds after this queue's calls when `wrapupMode` is `timeout` (0: none); null otherwise. */
  wrapupSeconds: Nullable(Type.Integer({ minimum: 0, maximum: 86_400 })),
};
/**
 * Queue settings: the protocol's fields plus a display name, the wallboard's alert thresholds and
 * the queue's wrap-up (the same per-queue rows as `/api/settings/wrapup`). Thresholds fall back to
 * the server defaults.
 */
export const QueueEntitySchema = Type.Object({ queue: QueueName(), ...queueFields });
export type QueueEntity = Static<typeof QueueEntitySchema>;
export const QueueCreateBodySchema = Type.Object(
  { queue: QueueName(), ...Type.Partial(Type.Object(queueFields)).properties },
  { additionalProperties: false },
);
export type QueueCreateBody = Static<typeof QueueCreateBodySchema>;
/** `queue` may be repeated in the body (clients send the whole entity back); it cannot change. */
export const QueueUpdateBodySchema = Type.Partial(Type.Object({ queue: QueueName(), ...queueFields }), { additionalProperties: false });
export type QueueUpdateBody = Static<typeof QueueUpdateBodySchema>;

/** An integration's key. `key` is present once, in the answer to the create request. */
export const ApiKeyEntitySchema = Type.Object({
  id: Identifier(),
  name: Name,
  /** The integration user the key signs in as. */
  userId: Identifier(),
  scope: ApiKeyScopeSchema,
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
  lastUsedAt: Nullable(Timestamp()),
  key: Type.Optional(Type.String({ maxLength: 256 })),
});
export type ApiKeyEntity = Static<typeof ApiKeyEntitySchema>;
export const ApiKeyCreateBodySchema = Type.Object(
  {
    name: Name,
    scope: ApiKeyScopeSchema,
    /** An existing integration user to issue the key for; one is created for the key otherwise. */
    userId: Type.Optional(Identifier()),
  },
  { additionalProperties: false },
);
export type ApiKeyCreateBody = Static<typeof ApiKeyCreateBodySchema>;
export const ApiKeyUpdateBodySchema = Type.Object(
  { name: Type.Optional(Name), scope: Type.Optional(ApiKeyScopeSchema), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ApiKeyUpdateBody = Static<typeof ApiKeyUpdateBodySchema>;
