// One entry point for activity files in every format: IATI 2.03 XML, HXL 3W CSV (import and
// export) and XLSX (export). Used by the command line and the HTTP import/export routes.
import fs from 'node:fs/promises';
import type { AuditRequestContext } from '../../../platform/audit/audit.service.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { ReferenceService } from '../../reference/reference.service.ts';
import { ActivitiesRepository } from '../activities.repository.ts';
import type { ImportReport } from '../activities.schema.ts';
import { ActivitiesService, type Importer, type ImportOptions } from '../activities.service.ts';
import { toHxlCsv } from '../hxl/hxl-export.ts';
import { HxlImporter } from '../hxl/hxl-import.ts';
import { toXlsx } from '../xlsx/xlsx-export.ts';
import { toIatiXml } from './iati-export.ts';
import { sourceSize, type ImportSource } from './iati-parse.ts';

export const importFormats = ['iati', 'hxl'] as const;
export const exportFormats = ['iati', 'hxl', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];
export type ExportFormat = (typeof exportFormats)[number];

/**
 * The largest file imported, by any path (HTTP upload or command line). The XML parser builds
 * the whole document tree in memory (about ten times the file), so a limit keeps one import
 * from exhausting the server; the largest files on the IATI Registry are split well below it.
 */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

export const tooLarge = (bytes: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; files up to ${IMPORT_MAX_BYTES / 1024 / 1024} MiB are imported. Split it (for example by country or year) and import the parts.`,
    [{ field: 'body', reason: `larger than ${IMPORT_MAX_BYTES} bytes` }],
  );

export interface ExportedFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

/** XML starts with `<` (after a byte-order mark and blanks); anything else is read as CSV. */
export async function detectFormat(source: ImportSource): Promise<ImportFormat> {
  let head: string;
  if (typeof source === 'string') head = source.slice(0, 1024);
  else {
    const handle = await fs.open(source.file, 'r');
    try {
      const buffer = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(buffer, 0, 1024, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  }
  return head.replace(/^\ufeff/, '').trimStart().startsWith('<') ? 'iati' : 'hxl';
}

export class ActivityFilesService {
  constructor(private readonly database: Database) {}

  /** Imports a file in the given format, or the one its first bytes show. */
  async import(importer: Importer, source: ImportSource, options: ImportOptions & { format?: ImportFormat | undefined }, request: AuditRequestContext | null): Promise<ImportReport & { format: ImportFormat }> {
    const size = await sourceSize(source);
    if (size > IMPORT_MAX_BYTES) throw tooLarge(size);
    const format = options.format ?? (await detectFormat(source));
    const report =
      format === 'iati'
        ? await new ActivitiesService(this.database).importIati(importer, source, options, request)
        : await new HxlImporter(this.database).import(importer, source, options, request);
    return { ...report, format };
  }

  /** Published activities (optionally of one reporting organisation) as a file. */
  async export(format: ExportFormat, organisationId?: string): Promise<ExportedFile> {
    const rows = await new ActivitiesRepository(this.database.db).publishedDocuments(organisationId);
    const items = rows.map((r) => ({ document: r.document, updatedAt: r.updated_at }));
    if (format === 'iati') return { body: toIatiXml(items), contentType: 'application/xml; charset=utf-8', filename: 'tiphub-activities.xml' };
    const iso3 = new Map((await new ReferenceService(this.database.db).countries()).map((c) => [c.iso2, c.iso3]));
    const toIso3 = (iso2: string) => iso3.get(iso2) ?? iso2;
    if (format === 'hxl') return { body: toHxlCsv(items.map((i) => i.document), toIso3), contentType: 'text/csv; charset=utf-8', filename: 'tiphub-activities-hxl.csv' };
    return { body: await toXlsx(items, toIso3), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'tiphub-activities.xlsx' };
  }
}
