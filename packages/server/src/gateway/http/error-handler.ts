import { GATEWAY_ERROR_CODES as CODES, type ValidationIssue } from '@amiable/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { renderError } from '../error-body.ts';

/** Every REST error leaves as `{ code, message, details }` with a stable code. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const errors: ValidationIssue[] = error.validation.map((v) => ({
        path: `/${error.validationContext ?? ''}${v.instancePath}`,
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({ code: CODES.VALIDATION, message: error.message, details: { errors } });
    }
    if (typeof error.code === 'string' && error.code.startsWith('FST_') && (error.statusCode ?? 500) < 500) {
      return reply.status(error.statusCode ?? 400).send({ code: CODES.VALIDATION, message: error.message });
    }
    const { status, body, expected } = renderError(error);
    if (!expected) request.log.error({ err: error }, 'request failed');
    const retryAfter = (body.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: CODES.NOT_FOUND, message: `No route ${request.method} ${request.url}` });
  });
}
