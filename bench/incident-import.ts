// Incident import: the full HTCDS bulk import (read the CSV, validate every cell, seal the
// identifiers, compute person keys, write in COPY batches of a short transaction each, invisible
// until the run is published in a last short transaction) against a raw COPY
// of exactly the rows it wrote, into the same tables with the same keys and indexes, on the same
// engine in the same run. The ratio import ÷ raw COPY is what counts, plus the peak memory.
//
//   npm run bench:incident-import                      (1,000,000 rows, both engines)
//   npm run bench:incident-import -- --rows 50000 --engines pglite
//   BENCH_DATABASE_URL=postgres://... npm run bench:incident-import   (else a throwaway server)
// Each engine is measured in a process of its own (PGlite runs inside it), started with the
// memory settings README's "Memory" section gives for a server: MEASURE_NODE_FLAGS, MEASURE_ENV.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/platform/db/prepare.ts';
import { BATCH_ROWS } from '../server/modules/incidents/import/case-import.ts';
import { caseTables } from '../server/modules/incidents/import/batch-writer.ts';
import { importHtcds } from '../server/modules/incidents/import/htcds.ts';
import { csvCell, sampleHeader, sampleRow } from '../server/modules/incidents/import/htcds-sample.ts';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, engines: { type: 'string', default: 'pglite,postgres' }, 'write-csv': { type: 'string' }, 'measure-csv': { type: 'string' } },
});
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error('--rows must be a positive whole number');
const ENGINES = values.engines.split(',').map((s) => s.trim());
const STATE = 'KEN';
/** Bytes per raw COPY statement (whole lines): PGlite's COPY grows super-linearly past ~100k rows (bench/RESULTS.md). */
const RAW_CHUNK_BYTES = 8 * 2 ** 20;
const log = (line: string) => console.log(line);
/** Set in the child process that only writes the CSV. */
const writeOnly = values['write-csv'];
/** Set in the child process that measures one engine with this CSV. */
const measureCsv = values['measure-csv'];
const inChild = writeOnly ?? measureCsv;
const work = inChild ? path.dirname(inChild) : fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-bench-incident-import-'));
/**
 * The measuring process's settings. Node: a capped heap and small young generation (16 MB
 * semi-spaces by default; garbage there counts as resident). glibc: two malloc arenas, not one
 * per thread, and large buffers always mapped and unmapped: otherwise what each thread frees
 * stays in the process for reuse (bench/RESULTS.md, 2026-12-07).
 */
const MEASURE_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];
const MEASURE_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/** The tables the import writes, in foreign-key order, with the columns it writes and the case key. */
const tables = caseTables.map((t) => ({ ...t, key: t.table === 'incident_cases' ? ('id' as const) : ('case_id' as const) }));

/** Writes the CSV a row at a time (the file is never held in memory). */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${sampleHeader.join(',')}\n`);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const r = sampleRow(i, STATE);
    chunk += `${sampleHeader.map((c) => csvCell(r[c])).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Samples resident memory while `fn` runs; returns its duration and the peak. */
async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; startRssMb: number; peakRssMb: number; peakHeapMb: number }> {
  const startRss = process.memoryUsage().rss;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const start = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - start) / 1000, startRssMb: startRss / 2 ** 20, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

// The reference encoding: every column read back as text, escaped for COPY text format by this
// file's own encoder, so the reference loads exactly what the import wrote.
const escapeCopy = (v: string | null) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));

/** Dumps the imported rows to one COPY text file per table, a page of cases at a time. */
async function dumpTables(database: Database): Promise<Map<string, string>> {
  const files = new Map(tables.map((t) => [t.table, path.join(work, `${t.table}.copy`)]));
  for (const f of files.values()) fs.writeFileSync(f, '');
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (await sql<{ id: string }>`SELECT id FROM incident_cases WHERE reporting_state = ${STATE} AND id > ${after}::uuid ORDER BY id LIMIT 5000`.execute(database.db)).rows.map((r) => r.id);
    if (ids.length === 0) break;
    const [first, last] = [ids[0]!, ids.at(-1)!];
    for (const t of tables) {
      const cols = sql.join(t.columns.map((c) => sql`${sql.ref(c)}::text`));
      const rows = await sql<Record<string, string | null>>`SELECT ${cols} FROM ${sql.table(t.table)} WHERE reporting_state = ${STATE} AND ${sql.ref(t.key)} BETWEEN ${first}::uuid AND ${last}::uuid`.execute(database.db);
      fs.appendFileSync(files.get(t.table)!, rows.rows.map((r) => `${Object.values(r).map(escapeCopy).join('\t')}\n`).join(''));
    }
    after = last;
  }
  return files;
}

async function emptyTables(database: Database): Promise<void> {
  await sql`TRUNCATE incident_import_fingerprints, incident_links, incident_perpetrators, incident_victims, incident_event_places, incident_events, incident_case_versions, incident_cases CASCADE`.execute(database.db);
  await sql`CHECKPOINT`.execute(database.db).catch(() => {});
}

/**
 * The reference: COPY of the dumped rows, table by table, in chunks of whole lines, each chunk
 * committed on its own, as the import commits each batch. One transaction for everything is
 * not a fair floor at this size: on PostgreSQL 15 its foreign-key checks against a million rows
 * inserted in the same transaction slowed each 8 MiB chunk to minutes (2026-11-30, 1M rows).
 */
