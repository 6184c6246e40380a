/** Every repository over one database, built from one deps object. */
import type { CountryCode } from '../../directory/phone-number.ts';
import { type AgentPresenceRepository, createAgentPresenceRepository } from './agent-presence.ts';
import { type AgentsRepository, createAgentsRepository } from './agents.ts';
import { type ApiKeysRepository, createApiKeysRepository } from './api-keys.ts';
import { type AuditRepository, createAuditRepository } from './audit.ts';
import { type CallRecordsRepository, createCallRecordsRepository } from './call-records.ts';
import type { RepositoryDeps } from './common.ts';
import { type CustomersRepository, createCustomersRepository } from './customers.ts';
import { type DispositionsRepository, createDispositionsRepository } from './dispositions.ts';
import { type PauseReasonsRepository, createPauseReasonsRepository } from './pause-reasons.ts';
import { type QueueSettingsRepository, createQueueSettingsRepository } from './queue-settings.ts';
import { type RefreshTokensRepository, createRefreshTokensRepository } from './refresh-tokens.ts';
import { type SettingsRepository, createSettingsRepository } from './settings.ts';
import { type SkillsRepository, createSkillsRepository } from './skills.ts';
import { type TeamsRepository, createTeamsRepository } from './teams.ts';
import { type TimesheetRepository, createTimesheetRepository } from './timesheet.ts';
import { type UserScopesRepository, createUserScopesRepository } from './user-scopes.ts';
import { type UsersRepository, createUsersRepository } from './users.ts';
import { type WorkstationsRepository, createWorkstationsRepository } from './workstations.ts';
import { type WrapupPolicyRepository, createWrapupPolicyRepository } from './wrapup-policy.ts';

export interface Repositories {
  users: UsersRepository;
  userScopes: UserScopesRepository;
  teams: TeamsRepository;
  apiKeys: ApiKeysRepository;
  refreshTokens: RefreshTokensRepository;
  agents: AgentsRepository;
  skills: SkillsRepository;
  workstations: WorkstationsRepository;
  pauseReasons: PauseReasonsRepository;
  wrapupPolicy: WrapupPolicyRepository;
  queueSettings: QueueSettingsRepository;
  customers: CustomersRepository;
  timesheet: TimesheetRepository;
  callRecords: CallRecordsRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  agentPresence: AgentPresenceRepository;
  dispositions: DispositionsRepository;
}

export interface RepositoriesDeps extends RepositoryDeps {
  /** Country for customer numbers written without an international prefix. */
  defaultCountry?: CountryCode;
}

export function createRepositories(deps: RepositoriesDeps): Repositories {
  return {
    users: createUsersRepository(deps),
    userScopes: createUserScopesRepository(deps),
    teams: createTeamsRepository(deps),
    apiKeys: createApiKeysRepository(deps),
    refreshTokens: createRefreshTokensRepository(deps),
    agents: createAgentsRepository(deps),
    skills: createSkillsRepository(deps),
    workstations: createWorkstationsRepository(deps),
    pauseReasons: createPauseReasonsRepository(deps),
    wrapupPolicy: createWrapupPolicyRepository(deps),
    queueSettings: createQueueSettingsRepository(deps),
    customers: createCustomersRepository(deps),
    timesheet: createTimesheetRepository(deps),
    callRecords: createCallRecordsRepository(deps),
    audit: createAuditRepository(deps),
    settings: createSettingsRepository(deps),
    agentPresence: createAgentPresenceRepository(deps),
    dispositions: createDispositionsRepository(deps),
  };
}
