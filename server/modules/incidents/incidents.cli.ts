// `tiphub incidents retention ...`: set a State's retention period, and erase the identifiers
// of cases past it at once (the server also sweeps every RETENTION_SWEEP_HOURS, see retention-schedule.ts).
import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { prepareDatabase } from '../../platform/db/prepare.ts';
import { settingsFrom } from '../../platform/settings.ts';
import { IncidentsService } from './incidents.service.ts';
import { incidentImportFormats, type ImportOutcome, type IncidentImportFormat } from './import/import-types.ts';
import { incidentImporter } from './import/importers.ts';

export const incidentsUsage = `  incidents retention set ISO3 YEARS|none
                     erase a State's case identifiers YEARS after reporting (none: keep them)
  incidents retention apply
                     erase identifiers of every case past its State's retention period now
                     (the server does it by itself every RETENTION_SWEEP_HOURS)`;

/** Runs `tiphub incidents ...` on an open database; returns the exit code (0 done, 2 usage). */
export async function runIncidentsCommand(args: string[], database: Database, masterKey: Buffer, log: (line: string) => void = console.log): Promise<number> {
  const [area, action, state, years] = args;
  if (area !== 'retention') return usageError(`Unknown incidents action "${area ?? ''}".`);
  const service = new IncidentsService(database, { masterKey });
  if (action === 'set') {
    if (!state || !/^[A-Za-z]{3}$/.test(state)) return usageError('Give the State as an ISO 3166-1 alpha-3 code.');
    const value = years === 'none' ? null : Number(years);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 200)) return usageError('YEARS must be a whole number from 1 to 200, or "none".');
    await service.setRetention(state, value);
    log(value === null ? `${state.toUpperCase()}: identifiers are kept.` : `${state.toUpperCase()}: identifiers are erased ${value} years after reporting.`);
    return 0;
  }
  if (action === 'apply') {
    const result = await service.applyRetention();
    if (result.length === 0) log('No State has a retention period.');
    for (const r of result) log(`${r.state}: identifiers erased from ${r.erased} case(s).`);
    return 0;
  }
  return usageError(`Unknown retention action "${action ?? ''}". Use "set" or "apply".`);
}

export async function incidentsCommand(args: string[], config: Config): Promise<number> {
  const { settings } = settingsFrom(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    return await runIncidentsCommand(args, database, settings.masterKey);
  } finally {
    await database.close();
  }
}

function usageError(message: string): number {
  console.error(`${message}\n\nUsage:\n${incidentsUsage}`);
  return 2;
}

export const incidentsImportUsage = `  import incidents FILE --format htcds|ctdc|glotip [--reporter ISO3] [--dry-run]
                     case-level reports (HTCDS columns, CSV or XLSX; CTDC global dataset) or
                     aggregate counts (UNODC GLOTIP); --reporter where the file does not name the
                     reporting State. Every bad row is listed and nothing is saved; idempotent`;

/** Prints an import outcome for a person at a terminal: problems, then counts, then the summary. */
export function printImportOutcome(file: string, r: ImportOutcome, out: (line: string) => void, err: (line: string) => void): void {
  for (const w of r.warnings ?? []) err(`${file}: warning: ${describeProblem(w)}`);
  for (const p of r.problems) err(`${file}: ${describeProblem(p)}`);
  const counts = `${r.rowsRead} rows: ${r.created} new, ${r.updated} new versions, ${r.unchanged} unchanged`;
  if (r.problems.length) out(`Nothing saved: ${r.problems.length} problem(s). ${r.rowsRead} rows read.`);
  else out(r.dryRun ? `Dry run, nothing saved: ${counts}.` : `Imported: ${counts}.`);
  if (r.summary.length) {
    out('Indicator\tYear\tRows\tTotal');
    for (const s of r.summary) out(`${s.indicator}\t${s.year}\t${s.rows}\t${s.total}`);
  }
}

function describeProblem(p: { line: number; column?: string; value?: string; reason: string }): string {
  const where = [p.line ? `line ${p.line}` : null, p.column ? `column ${p.column}` : null, p.value === undefined ? null : `value ${JSON.stringify(p.value)}`].filter(Boolean).join(', ');
  return where ? `${where}: ${p.reason}` : p.reason;
}

/** `tiphub import incidents ...`. Exit codes: 0 imported (or checked), 1 refused with the problems listed, 2 usage. */
export async function importIncidentsCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, reporter: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${incidentsImportUsage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error(`Give one file.\n\n${incidentsImportUsage}`);
    return 2;
  }
  const format = parsed.values.format as IncidentImportFormat | undefined;
  if (!format || !incidentImportFormats.includes(format)) {
    console.error(`Give --format ${incidentImportFormats.join('|')}.\n\n${incidentsImportUsage}`);
    return 2;
  }
  const reporter = parsed.values.reporter;
  if (reporter !== undefined && !/^[A-Za-z]{3}$/.test(reporter)) {
    console.error(`--reporter must be an ISO 3166-1 alpha-3 code.\n\n${incidentsImportUsage}`);
    return 2;
  }
  const { settings } = settingsFrom(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    const importer = await incidentImporter(format);
    const outcome = await importer(database, settings, { kind: 'system' }, {
      filePath: file,
      fileName: file,
      ...(reporter ? { reporter: reporter.toUpperCase() } : {}),
      dryRun: parsed.values['dry-run'] === true,
    });
    printImportOutcome(file, outcome, console.log, console.error);
    return outcome.problems.length ? 1 : 0;
  } finally {
    await database.close();
  }
}
