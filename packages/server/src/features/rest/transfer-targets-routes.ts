/** `GET /api/transfer-targets`: the configured transfer targets, for desks to offer. */
import { ErrorBodySchema, type TransferTargets, TransferTargetsSchema } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { SECURED } from '../../gateway/http/context.ts';
import { listTransferTargets, type TransferTarget } from '../calls/transfer-targets.ts';

export interface TransferTargetSource {
  targets: readonly TransferTarget[];
  /** The queues the PBX reports now (offered when no targets are configured). */
  queues: () => ReadonlySet<string>;
}

export async function transferTargetRoutes(app: FastifyInstance, source: TransferTargetSource): Promise<void> {
  app.get(
    '/api/transfer-targets',
    {
      schema: {
        tags: ['calls'],
        summary: 'Where calls may be transferred: queues, extensions and external number prefixes',
        security: SECURED,
        response: { 200: TransferTargetsSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
      preHandler: app.gateway.authorize('call.control'),
    },
    async (): Promise<TransferTargets> => {
      const list = listTransferTargets({ targets: source.targets, queues: source.queues() });
      return { restricted: list.restricted, targets: list.targets.map((t) => ({ kind: t.kind, value: t.value, label: t.label ?? null })) };
    },
  );
}
