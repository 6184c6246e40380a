/**
 * `PUT /api/calls/:callId/disposition` `{ disposition?, notes?, pbx? }`: the disposition code and
 * notes an agent writes in wrap-up, stored on the call record (`call_records.disposition`,
 * `call_records.notes`). Audited as `call.disposition`. Once stored, the agent who owed the
 * disposition may be Ready (the `onDispositionSet` hook tells the agent workflow at once).
 */
import { type CallDispositionUpdate, CallDispositionUpdateSchema, CallRecordSchema, ErrorBodySchema, Identifier } from '@amiable/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { CODES } from '../../identity/errors.ts';
import { toCallRecordDto } from './call-log.ts';
import { callForDisposition, checkDispositionCode } from './call-disposition.ts';
import type { FeatureContext } from './deps.ts';
import { notFound } from './store-errors.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export async function callDispositionRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize, audit } = app.gateway;
  app.put<{ Params: { callId: string }; Body: CallDispositionUpdate }>(
    '/api/calls/:callId/disposition',
    {
      schema: {
        tags: ['calls'],
        summary: "Set a finished call's disposition code and notes (your own calls; supervisors and admins: calls within reach)",
        security: SECURED,
        params: Type.Object({ callId: Identifier() }),
        body: CallDispositionUpdateSchema,
        response: { 200: CallRecordSchema, ...errors },
      },
      preHandler: authorize('call.read'),
    },
    async (request) => {
      const principal = principalOf(request);
      const { callId } = request.params;
      const { pbx, ...fields } = request.body;
      const entry = { principal, ip: request.ip, channel: 'rest' as const, action: 'call.disposition', args: { callId, ...request.body } };
      try {
        const record = await callForDisposition(ctx.repos, principal, callId, pbx);
        if (typeof fields.disposition === 'string') await checkDispositionCode(ctx.repos, record, fields.disposition);
        const notes = typeof fields.notes === 'string' && fields.notes.trim() === '' ? null : fields.notes;
        const saved = await ctx.repos.callRecords.setDisposition(record.pbx, record.linkedid, {
          ...(fields.disposition === undefined ? {} : { disposition: fields.disposition }),
          ...(notes === undefined ? {} : { notes }),
        });
        if (!saved) throw notFound(`No call ${callId} in the call log`);
        audit({ ...entry, ok: true });
        if (saved.disposition !== null) {
          try {
            await ctx.hooks.onDispositionSet?.(saved.pbx, saved.linkedid);
          } catch (err) {
            app.log.error({ err, callId }, 'disposition hook failed');
          }
        }
        return toCallRecordDto(saved);
      } catch (error) {
        audit({ ...entry, ok: false, code: (error as { code?: string }).code ?? CODES.INTERNAL });
        throw error;
      }
    },
  );
}
