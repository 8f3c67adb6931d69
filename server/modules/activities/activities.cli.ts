// `tiphub import activities FILE [--dry-run] [--as-organisation ID]` (IATI XML or HXL CSV, told
// apart by the first bytes) and `tiphub export activities --format iati|hxl|xlsx [--out FILE]`.
// The command line acts as the system.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { prepareDatabase } from '../../platform/db/prepare.ts';
import { AppError } from '../../platform/errors.ts';
import type { ImportReport } from './activities.schema.ts';
import { ActivityFilesService, exportFormats, type ExportFormat } from './iati/activity-files.ts';

export const activitiesImportUsage = `  import activities FILE [--dry-run] [--as-organisation ID]
                     load an IATI 2.03 activity file (XML) or an HXL 3W table (CSV); prints
                     the report graded critical / error / warning. IATI: critical problems
                     reject that activity, the rest commit together. HXL: any error rejects
                     the whole file. Re-importing the same file changes nothing`;
export const activitiesExportUsage = `  export activities --format iati|hxl|xlsx [--out FILE]
                     published activities as IATI 2.03 XML, an HXL 3W CSV or an Excel
                     workbook (to standard output unless --out; xlsx needs --out)`;

async function withDatabase(config: Config, fn: (database: Database) => Promise<number>): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The report as lines for a terminal. */
export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const p of report.fileProblems) lines.push(`${p.severity.toUpperCase()} ${p.path}: ${p.reason}`);
  for (const a of report.activities) {
    lines.push(`#${a.index} ${a.iatiIdentifier ?? '(no identifier)'}: ${a.outcome}`);
    for (const p of a.problems) lines.push(`  ${p.severity.toUpperCase()} ${p.path}: ${p.reason}`);
  }
  const c = report.counts;
  lines.push(`${report.dryRun ? 'Dry run, nothing saved: ' : ''}${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected.`);
  return lines;
}

/** Exit codes: 0 imported (possibly with rejected activities), 1 the file was refused, 2 usage. */
export async function importActivitiesCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, 'as-organisation': { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${activitiesImportUsage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error(`Give one IATI XML or HXL CSV file.\n\n${activitiesImportUsage}`);
    return 2;
  }
  try {
    await fs.access(file);
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  return withDatabase(config, async (database) => {
    try {
      // The file is read by the parser (in a worker when large), not held here.
      const report = await new ActivityFilesService(database).import(
        { kind: 'system' },
        { file },
        { dryRun: parsed.values['dry-run'] === true, asOrganisationId: parsed.values['as-organisation'] },
        null,
      );
      console.log(`${file}: ${report.format === 'iati' ? 'IATI activity XML' : 'HXL CSV'}`);
      for (const line of formatReport(report)) console.log(line);
      return report.fileProblems.some((p) => p.severity === 'critical') ? 1 : 0;
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'VALIDATION_FAILED' && err.code !== 'PAYLOAD_TOO_LARGE')) throw err;
      console.error(`${file}: ${err.message}`);
      return 1;
    }
  });
}

export async function exportActivitiesCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: false, options: { format: { type: 'string' }, out: { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${activitiesExportUsage}`);
    return 2;
  }
  const format = parsed.values.format as ExportFormat | undefined;
  if (!format || !exportFormats.includes(format)) {
    console.error(`--format ${format ?? '(missing)'} is not supported; use --format ${exportFormats.join('|')}.\n\n${activitiesExportUsage}`);
    return 2;
  }
  const out = parsed.values.out;
  if (format === 'xlsx' && !out) {
    console.error(`An Excel workbook is not text: give --out FILE.\n\n${activitiesExportUsage}`);
    return 2;
  }
  return withDatabase(config, async (database) => {
    const file = await new ActivityFilesService(database).export(format);
    if (out) await fs.writeFile(out, file.body);
    else process.stdout.write(file.body);
    return 0;
  });
}
