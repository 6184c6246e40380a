/**
 * `POST /api/customers/import?mode=best-effort|all-or-nothing` with a CSV body (`text/csv`), and
 * `GET /api/customers/import/:id` to follow an import still running. The answer is the import
 * report (200) when the import ends within `import.waitMs`, otherwise the running job (202).
 */
import { ErrorBodySchema, Identifier, IdParamsSchema, Nullable, Timestamp } from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { importCustomersCsv } from '../../directory/csv-import.ts';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { CODES } from '../../identity/errors.ts';
import type { FeatureContext } from './deps.ts';
import { createImportJobs, type ImportJob, type ImportMode, importReport } from './import-jobs.ts';
import { invalid, notFound } from './store-errors.ts';

const Mode = Type.Union([Type.Literal('best-effort'), Type.Literal('all-or-nothing')]);
export const ImportQuerySchema = Type.Object({ mode: Type.Optional(Mode) });

export const ImportReportSchema = Type.Object({
  id: Identifier(),
  mode: Mode,
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  phase: Type.String({ maxLength: 16 }),
  /** Data rows in the file (header excluded), once read. */
  total: Nullable(Type.Integer({ minimum: 0 })),
  /** Progress in rows: reading and validating count for half, writing for the other half. */
  processed: Type.Integer({ minimum: 0 }),
  created: Type.Integer({ minimum: 0 }),
  inserted: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  /** Refused rows: `line` counts from 1 and includes the header line. At most 1000 are listed. */
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ minimum: 1 }),
      reason: Type.String(),
      reasons: Type.Array(Type.String()),
      values: Type.Record(Type.String(), Type.String()),
    }),
  ),
  rejectedCount: Type.Integer({ minimum: 0 }),
  /** Whether anything was written (all-or-nothing writes nothing when a row is bad). */
  committed: Type.Boolean(),
  code: Nullable(Type.String({ maxLength: 64 })),
  message: Nullable(Type.String()),
  startedAt: Timestamp(),
  finishedAt: Nullable(Timestamp()),
});

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 422: ErrorBodySchema };

export async function customerImportRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize, audit } = app.gateway;
  const jobs = createImportJobs({ now: ctx.now, keep: ctx.import.keepJobs, ttlMs: ctx.import.jobTtlMs });
  const bodyLimit = ctx.import.maxBytes;
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.post<{ Querystring: Static<typeof ImportQuerySchema>; Body: unknown }>(
    '/api/customers/import',
    {
      bodyLimit,
      schema: {
        tags: ['customer'],
        summary: 'Import customers from CSV (columns number,name,address,language,notes; header line first)',
        security: SECURED,
        consumes: ['text/csv'],
        querystring: ImportQuerySchema,
        response: { 200: ImportReportSchema, 202: ImportReportSchema, ...errors },
      },
      preHandler: authorize('customer.import'),
    },
    async (request, reply) => {
      const csv = request.body;
      if (typeof csv !== 'string' || csv.trim() === '') {
        throw invalid('/body', 'Send the CSV file as the request body, with Content-Type: text/csv');
      }
      const principal = principalOf(request);
      const mode: ImportMode = request.query.mode ?? 'all-or-nothing';
      const deps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, ...(ctx.defaultCountry ? { defaultCountry: ctx.defaultCountry } : {}) };
      const job = jobs.start(principal.userId, mode, (m, onProgress) => importCustomersCsv(deps, csv, { mode: m, onProgress }));
      void job.done.then(() => {
        const ok = job.status === 'done' && job.result?.committed === true;
        const code = job.status === 'failed' ? importReport(job).code : ok ? null : CODES.VALIDATION;
        const args = { mode, bytes: Buffer.byteLength(csv), rows: job.total, rejected: job.result?.rejected.length ?? null };
        audit({ principal, ip: request.ip, channel: 'rest', action: 'customer.import', args, ok, code });
      });
      if (ctx.import.waitMs > 0) await settledWithin(job.done, ctx.import.waitMs);
      if (job.status === 'failed') throw job.error;
      return reply.status(job.status === 'running' ? 202 : 200).send(importReport(job));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/customers/import/:id',
    {
      schema: {
        tags: ['customer'],
        summary: 'The progress or result of a customer import',
        security: SECURED,
        params: IdParamsSchema,
        response: { 200: ImportReportSchema, ...errors },
      },
      preHandler: authorize('customer.import'),
    },
    async (request) => {
      const principal = principalOf(request);
      const job: ImportJob | undefined = jobs.get(request.params.id);
      if (!job || (job.owner !== principal.userId && principal.role !== 'admin')) throw notFound(`No import ${request.params.id}`);
      return importReport(job);
    },
  );
}

function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
