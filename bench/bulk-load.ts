// Bulk load: the helper `tx.bulkLoad(target, rows)` (encodes in-memory rows as COPY text and
// loads them) against the reference `tx.copyRaw(target, bytes)` (a raw COPY of the same rows,
// encoded before the clock starts), on PGlite and on PostgreSQL, in the same run.
// The ratio helper ÷ raw COPY is what counts; absolute times on shared machines are noise.
//
//   npm run bench:bulk-load
//   BENCH_DATABASE_URL=postgres://... npm run bench:bulk-load   (else a throwaway server is started)
//   BENCH_ROWS=200000 BENCH_RUNS=3 BENCH_ENGINES=pglite,postgres npm run bench:bulk-load
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import type { BulkTarget } from '../server/platform/db/bulk-load.ts';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres.ts';

const ROWS = positiveInt(process.env.BENCH_ROWS, 1_000_000);
const RUNS = positiveInt(process.env.BENCH_RUNS, 3);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
const TARGET_RATIO = 1.2;
const TABLE = 'bench_bulk_load';
const target: BulkTarget = { table: TABLE, columns: ['id', 'country', 'year', 'note', 'amount'] };

// A collection between runs keeps one run's garbage from being charged to the next.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value ? Number(value) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Rows: deterministic, with the awkward values COPY text must escape.

type Row = [id: number, country: string, year: number, note: string | null, amount: number];

const COUNTRIES = ['FRA', 'NGA', 'BRA', 'IND', 'UKR', 'CIV', 'CHN', 'EGY', 'MEX', 'PHL', 'THA', 'DEU', 'USA', 'ZAF', 'KEN', 'COL'];
const WORDS = ['victims', 'identified', 'referred', 'shelter', 'labour', 'exploitation', 'border', 'hotline', 'prosecution', 'training', 'Кот-д’Ивуар', '科特迪瓦', 'ساحل العاج', 'São Paulo', 'naïve'];

