// `tiphub incidents retention ...`: set a State's retention period, and erase the identifiers
// of cases past it (run it daily from cron or a job runner).
import type { Config } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { prepareDatabase } from '../../platform/db/prepare.ts';
import { settingsFrom } from '../../platform/settings.ts';
import { IncidentsService } from './incidents.service.ts';

export const incidentsUsage = `  incidents retention set ISO3 YEARS|none
                     erase a State's case identifiers YEARS after reporting (none: keep them)
  incidents retention apply
                     erase identifiers of every case past its State's retention period`;

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
