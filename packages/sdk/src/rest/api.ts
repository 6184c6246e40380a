import type {
  Agent,
  AgentCreate,
  AgentUpdate,
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  AuditEntry,
  AuditQuery,
  CallRecord,
  CallRecordQuery,
  Health,
  Me,
  MissedCalls,
  MissedCallsQuery,
  Page,
  PauseReason,
  QueueSettings,
  ReportName,
  ReportQuery,
  ReportResult,
  Skill,
  SkillQueue,
  StateSnapshot,
  Team,
  TransferTargets,
  User,
  UserCreate,
  UserUpdate,
  Workstation,
} from '@amiable/protocol';
import { CtiServerError } from '../errors.ts';
import type { Http, QueryValue } from '../http.ts';
import type { Timers } from '../timers.ts';
import type { DemoInfo, SignInContext, SystemStatus, WrapupPolicy } from '../wire/extra-types.ts';
import { demoInfo } from '../wire/demo-info.ts';
import { routes } from '../wire/routes.ts';
import { type CustomersApi, customersApi } from './customers.ts';
import { type DispositionsApi, dispositionsApi } from './dispositions.ts';
import { type Resource, resource, toPage } from './resource.ts';
import { type WebhooksApi, webhooksApi } from './webhooks.ts';

type Create<T> = Omit<T, 'id'> & { id?: string };
type Update<T> = Partial<Omit<T, 'id'>>;

/** The REST helpers, grouped by area. Every method resolves with the server's DTO or rejects with a `CtiError`. */
export interface RestApi {
  me(): Promise<Me>;
  health(): Promise<Health>;
  /** System status for the admin console (PBX connections, events/s, connected clients). */
  status(): Promise<SystemStatus>;
  /** Demo accounts; undefined when the server is not in demo mode. */
  demo(): Promise<DemoInfo | undefined>;
  state(): Promise<StateSnapshot>;
  /** Where the current agent would sign in from this client; undefined when the server cannot tell. */
  signInContext(): Promise<SignInContext | undefined>;
  /** Where calls may be transferred: queues, extensions and external number prefixes (`restricted` when only those). */
  transferTargets(): Promise<TransferTargets>;
  /** The calls that rang at the signed-in agent's phone and went elsewhere, newest first (the last 24 hours by default). */
  missedCalls(query?: MissedCallsQuery): Promise<MissedCalls>;
  users: Resource<User, UserCreate, UserUpdate>;
  agents: Resource<Agent, AgentCreate, AgentUpdate>;
  skills: Resource<Skill, Create<Skill>, Update<Skill>>;
  skillQueues: Resource<SkillQueue, Create<SkillQueue>, Update<SkillQueue>>;
  workstations: Resource<Workstation, Create<Workstation>, Update<Workstation>>;
  pauseReasons: Resource<PauseReason, Create<PauseReason>, Update<PauseReason>>;
  teams: Resource<Team, Create<Team>, Update<Team>>;
  apiKeys: Omit<Resource<ApiKey, ApiKeyCreate, Partial<ApiKeyCreate> & { disabled?: boolean }>, 'create'> & {
    /** The key itself is in the answer, and only there. */
    create(body: ApiKeyCreate): Promise<ApiKeyCreated>;
  };
  queues: { list(): Promise<Page<QueueSettings>>; update(queue: string, body: Partial<QueueSettings>): Promise<QueueSettings> };
  wrapupPolicy: { get(): Promise<WrapupPolicy>; update(body: Partial<WrapupPolicy>): Promise<WrapupPolicy> };
  customers: CustomersApi;
  calls: { list(query?: CallRecordQuery): Promise<Page<CallRecord>> };
  /** Disposition codes per queue, and a call's disposition and notes. */
  dispositions: DispositionsApi;
  reports: { get(name: ReportName, query: ReportQuery): Promise<ReportResult> };
  audit: { list(query?: AuditQuery): Promise<Page<AuditEntry>> };
  /** Integrations' webhook subscriptions and their delivery logs (admins). */
  webhooks: WebhooksApi;
}

export function restApi(http: Http, timers: Timers): RestApi {
  const q = (query: object | undefined) => query as Record<string, QueryValue> | undefined;
  const optional = async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof CtiServerError && (error.status === 404 || error.status === 501)) return undefined;
      throw error;
    }
  };
  const apiKeys = resource<ApiKey, ApiKeyCreate, Partial<ApiKeyCreate> & { disabled?: boolean }>(http, routes.apiKeys);
  return {
    me: () => http.request('GET', routes.me),
    health: () => http.request('GET', routes.health, { anonymous: true }),
    status: () => http.request('GET', routes.status),
    demo: async () => demoInfo(await optional(() => http.request<unknown>('GET', routes.demo, { anonymous: true }))),
    state: () => http.request('GET', routes.state),
    signInContext: () => optional(() => http.request<SignInContext>('GET', routes.signInContext)),
    transferTargets: () => http.request('GET', routes.transferTargets),
    missedCalls: (query) => http.request('GET', routes.missedCalls, { query: q(query) }),
    users: resource(http, routes.users),
    agents: resource(http, routes.agents),
    skills: resource(http, routes.skills),
    skillQueues: resource(http, routes.skillQueues),
    workstations: resource(http, routes.workstations),
    pauseReasons: resource(http, routes.pauseReasons),
    teams: resource(http, routes.teams),
    apiKeys: { ...apiKeys, create: (body) => http.request<ApiKeyCreated>('POST', routes.apiKeys, { body }) },
    queues: {
      list: async () => toPage<QueueSettings>(await http.request('GET', routes.queues)),
      update: (queue, body) => http.request('PATCH', routes.item(routes.queues, queue), { body }),
    },
    wrapupPolicy: {
      get: () => http.request('GET', routes.wrapupPolicy),
      update: (body) => http.request('PUT', routes.wrapupPolicy, { body }),
    },
    customers: customersApi(http, timers),
    calls: { list: async (query) => toPage<CallRecord>(await http.request('GET', routes.calls, { query: q(query) })) },
    dispositions: dispositionsApi(http),
    reports: { get: (name, query) => http.request('GET', routes.report(name), { query: q(query) }) },
    audit: { list: async (query) => toPage<AuditEntry>(await http.request('GET', routes.audit, { query: q(query) })) },
    webhooks: webhooksApi(http),
  };
}
