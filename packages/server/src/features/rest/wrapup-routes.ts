/** `GET|PUT /api/settings/wrapup`: the wrap-up policy (see wrapup-policy.ts). Writing is for admins, and audited. */
import { ErrorBodySchema } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { CODES } from '../../identity/errors.ts';
import { notifyChange } from './change-hook.ts';
import type { FeatureContext } from './deps.ts';
import {
  readWrapupPolicy,
  type WrapupPolicyDeps,
  WrapupPolicySchema,
  type WrapupPolicyUpdate,
  WrapupPolicyUpdateSchema,
  writeWrapupPolicy,
} from './wrapup-policy.ts';

const PATH = '/api/settings/wrapup';
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

export async function wrapupRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize, audit } = app.gateway;
  const deps: WrapupPolicyDeps = {
    repos: ctx.repos,
    pbx: ctx.pbx,
    defaultWrapup: ctx.defaultWrapup,
    allowManualExtension: ctx.allowManualExtension,
  };

  app.get(
    PATH,
    {
      schema: { tags: ['settings'], summary: 'The wrap-up policy', security: SECURED, response: { 200: WrapupPolicySchema, ...errors } },
      preHandler: authorize('directory.read'),
    },
    async () => readWrapupPolicy(deps),
  );

  app.put<{ Body: WrapupPolicyUpdate }>(
    PATH,
    {
      schema: {
        tags: ['settings'],
        summary: 'Change the wrap-up policy (the fields given; `queues` replaces every per-queue override)',
        security: SECURED,
        body: WrapupPolicyUpdateSchema,
        response: { 200: WrapupPolicySchema, ...errors },
      },
      preHandler: authorize('admin.manage'),
    },
    async (request) => {
      const entry = { principal: principalOf(request), ip: request.ip, channel: 'rest' as const, action: 'wrapupPolicy.update', args: request.body };
      try {
        const policy = await writeWrapupPolicy(deps, request.body);
        audit({ ...entry, ok: true });
        await notifyChange(app, ctx, 'wrapup-policy')({ op: 'update', id: 'wrapup', entity: policy });
        return policy;
      } catch (error) {
        audit({ ...entry, ok: false, code: (error as { code?: string }).code ?? CODES.INTERNAL });
        throw error;
      }
    },
  );
}
