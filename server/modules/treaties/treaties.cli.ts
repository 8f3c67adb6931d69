// `tiphub import treaties FILE [--dry-run]` and `tiphub export treaties [--out FILE]`.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { prepareDatabase } from '../../platform/db/prepare.ts';
import { AppError } from '../../platform/errors.ts';
import { TreatiesService } from './treaties.service.ts';

export const treatiesImportUsage = `  import treaties FILE [--dry-run]
                     load treaty actions from CSV (country_iso3,instrument,action,date,notes):
                     every bad row is listed and nothing is saved; re-importing changes nothing`;
export const treatiesExportUsage = `  export treaties [--out FILE]
                     every treaty action as CSV (to standard output unless --out)`;

async function withDatabase(config: Config, fn: (database: Database) => Promise<number>): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Exit codes: 0 imported (or checked), 1 refused with the problems listed, 2 usage. */
export async function importTreatiesCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${treatiesImportUsage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error(`Give one CSV file.\n\n${treatiesImportUsage}`);
    return 2;
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  const dryRun = parsed.values['dry-run'] === true;
  return withDatabase(config, async (database) => {
    try {
      const r = await new TreatiesService(database).importCsvAsSystem(text, { dryRun, source: `cli:${file}` });
      console.log(`${dryRun ? 'Dry run, nothing saved: ' : ''}${r.rows} rows: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged.`);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
      console.error(`${file}: ${err.message}`);
      for (const d of err.details) {
        const where = [d.line === undefined ? null : `line ${d.line}`, d.field ? `column ${d.field}` : null, d.value === undefined ? null : `value ${JSON.stringify(d.value)}`].filter(Boolean).join(', ');
        console.error(`  ${where}: ${d.reason}`);
      }
      return 1;
    }
  });
}

export async function exportTreatiesCommand(args: string[], config: Config): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: false, options: { out: { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${treatiesExportUsage}`);
    return 2;
  }
  return withDatabase(config, async (database) => {
    const csv = await new TreatiesService(database).exportCsv();
    if (parsed.values.out) {
      await fs.writeFile(parsed.values.out, csv, 'utf8');
      console.error(`Wrote ${csv.split('\n').length - 2} actions to ${parsed.values.out}.`);
    } else {
      process.stdout.write(csv);
    }
    return 0;
  });
}
