import type { Permission } from '@amiable/protocol';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AuthService } from '../../identity/auth-service.ts';
import { CODES, CtiError, forbidden, unauthenticated } from '../../identity/errors.ts';
import { decide } from '../../identity/permissions.ts';
import type { Principal } from '../../identity/principal.ts';
import type { Auditor } from '../audit.ts';
import { renderError } from '../error-body.ts';

/**
 * Reads the caller's credentials: `Authorization: Bearer <access token>`,
 * `Authorization: ApiKey <key>` or `X-API-Key: <key>`.
 */
export async function authenticateRequest(auth: AuthService, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  const apiKeyHeader = request.headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader !== '') return auth.authenticateApiKey(apiKeyHeader);
  if (!header) throw unauthenticated();
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const credential = header.slice(space + 1).trim();
  if (space < 0 || credential === '') throw unauthenticated('Malformed Authorization header');
  if (scheme === 'bearer') return auth.authenticate(credential);
  if (scheme === 'apikey') return auth.authenticateApiKey(credential);
  throw new CtiError(CODES.UNAUTHENTICATED, `Unsupported authorization scheme ${scheme}`);
}

/** The `authorize(permission?)` preHandler factory. Refused attempts with credentials are audited. */
export function createAuthorize(auth: AuthService, audit: Auditor) {
  return function authorize(permission?: Permission): preHandlerAsyncHookHandler {
    return async (request) => {
      const action = `${request.method} ${request.routeOptions.url ?? request.url}`.slice(0, 64);
      let principal: Principal;
      try {
        principal = await authenticateRequest(auth, request);
      } catch (err) {
        const code = renderError(err).body.code;
        if (code !== CODES.UNAUTHENTICATED || request.headers.authorization) {
          audit({ ip: request.ip, channel: 'rest', action, ok: false, code });
        }
        throw err;
      }
      request.principal = principal;
      if (!permission) return;
      const decision = decide(principal, permission);
      if (!decision.ok) {
        audit({ principal, ip: request.ip, channel: 'rest', action, ok: false, code: CODES.FORBIDDEN });
        throw forbidden(decision.reason);
      }
    };
  };
}
