import {
  ErrorBodySchema,
  LoginRequestSchema,
  LogoutRequestSchema,
  MeSchema,
  ROLE_PERMISSIONS,
  RefreshRequestSchema,
  TokenPairSchema,
} from '@amiable/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../identity/principal.ts';
import { renderError } from '../error-body.ts';
import { authenticateRequest } from './authorize.ts';
import { principalOf, SECURED } from './context.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema };

/** Login, refresh and logout. Every attempt is audited, refused ones included. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { auth, audit, authorize } = app.gateway;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password',
        body: LoginRequestSchema,
        response: { 200: TokenPairSchema, ...errors },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      try {
        const { tokens, principal } = await auth.login(username, password, request.ip);
        audit({ principal, ip: request.ip, channel: 'rest', action: 'auth.login', ok: true });
        return tokens;
      } catch (err) {
        audit({ username, ip: request.ip, channel: 'rest', action: 'auth.login', ok: false, code: renderError(err).body.code });
        throw err;
      }
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair (the old refresh token stops working)',
        body: RefreshRequestSchema,
        response: { 200: TokenPairSchema, ...errors },
      },
    },
    async (request) => {
      try {
        return await auth.refresh(request.body.refreshToken);
      } catch (err) {
        audit({ ip: request.ip, channel: 'rest', action: 'auth.refresh', ok: false, code: renderError(err).body.code });
        throw err;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: "End the caller's session (or all sessions) and close its WebSockets",
        body: Type.Optional(LogoutRequestSchema),
        security: SECURED,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      let principal: Principal | undefined;
      try {
        principal = await authenticateRequest(auth, request);
      } catch (err) {
        if (!request.body?.refreshToken) throw err;
      }
      if (principal) await auth.logout(principal, { everywhere: request.body?.everywhere ?? false });
      if (request.body?.refreshToken) await auth.revokeRefreshToken(request.body.refreshToken);
      audit({ ...(principal ? { principal } : {}), ip: request.ip, channel: 'rest', action: 'auth.logout', ok: true });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Who the caller is and what they may see', security: SECURED, response: { 200: MeSchema, ...errors } },
      preHandler: authorize(),
    },
    async (request) => {
      const p = principalOf(request);
      return {
        userId: p.userId,
        username: p.username,
        role: p.role,
        agentId: p.agentId ?? null,
        extensions: [...p.extensions],
        queues: [...p.queues],
        agents: [...p.agents],
        teams: [...p.teams],
        permissions: [...ROLE_PERMISSIONS[p.role]],
      };
    },
  );
}