function generateRows(count: number): Row[] {
  let seed = 0x9e3779b9;
  const rand = () => {
    // mulberry32: fast, deterministic, good enough for test data
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows: Row[] = new Array<Row>(count);
  for (let i = 0; i < count; i++) {
    const r = rand();
    let note: string | null;
    if (r < 0.05) note = null;
    else {
      const n = 2 + Math.floor(rand() * 6);
      const words: string[] = [];
      for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
      note = words.join(' ');
      // About 3% of notes carry characters COPY must escape.
      if (r > 0.99) note += '\twith a tab';
      else if (r > 0.98) note = `C:\\reports\\${note}`;
      else if (r > 0.97) note += '\nsecond line\r\n';
      else if (r > 0.965) note = '\\N'; // the literal two characters, not a null
    }
    rows[i] = [i + 1, COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!, 2000 + Math.floor(rand() * 26), note, Math.round(rand() * 1e8) / 100];
  }
  return rows;
}

// The reference encoding, written independently of bulk-load.ts so the checksum comparison
// below also checks the helper's escaping.
function referenceCopyText(rows: Row[]): Uint8Array {
  const special = /[\\\t\n\r]/;
  const esc = (s: string) => (!special.test(s) ? s : s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));
  const lines: string[] = [];
  for (const [id, country, year, note, amount] of rows) {
    lines.push(`${id}\t${esc(country)}\t${year}\t${note === null ? '\\N' : esc(note)}\t${amount}\n`);
  }
  return Buffer.from(lines.join(''), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface EngineResult {
  engine: string;
  version: string;
  helper: number[];
  raw: number[];
  note?: string;
}

async function prepareTable(database: Database): Promise<void> {
  await sql`drop table if exists ${sql.table(TABLE)}`.execute(database.db);
  // A scratch table, no indexes: the load itself is what is measured.
  await sql`create table ${sql.table(TABLE)} (id integer not null, country text not null, year smallint not null, note text, amount numeric(12,2) not null)`.execute(database.db);
}

async function truncate(database: Database): Promise<void> {
  await sql`truncate ${sql.table(TABLE)}`.execute(database.db);
  // Leave no dead tuples or pending work from the previous run to the next one.
  await sql`checkpoint`.execute(database.db).catch(() => {});
}

async function checksum(database: Database): Promise<string> {
  const { rows } = await sql<{ n: number; h: string }>`select count(*)::int as n, sum(hashtext(t::text)::bigint)::text as h from ${sql.table(TABLE)} t`.execute(database.db);
  return `${rows[0]?.n}:${rows[0]?.h}`;
}

async function timeOnce(database: Database, expected: number, load: () => Promise<number>): Promise<number> {
  await truncate(database);
  gc();
  const started = performance.now();
  const loaded = await load();
  const elapsed = performance.now() - started;
  if (loaded !== expected) throw new Error(`loaded ${loaded} rows, expected ${expected}`);
  return elapsed;
}

async function measure(engine: string, database: Database, rows: Row[], bytes: Uint8Array): Promise<EngineResult> {
  const { rows: v } = await sql<{ v: string }>`select version() as v`.execute(database.db);
  const version = (v[0]?.v ?? '?').split(' on ')[0]!.replace(/,.*$/, '');
  await prepareTable(database);

  const load = (which: 'helper' | 'raw', r: Row[], b: Uint8Array) => () =>
    database.transaction((tx) => (which === 'helper' ? tx.bulkLoad(target, r) : tx.copyRaw(target, b)));

  // Warm-up on a slice (JIT, first-time allocations in the engine), untimed.
  const warmRows = rows.slice(0, Math.min(rows.length, 50_000));
  const warmBytes = referenceCopyText(warmRows);
  await timeOnce(database, warmRows.length, load('raw', warmRows, warmBytes));
  await timeOnce(database, warmRows.length, load('helper', warmRows, warmBytes));

  const result: EngineResult = { engine, version, helper: [], raw: [] };
  const sums: Record<'helper' | 'raw', string> = { helper: '', raw: '' };
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first so drift on a shared machine hits both sides alike.
    const order = i % 2 === 0 ? (['helper', 'raw'] as const) : (['raw', 'helper'] as const);
    for (const which of order) {
      const ms = await timeOnce(database, ROWS, load(which, rows, bytes));
      result[which].push(ms);
      log(`  ${engine} run ${i + 1}/${RUNS} ${which.padEnd(6)} ${fmt(ms)}`);
      // Correctness, untimed: both paths must leave the same table.
      if (i === 0) sums[which] = await checksum(database);
    }
  }
  if (sums.helper !== sums.raw) throw new Error(`${engine}: helper and raw COPY loaded different data (${sums.helper} vs ${sums.raw})`);
  await sql`drop table ${sql.table(TABLE)}`.execute(database.db);
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const log = (msg: string) => console.log(msg);

async function runPglite(rows: Row[], bytes: Uint8Array): Promise<EngineResult> {
  log('PGlite (memory://) ...');
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    // The package does not export its package.json; read it from node_modules.
    const pkg = JSON.parse(fs.readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await measure('PGlite', database, rows, bytes);
    result.version = `@electric-sql/pglite ${pkg.version} (${result.version})`;
    return result;
  } finally {
    await database.close();
  }
}

async function runPostgres(rows: Row[], bytes: Uint8Array): Promise<EngineResult | string> {
  let url = process.env.BENCH_DATABASE_URL;
  let stop: (() => void) | undefined;
  if (!url) {
    if (!findPostgresBin()) return 'PostgreSQL skipped: no BENCH_DATABASE_URL and no initdb/pg_ctl to start a throwaway server';
    log('PostgreSQL: starting a throwaway server (set BENCH_DATABASE_URL to use your own) ...');
    const server = await startThrowawayPostgres();
    url = server.url;
    stop = server.stop;
  } else log('PostgreSQL (BENCH_DATABASE_URL) ...');
  try {
    const database = await openDatabase({ url, poolSize: 2 });
    try {
      return await measure('PostgreSQL', database, rows, bytes);
    } finally {
      await database.close();
    }
  } finally {
    stop?.();
  }
}

// ---------------------------------------------------------------------------------------------

log(`Bulk load benchmark: ${ROWS.toLocaleString('en')} rows, ${RUNS} timed runs per side, median reported`);
log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`);

let t = performance.now();
const rows = generateRows(ROWS);
log(`generated rows in ${fmt(performance.now() - t)}`);
t = performance.now();
const bytes = referenceCopyText(rows);
log(`pre-encoded the reference COPY file (${(bytes.length / 2 ** 20).toFixed(1)} MiB) in ${fmt(performance.now() - t)}`);

const results: EngineResult[] = [];
const notes: string[] = [];
for (const engine of ENGINES) {
  if (engine === 'pglite') results.push(await runPglite(rows, bytes));
  else if (engine === 'postgres') {
    const r = await runPostgres(rows, bytes);
    if (typeof r === 'string') notes.push(r);
    else results.push(r);
  } else throw new Error(`unknown engine ${engine} (BENCH_ENGINES takes pglite,postgres)`);
}

log('');
log(`| Engine | Version | Rows | bulkLoad (helper), median | COPY raw (reference), median | Ratio helper ÷ raw | Target ≤ ${TARGET_RATIO} |`);
log('|---|---|---:|---:|---:|---:|---|');
for (const r of results) {
  const ratio = median(r.helper) / median(r.raw);
  log(`| ${r.engine} | ${r.version} | ${ROWS.toLocaleString('en')} | ${fmt(median(r.helper))} | ${fmt(median(r.raw))} | ${ratio.toFixed(2)} | ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'} |`);
}
log('');
for (const r of results) log(`${r.engine} runs: helper ${r.helper.map(fmt).join(', ')}; raw ${r.raw.map(fmt).join(', ')}`);
for (const n of notes) log(n);
