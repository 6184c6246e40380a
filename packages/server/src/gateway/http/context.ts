import type { Health } from '@amiable/protocol';
import type { Permission } from '@amiable/protocol';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AuthService } from '../../identity/auth-service.ts';
import type { Clock } from '../../identity/clock.ts';
import type { LivePrincipals } from '../../identity/live-principals.ts';
import type { PrincipalChanges } from '../../identity/principal-changes.ts';
import type { Principal } from '../../identity/principal.ts';
import type { Auditor } from '../audit.ts';
import type { CommandExecutor } from '../commands/execute.ts';
import type { GatewayConfig } from '../config.ts';
import type { GatewayMetrics } from '../metrics.ts';
import type { AuditSink, StateView } from '../ports.ts';
import type { Router } from '../router/router.ts';

/** What the gateway's route plugins share; available as `app.gateway`. */
export interface GatewayContext {
  config: GatewayConfig;
  clock: Clock;
  auth: AuthService;
  /** Publish here whenever a user, API key, role, scope or agent extension changes. */
  principalChanges: PrincipalChanges;
  /** Open connections following the change stream (the AMI port registers its sessions too). */
  livePrincipals: LivePrincipals;
  router: Router;
  metrics: GatewayMetrics;
  state: StateView;
  /** The database writes' state, when the server has durable storage. */
  storageHealth?: () => NonNullable<Health['storage']>;
  audit: Auditor;
  auditSink: AuditSink;
  execute: CommandExecutor;
  /** A preHandler that authenticates the caller (sets `request.principal`) and checks a permission. */
  authorize(permission?: Permission): preHandlerAsyncHookHandler;
}

declare module 'fastify' {
  interface FastifyInstance {
    gateway: GatewayContext;
  }
  interface FastifyRequest {
    /** The authenticated caller; set by `app.gateway.authorize()`. */
    principal: Principal | null;
  }
}

/** The caller, on routes guarded by `authorize()`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('Route is missing the authorize() preHandler');
  return request.principal;
}

/** OpenAPI security requirement for authenticated routes. */
export const SECURED: { [scheme: string]: string[] }[] = [
  { bearerAuth: [] },
  { apiKeyHeader: [] },
  { apiKeyAuthorization: [] },
];
