// IATI import: a generated IATI 2.03 file of realistic activities (several narratives, countries
// with percentages, budgets, transactions, results), imported whole (parse in the worker,
// validate, match organisations, write in one transaction) against parsing alone with the same
// parser on the main thread. The ratio full import ÷ parse is what counts (target ≤ 3).
//
//   npm run bench:iati-import
//   BENCH_ACTIVITIES=2000 npm run bench:iati-import
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npm run bench:iati-import
//     (PostgreSQL too: a blank database is created on that server and dropped afterwards)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createBlankPostgresDatabase } from '../test/helpers/database.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/platform/db/prepare.ts';
import { ActivitiesService } from '../server/modules/activities/activities.service.ts';
import { parseIatiXml } from '../server/modules/activities/iati/iati-import.ts';
import { generateIatiFile, PUBLISHERS } from './iati-file.ts';

const ACTIVITIES = positiveInt(process.env.BENCH_ACTIVITIES, 10_000);
const TARGET_RATIO = 3;
const log = (s: string) => console.log(s);

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value ? Number(value) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`);
  return n;
}

// ---------------------------------------------------------------------------------------------

interface Result {
  engine: string;
  parseMs: number;
  importMs: number;
  /** CPU time of this process (all threads, PGlite included): steadier than wall time on a shared machine. */
  parseCpuMs: number;
  importCpuMs: number;
  created: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function measure(engine: string, database: Database, xml: string): Promise<Result> {
  await prepareDatabase(database);
  for (const p of PUBLISHERS) {
    await database.db.insertInto('organisations').values({ type: 'un_entity', name: p.name, acronym: null, country_iso3: null, iati_org_id: p.ref }).execute();
  }
  const countries = new Set((await database.db.selectFrom('countries').select('iso2').execute()).map((c) => c.iso2));

  // Parsing alone: the same parser and country check, on this thread.
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const parsed = parseIatiXml(xml, (c) => countries.has(c));
  const parseMs = performance.now() - t0;
  const parseCpuMs = cpuMs(c0);
  const accepted = parsed.activities.filter((a) => a.document).length;
  if (accepted !== ACTIVITIES) throw new Error(`the generated file should parse whole: ${accepted} of ${ACTIVITIES} accepted`);

  t0 = performance.now();
  c0 = process.cpuUsage();
  const report = await new ActivitiesService(database).importIati({ kind: 'system' }, xml, { dryRun: false }, null);
  const importMs = performance.now() - t0;
  const importCpuMs = cpuMs(c0);
  if (report.counts.created !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} created, got ${JSON.stringify(report.counts)}`);
  log(`  ${engine}: parse ${fmt(parseMs)} (CPU ${fmt(parseCpuMs)}), full import ${fmt(importMs)} (CPU ${fmt(importCpuMs)})`);
  return { engine, parseMs, importMs, parseCpuMs, importCpuMs, created: report.counts.created };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

log(`IATI import benchmark: ${ACTIVITIES.toLocaleString('en')} activities; ${os.cpus().length} CPUs, Node ${process.version}`);
const xml = generateIatiFile(ACTIVITIES);
log(`  file: ${(Buffer.byteLength(xml) / 1024 / 1024).toFixed(1)} MiB`);

const results: Result[] = [];
{
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    results.push(await measure('PGlite', database, xml));
  } finally {
    await database.close();
  }
}
if (process.env.BENCH_DATABASE_URL) {
  const blank = await createBlankPostgresDatabase(process.env.BENCH_DATABASE_URL);
  try {
    const database = await openDatabase({ url: blank.url, poolSize: 2 });
    try {
      results.push(await measure('PostgreSQL', database, xml));
    } finally {
      await database.close();
    }
  } finally {
    await blank.drop();
  }
} else log('  PostgreSQL skipped: set BENCH_DATABASE_URL to include it');

log('');
// The server's CPU time is not in this process for PostgreSQL: its ratio is wall time only.
log('| engine | activities | parse only (CPU) | full import (CPU) | activities/s (import, wall) | ratio wall | ratio CPU | target ≤ 3 |');
log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const ratio = r.importMs / r.parseMs;
  const cpuRatio = r.importCpuMs / r.parseCpuMs;
  log(
    `| ${r.engine} | ${r.created.toLocaleString('en')} | ${fmt(r.parseMs)} (${fmt(r.parseCpuMs)}) | ${fmt(r.importMs)} (${fmt(r.importCpuMs)}) | ${Math.round(r.created / (r.importMs / 1000)).toLocaleString('en')} | ${ratio.toFixed(2)} | ${r.engine === 'PGlite' ? cpuRatio.toFixed(2) : 'n/a'} | ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'} |`,
  );
}
