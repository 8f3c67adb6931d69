// Bulk import of incident reports over HTTP (the web wizard at /incidents/import): upload the file
// as the raw body (streamed to a temp file, never held in memory; its own size limit), which
// starts a job; poll the job for progress, the preview, the problems and the summary; commit a
// clean dry run. Formats: HTCDS (CSV/XLSX), CTDC global dataset, UNODC GLOTIP.
// Every import commits all or nothing, yet never holds the database for long: case-level imports
// write a batch per short transaction, invisible until one short transaction publishes them
// (import/case-import.ts), so even on the embedded PGlite, a single session, every other
// request gets the database between batches. Runs a crash left half-written are abandoned and
// cleaned when the server starts (onReady). GLOTIP files (aggregate counts, read whole first)
// are written by the aggregates module in one transaction.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { ImportJobs } from './import/import-jobs.ts';
import { incidentImportFormats } from './import/import-types.ts';

/** Largest upload: a few million case rows; the import streams it, so memory does not grow with it. */
export const INCIDENT_IMPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

const tooLarge = (bytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is ${(bytes / 1024 / 1024).toFixed(0)} MiB; files up to ${INCIDENT_IMPORT_MAX_BYTES / 1024 / 1024} MiB are imported. Split it (for example by year) and import the parts.`, [
    { field: 'body', reason: `larger than ${INCIDENT_IMPORT_MAX_BYTES} bytes` },
  ]);

interface SpooledBody {
  spooled: string;
  bytes: number;
}

async function spool(body: NodeJS.ReadableStream, file: string): Promise<number> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      bytes += chunk.length;
      if (bytes > INCIDENT_IMPORT_MAX_BYTES) next(tooLarge(bytes));
      else next(null, chunk);
    },
  });
  await pipeline(body, counter, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return bytes;
}

const problemSchema = z.object({ line: z.number().int().describe('1-based line of the file; 0 for the whole file'), column: z.string().optional(), value: z.string().optional(), reason: z.string() });
const outcomeSchema = z.object({
  format: z.enum(incidentImportFormats),
  dryRun: z.boolean(),
  committed: z.boolean().describe('True only when everything was written; any problem means nothing was'),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int().describe('Cases given a new version (nothing is overwritten)'),
  unchanged: z.number().int(),
  problems: z.array(problemSchema).describe('Each bad row or cell; identifier values are never repeated'),
  warnings: z.array(problemSchema).optional(),
  summary: z.array(z.object({ indicator: z.string(), year: z.number().int(), rows: z.number().int(), total: z.number() })).describe('Per indicator and year, to check against the source'),
});
export const importJobSchema = z.object({
  id: z.uuid(),
  format: z.enum(incidentImportFormats),
  fileName: z.string(),
  reporter: z.string().nullable(),
  dryRun: z.boolean(),
  status: z.enum(['running', 'done', 'failed']),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  preview: z.object({ headerLine: z.number().int(), columns: z.array(z.string()), rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })) }).nullable().describe('The first rows, identifier columns left out'),
  outcome: outcomeSchema.nullable(),
  error: z.string().nullable(),
  committedFrom: z.uuid().nullable(),
  finishedAt: z.string().nullable().describe('When the job stopped running'),
});

const uploadQuerySchema = z.object({
  format: z.enum(incidentImportFormats),
  reporter: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe('The reporting State, for files that do not name it'),
  fileName: z.string().min(1).max(255).default('upload.csv').describe('The file name as chosen (.xlsx is read as a workbook)'),
  dryRun: z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1'),
});
const jobParamsSchema = z.object({ jobId: z.uuid() });

export const incidentImportRoutes = (jobs: ImportJobs): FastifyPluginAsyncZod => async (app) => {
  const tags = ['incidents'];
  const access = { access: { permission: 'state_reports.submit' as const } };

  // Only inside this plugin: any body type arrives as a temp file.
  app.addContentTypeParser('*', { bodyLimit: INCIDENT_IMPORT_MAX_BYTES }, (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > INCIDENT_IMPORT_MAX_BYTES) return done(tooLarge(declared));
    const file = path.join(os.tmpdir(), `tiphub-incident-import-${randomUUID()}`);
    spool(payload, file).then(
      (bytes) => done(null, { spooled: file, bytes } satisfies SpooledBody),
      (err: unknown) => {
        fs.rm(file, { force: true }, () => done(err instanceof AppError ? err : new AppError('BAD_REQUEST', `The upload did not arrive whole: ${(err as Error).message}`)));
      },
    );
  });
  app.addHook('onReady', async () => jobs.recover()); // starts the clean-up, does not wait for it
  app.addHook('onClose', async () => jobs.close());

  app.post(
    '/incidents/imports',
    {
      config: access,
      bodyLimit: INCIDENT_IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Start an import of case reports (HTCDS, CTDC) or aggregate counts (GLOTIP): the file is the raw body',
        description:
          'Answers 202 with a job to poll at GET /incidents/imports/{jobId}. A dry run (the default) checks every row and saves nothing; commit it with POST /incidents/imports/{jobId}/commit. Every import commits all or nothing and is idempotent on (reporting entity, external id).',
        querystring: uploadQuerySchema,
        response: { 202: importJobSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as Partial<SpooledBody> | undefined;
      if (!body || typeof body.spooled !== 'string' || !body.bytes) {
        if (body && typeof body.spooled === 'string') fs.rmSync(body.spooled, { force: true });
        throw new AppError('VALIDATION_FAILED', 'Send the file as the request body', [{ field: 'body', reason: 'a CSV or XLSX file' }]);
      }
      const job = await jobs.start(req.actor, { filePath: body.spooled, fileName: path.basename(req.query.fileName), format: req.query.format, reporter: req.query.reporter, dryRun: req.query.dryRun });
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/incidents/imports/:jobId',
    { config: access, schema: { tags, summary: 'An import job: progress, preview, problems and summary (only its owner sees it)', params: jobParamsSchema, response: { 200: importJobSchema } } },
    async (req) => jobs.get(req.actor, req.params.jobId),
  );

  app.post(
    '/incidents/imports/:jobId/commit',
    { config: access, schema: { tags, summary: 'Import for real the file of a dry run that found no problem (a new job)', params: jobParamsSchema, response: { 202: importJobSchema } } },
    async (req, reply) => reply.code(202).send(await jobs.commit(req.actor, req.params.jobId)),
  );
};
