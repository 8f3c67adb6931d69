// Activity files over HTTP: the import wizard's upload (IATI XML or HXL CSV, any size up to
// IMPORT_MAX_BYTES) and downloads in every export format. The upload is streamed to a temp file
// as it arrives (never held in memory) and parsed from there, in a worker when large.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/access/request-context.ts';
import { AppError } from '../../platform/errors.ts';
import { importReportSchema } from './activities.schema.ts';
import { ActivityFilesService, IMPORT_MAX_BYTES, importFormats, tooLarge, type ExportFormat } from './iati/activity-files.ts';

/** What the upload parser hands the route: the temp file holding the body. */
interface SpooledBody {
  spooled: string;
  bytes: number;
}

export const uploadQuerySchema = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  format: z.enum(importFormats).optional().describe('iati (XML) or hxl (CSV); told from the first bytes when left out'),
  organisationId: z.uuid().optional().describe('Report every activity of the file as this organisation'),
});
export const uploadReportSchema = importReportSchema.extend({ format: z.enum(importFormats), bytes: z.number().int() });

/**
 * Copies the request body to a file. Past the limit it stops reading (the rest is never
 * buffered) so the 413 answer goes out at once, instead of destroying the connection.
 */
function spool(body: Readable, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      body.off('data', count);
      body.unpipe(out);
      body.pause();
      // The temp file is removed after this rejects: wait until it is closed (and so exists).
      out.destroy();
      if (out.closed) reject(err);
      else out.once('close', () => reject(err));
    };
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > IMPORT_MAX_BYTES) fail(tooLarge(bytes));
    };
    body.on('data', count);
    body.once('error', fail);
    body.once('close', () => {
      if (!body.readableEnded) fail(new Error('the upload was cut off'));
    });
    out.once('error', fail);
    out.once('finish', () => {
      if (!failed) resolve(bytes);
    });
    body.pipe(out);
  });
}

export const activityImportRoutes = (files: ActivityFilesService): FastifyPluginAsyncZod => async (app) => {
  const tags = ['activities'];

  // Only inside this plugin: any body type arrives as a temp file (browsers label CSV files
  // variously: text/csv, application/vnd.ms-excel, text/plain...).
  app.addContentTypeParser('*', { bodyLimit: IMPORT_MAX_BYTES }, (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) return done(tooLarge(declared));
    const file = path.join(os.tmpdir(), `tiphub-import-${randomUUID()}`);
    spool(payload as Readable, file).then(
      (bytes) => done(null, { spooled: file, bytes } satisfies SpooledBody),
      (err: unknown) => {
        fs.rm(file, { force: true }, () => done(err instanceof AppError ? err : new AppError('BAD_REQUEST', `The upload did not arrive whole: ${(err as Error).message}`)));
      },
    );
  });
  app.addHook('onResponse', async (req) => {
    const body = req.body as Partial<SpooledBody> | undefined;
    if (body && typeof body.spooled === 'string') await fs.promises.rm(body.spooled, { force: true });
  });

  app.post(
    '/activities/import',
    {
      config: { access: { permission: 'activities.manage' } },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: `Import an IATI 2.03 XML file or an HXL 3W CSV (raw body, up to ${IMPORT_MAX_BYTES / 1024 / 1024} MiB); with dryRun, a preview that saves nothing`,
        querystring: uploadQuerySchema,
        response: { 200: uploadReportSchema },
      },
    },
    async (req) => {
      const body = req.body as Partial<SpooledBody> | undefined;
      if (!body || typeof body.spooled !== 'string' || !body.bytes) {
        throw new AppError('VALIDATION_FAILED', 'Send the file as the request body', [{ field: 'body', reason: 'an IATI XML or HXL CSV file' }]);
      }
      const report = await files.import(req.actor, { file: body.spooled }, { dryRun: req.query.dryRun, asOrganisationId: req.query.organisationId, format: req.query.format }, requestContext(req));
      return { ...report, bytes: body.bytes };
    },
  );

  const exportQuery = z.object({ organisation: z.uuid().optional().describe('Only activities this organisation reports') });
  const download = (url: string, format: ExportFormat, summary: string, produces: string) =>
    app.get(url, { config: { access: { public: true } }, schema: { tags, summary, querystring: exportQuery, produces: [produces] } }, async (req, reply) => {
      const file = await files.export(format, req.query.organisation);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });
  download('/activities/export.csv', 'hxl', 'Published activities as an HXL 3W CSV (re-importable)', 'text/csv');
  download('/activities/export.xlsx', 'xlsx', 'Published activities as an Excel workbook (activities, countries, finance)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
};
