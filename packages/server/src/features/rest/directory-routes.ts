/**
 * The directory resources as CRUD routes over the repositories: users, agents, skills, skill→queue
 * map, workstations, pause reasons, teams, queue settings and API keys. Everyone signed in may read
 * the contact-centre directory (`directory.read`); users, API keys and every write are for admins.
 */
import { UserCreateSchema, UserSchema, UserUpdateSchema, PauseReasonSchema, SkillQueueSchema, SkillQueueUpdateSchema, SkillSchema, SkillUpdateSchema, TeamSchema, TeamUpdateSchema } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { type CrudOptions, crudRoutes } from '../../gateway/http/crud-routes.ts';
import { createPasswordHasher } from '../../identity/password.ts';
import { createRepositories } from '../../persistence/repositories/index.ts';
import { createAgentsStore } from './agents-store.ts';
import { createApiKeysStore } from './api-keys-store.ts';
import { notifyChange } from './change-hook.ts';
import type { FeatureContext } from './deps.ts';
import * as S from './directory-schemas.ts';
import { createPauseReasonsStore } from './pause-reasons-store.ts';
import { principalChangeOf } from './principal-publisher.ts';
import { createQueuesStore } from './queues-store.ts';
import { createSkillQueuesStore } from './skill-queues-store.ts';
import { createSkillsStore } from './skills-store.ts';
import { createWorkstationsStore } from './workstations-store.ts';
import { createTeamsStore } from './teams-store.ts';
import { createUserLinks } from './user-links.ts';
import { createUsersStore } from './users-store.ts';

const DIRECTORY = { read: 'directory.read', write: 'admin.manage' } as const;

export async function directoryRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { repos, db, pbx } = ctx;
  const links = createUserLinks(repos);
  const passwords = createPasswordHasher(app.gateway.config.passwordHashing);
  const { auth, principalChanges } = app.gateway;
  const ended = (reason: 'disabled' | 'deleted') => async (userId: string) => {
    await auth.revokeUser(userId, reason);
    try {
      await ctx.hooks.onUserDisabled?.(userId);
    } catch (err) {
      app.log.error({ err, userId }, 'user-disabled hook failed');
    }
  };
  const users = {
    onDisabled: ended('disabled'),
    onDeleted: ended('deleted'),
    onPasswordChanged: (userId: string) => auth.passwordChanged(userId),
    onChanged: (userId: string) => principalChanges.publish({ kind: 'user.changed', userId, at: ctx.now() }),
  };
  // biome-ignore lint/suspicious/noExplicitAny: each resource has its own schema types
  const mount = (options: CrudOptions<any, any, any>) => {
    const notify = notifyChange(app, ctx, options.name);
    return app.register(
      crudRoutes({
        ...options,
        onChange: async (change) => {
          const principal = principalChangeOf(options.name, change, ctx.now());
          if (principal) principalChanges.publish(principal);
          await notify(change);
        },
      }),
    );
  };

  await mount({
    prefix: '/api/users',
    name: 'user',
    schemas: { entity: UserSchema, create: UserCreateSchema, update: UserUpdateSchema },
    store: createUsersStore({ repos, links, pbx, passwords, ...users }),
    permission: 'admin.manage',
  });
  await mount({
    prefix: '/api/agents',
    name: 'agent',
    schemas: { entity: S.AgentEntitySchema, create: S.AgentCreateBodySchema, update: S.AgentUpdateBodySchema },
    store: createAgentsStore({
      repos,
      links,
      pbx,
      passwords,
      transaction: (work) =>
        db.transaction().execute((trx) => {
          const txRepos = createRepositories({ db: trx, dialect: ctx.dialect, now: ctx.now, ...(ctx.defaultCountry ? { defaultCountry: ctx.defaultCountry } : {}) });
          return work({ repos: txRepos, links: createUserLinks(txRepos) });
        }),
    }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/skills',
    name: 'skill',
    schemas: { entity: SkillSchema, create: S.SkillCreateBodySchema, update: SkillUpdateSchema },
    store: createSkillsStore({ repos }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/skill-queues',
    name: 'skill-queue',
    schemas: { entity: SkillQueueSchema, create: S.SkillQueueCreateBodySchema, update: SkillQueueUpdateSchema },
    store: createSkillQueuesStore({ repos, pbx }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/workstations',
    name: 'workstation',
    schemas: { entity: S.WorkstationEntitySchema, create: S.WorkstationCreateBodySchema, update: S.WorkstationUpdateBodySchema },
    store: createWorkstationsStore({ repos, pbx }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/pause-reasons',
    name: 'pause-reason',
    schemas: { entity: PauseReasonSchema, create: S.PauseReasonCreateBodySchema, update: S.PauseReasonUpdateBodySchema },
    store: createPauseReasonsStore({ repos }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/teams',
    name: 'team',
    schemas: { entity: TeamSchema, create: S.TeamCreateBodySchema, update: TeamUpdateSchema },
    store: createTeamsStore({ repos, db, links }),
    permission: DIRECTORY,
  });
  await mount({
    prefix: '/api/queues',
    name: 'queue',
    schemas: { entity: S.QueueEntitySchema, create: S.QueueCreateBodySchema, update: S.QueueUpdateBodySchema },
    store: createQueuesStore({
      repos,
      pbx,
      defaultServiceLevelSeconds: ctx.defaultServiceLevelSeconds,
      liveQueues: () => app.gateway.state.snapshot().queues.map((q) => q.queue),
    }),
    permission: DIRECTORY,
    idOf: (q: S.QueueEntity) => q.queue,
  });
  await mount({
    prefix: '/api/api-keys',
    name: 'api-key',
    schemas: { entity: S.ApiKeyEntitySchema, create: S.ApiKeyCreateBodySchema, update: S.ApiKeyUpdateBodySchema },
    store: createApiKeysStore({ repos, db, links, now: ctx.now }),
    permission: 'admin.manage',
  });
}
