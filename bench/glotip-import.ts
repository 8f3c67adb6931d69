// GLOTIP import (aggregate counts): a generated long-format CSV (150 States × 20 years × 30
// values), imported whole (read, check, map names, plan from plain reads, write in one
// transaction) against a raw COPY of the same reports, versions and values in one transaction,
// same engine, same run. Also measured: the longest the database kept another user waiting (a
// query repeated every 20 ms throughout the import): the embedded database has one session.
//
//   npm run bench:glotip-import                                   (PGlite)
//   BENCH_GLOTIP_STATES=50 npm run bench:glotip-import
//   BENCH_DATABASE_URL=postgres://... npm run bench:glotip-import (PostgreSQL too)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createBlankPostgresDatabase } from '../test/helpers/database.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/platform/db/prepare.ts';
import { importGlotip } from '../server/modules/incidents/import/glotip.ts';

const STATES = Number(process.env.BENCH_GLOTIP_STATES ?? 150);
const YEARS = 20;
const log = (s: string) => console.log(s);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-bench-glotip-'));

const indicators = ['Detected trafficking victims', 'Persons prosecuted', 'Persons convicted'];
const forms = ['Sexual exploitation', 'Forced labour', 'Other forms of exploitation'];

/** 30 values per State and year: 3 indicators × sex × age, and victims by form. */
function writeFile(file: string, states: string[]): number {
  const lines = ['Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source'];
  for (const state of states) {
    for (let year = 2003; year < 2003 + YEARS; year++) {
      for (const indicator of indicators) {
        for (const sex of ['Total', 'Female', 'Male']) {
          for (const age of ['Total', '0 to 17 years', '18 years or over']) lines.push(`${state},,,,${indicator},Total,Total,${sex},${age},${year},Counts,${(year * 7 + state.charCodeAt(1) * 13) % 500},bench`);
        }
      }
      for (const form of forms) lines.push(`${state},,,,Detected trafficking victims,by form of exploitation,${form},Total,Total,${year},Counts,${year % 40},bench`);
    }
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

/** Runs `fn` while another user asks the database something every 20 ms; the longest wait for an answer. */
async function whileOthersAsk<T>(database: Database, fn: () => Promise<T>): Promise<{ result: T; seconds: number; longestWaitMs: number }> {
  let stop = false;
  let longest = 0;
  const other = (async () => {
    while (!stop) {
      const asked = performance.now();
      await sql`SELECT count(*) FROM countries`.execute(database.db);
      longest = Math.max(longest, performance.now() - asked);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = performance.now();
  const result = await fn();
  const seconds = (performance.now() - start) / 1000;
  stop = true;
  await other;
  return { result, seconds, longestWaitMs: longest };
}

const tables = ['aggregate_reports', 'aggregate_report_versions', 'aggregate_values'] as const;

async function rawCopy(database: Database): Promise<number> {
  const dumps = new Map<string, { columns: string[]; data: Buffer }>();
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(database.db);
    const columns = Object.keys(rows[0]!);
    const text = rows.map((r) => columns.map((c) => copyText(r[c])).join('\t')).join('\n');
    dumps.set(table, { columns, data: Buffer.from(`${text}\n`) });
  }
  await sql`TRUNCATE aggregate_values, aggregate_report_versions, aggregate_reports`.execute(database.db);
  const start = performance.now();
  await database.transaction(async (tx) => {
    for (const table of tables) await tx.copyRaw({ table, columns: dumps.get(table)!.columns }, dumps.get(table)!.data);
  });
  return (performance.now() - start) / 1000;
}

function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

async function bench(engine: string, database: Database): Promise<void> {
  await prepareDatabase(database);
  const states = (await sql<{ iso3: string }>`SELECT iso3 FROM countries ORDER BY iso3 LIMIT ${STATES}`.execute(database.db)).rows.map((r) => r.iso3);
  const file = path.join(work, 'glotip.csv');
  const rows = writeFile(file, states);
  const imported = await whileOthersAsk(database, () => importGlotip(database, {} as never, { kind: 'system' }, { filePath: file, fileName: 'glotip.csv', dryRun: false }));
  if (!imported.result.committed) throw new Error(`not committed: ${JSON.stringify(imported.result.problems.slice(0, 3))}`);
  const raw = await rawCopy(database);
  log(`| ${engine} | ${rows.toLocaleString('en')} | ${imported.seconds.toFixed(1)} s | ${raw.toFixed(1)} s | ${(imported.seconds / raw).toFixed(2)} | ${(imported.longestWaitMs / 1000).toFixed(2)} s |`);
}

log(`GLOTIP import: ${STATES} States × ${YEARS} years × 30 values. Machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
log('| Engine | Rows | Import | Raw COPY of the same rows | Ratio | Longest wait of another user |');
log('|---|---:|---:|---:|---:|---:|');
try {
  const pglite = await openDatabase({ dataDir: path.join(work, 'pglite') });
  await bench('PGlite', pglite).finally(() => pglite.close());
  if (process.env.BENCH_DATABASE_URL) {
    const blank = await createBlankPostgresDatabase(process.env.BENCH_DATABASE_URL);
    const postgres = await openDatabase({ url: blank.url, poolSize: 4 });
    await bench('PostgreSQL', postgres).finally(async () => {
      await postgres.close();
      await blank.drop();
    });
  } else log('PostgreSQL skipped: set BENCH_DATABASE_URL to include it');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