async function rawCopy(database: Database, files: Map<string, string>): Promise<number> {
  let loaded = 0;
  for (const t of tables) {
    // Streamed: a table's dump can be larger than the longest string V8 allows (512 MiB).
    let carry = Buffer.alloc(0);
    for await (const piece of fs.createReadStream(files.get(t.table)!, { highWaterMark: RAW_CHUNK_BYTES })) {
      const data = Buffer.concat([carry, piece as Buffer]);
      const end = data.lastIndexOf(0x0a) + 1;
      carry = data.subarray(end);
      if (end > 0) loaded += await database.transaction((tx) => tx.copyRaw({ table: t.table, columns: t.columns }, data.subarray(0, end)));
    }
    if (carry.length) throw new Error(`${t.table}: the dump does not end with a line break`);
  }
  return loaded;
}

async function count(database: Database): Promise<string> {
  const r = await sql<{ c: string; v: string; h: string }>`SELECT (SELECT count(*) FROM incident_cases) AS c, (SELECT count(*) FROM incident_victims) AS v, (SELECT sum(hashtext(t::text)) FROM incident_victims t) AS h`.execute(database.db);
  return `${r.rows[0]!.c} cases, ${r.rows[0]!.v} victims, checksum ${r.rows[0]!.h}`;
}

async function benchEngine(engine: string, database: Database, csv: string): Promise<void> {
  await prepareDatabase(database);
  const settings = { masterKey: randomBytes(32) } as Parameters<typeof importHtcds>[1];
  const imported = await measured(() => importHtcds(database, settings, { kind: 'system' }, { filePath: csv, fileName: 'bench.csv', dryRun: false }));
  if (!imported.result.committed) throw new Error(`the import did not commit: ${JSON.stringify(imported.result.problems.slice(0, 5))}`);
  const afterImport = await count(database);
  log(`  ${engine} import: ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakRssMb.toFixed(0)} MB (JS heap ${imported.peakHeapMb.toFixed(0)} MB); ${afterImport}`);
  log("  dumping the imported rows ...");
  const files = await dumpTables(database);
  log("  emptying the tables ...");
  await emptyTables(database);
  log("  raw COPY ...");
  const raw = await measured(() => rawCopy(database, files));
  const afterRaw = await count(database);
  if (afterRaw !== afterImport) throw new Error(`the reference loaded different rows: ${afterRaw} vs ${afterImport}`);
  const ratio = imported.seconds / raw.seconds;
  log(`| ${engine} | ${ROWS.toLocaleString('en')} | ${imported.seconds.toFixed(1)} s | ${raw.seconds.toFixed(1)} s | ${ratio.toFixed(2)} | ${imported.peakRssMb.toFixed(0)} MB (${imported.startRssMb.toFixed(0)} MB at start; JS heap ${imported.peakHeapMb.toFixed(0)} MB) |`);
  log(`  ${engine}: ${afterImport}; ${raw.result.toLocaleString('en')} rows copied raw; import batches of ${BATCH_ROWS} rows`);
}

async function main(): Promise<void> {
  const csv = path.join(work, 'bench.csv');
  log(`Generating ${ROWS.toLocaleString('en')} HTCDS rows ...`);
  // In a child process: generating leaves garbage that this process's resident size would keep.
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--rows', String(ROWS), '--write-csv', csv], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`generating the CSV failed (${child.status ?? child.signal})`);
  const bytes = fs.statSync(csv).size;
  log(`${(bytes / 2 ** 20).toFixed(0)} MiB CSV. Machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`Each engine measured in its own process: node ${MEASURE_NODE_FLAGS.join(' ')}, ${Object.entries(MEASURE_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  log('| Engine | Rows | Import (parse, validate, seal, insert) | Raw COPY of the same rows | Ratio | Peak RSS during the import |');
  log('|---|---:|---:|---:|---:|---|');
  for (const engine of ENGINES) {
    const measuring = spawnSync(process.execPath, [...MEASURE_NODE_FLAGS, ...process.execArgv, process.argv[1]!, '--rows', String(ROWS), '--engines', engine, '--measure-csv', csv], {
      stdio: 'inherit',
      env: { ...process.env, ...MEASURE_ENV },
    });
    if (measuring.status !== 0) throw new Error(`measuring ${engine} failed (${measuring.status ?? measuring.signal})`);
  }
}

/** Measures each engine named in --engines on the CSV at `csv` (in the measuring process). */
async function measure(csv: string): Promise<void> {
  for (const engine of ENGINES) {
    if (engine === 'pglite') {
      const dir = path.join(work, 'pglite');
      const database = await openDatabase({ dataDir: dir });
      try {
        await benchEngine('PGlite', database, csv);
      } finally {
        await database.close();
      }
    } else if (engine === 'postgres') {
      let url = process.env.BENCH_DATABASE_URL;
      let stop = () => {};
      if (!url) {
        if (!findPostgresBin()) {
          log('PostgreSQL skipped: no BENCH_DATABASE_URL and no initdb/pg_ctl');
          continue;
        }
        const server = await startThrowawayPostgres();
        url = server.url;
        stop = server.stop;
      } else {
        // A scratch database on the given server, dropped afterwards.
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const name = `tiphub_bench_import_${process.pid}`;
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const base = url;
        url = Object.assign(new URL(url), { pathname: `/${name}` }).href;
        stop = () => {
          const c = new pg.Client({ connectionString: base });
          void c.connect().then(async () => {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            await c.end();
          });
        };
      }
      const database = await openDatabase({ url, poolSize: 2 });
      try {
        await benchEngine('PostgreSQL', database, csv);
      } finally {
        await database.close();
        stop();
      }
    }
  }
}

(writeOnly ? writeCsv(writeOnly, ROWS) : measureCsv ? measure(measureCsv) : main())
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => inChild || fs.rmSync(work, { recursive: true, force: true }));
