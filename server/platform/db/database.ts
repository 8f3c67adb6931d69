import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { PGliteBridge } from './pglite-bridge.ts';
import type { DB } from './schema.ts';
import { concat, encodeCopyText, quoteIdent, type BulkTarget } from './bulk-load.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** One transaction: typed queries and bulk loading on the same connection. */
export interface Tx {
  db: Kysely<DB>;
  /** Loads rows with COPY; returns the number of rows loaded. */
  bulkLoad(target: BulkTarget, rows: Iterable<readonly unknown[]>): Promise<number>;
  /** Copies an already encoded COPY text-format file as it is (the benchmark's reference). */
  copyRaw(target: BulkTarget, data: Uint8Array): Promise<number>;
}

/** The application's database, whichever engine is behind it. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Writes the embedded database's directory as a tarball (PGlite only; test templates). */
  dump(toFile: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL server; absent for the embedded database. */
  url?: string | undefined;
  /** PGlite data directory or `memory://`. */
  dataDir?: string;
  /** PGlite: start from this tarball (test templates). */
  loadDataDirFile?: string;
  poolSize?: number;
}

const execFileAsync = promisify(execFile);

const INT8 = 20;
const DATE = 1082;
// Counts (int8) fit a JS number in every table we have; dates stay 'YYYY-MM-DD' so no time zone shifts them.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

export class DatabaseUnreachableError extends Error {}

/** Opens PostgreSQL at `url`, or the embedded PGlite in `dataDir`. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  const dataDir = options.dataDir ?? 'memory://';
  const init = { dataDir, ...(options.loadDataDirFile ? { loadDataDirFile: options.loadDataDirFile } : {}) };
  if (!dataDir.startsWith('memory://') && !options.loadDataDirFile && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await createDataDir(dataDir);
  const bridge = await PGliteBridge.start(init);
  // One connection: PGlite is a single session, so transactions must not interleave.
  const pool = new pg.Pool({ stream: bridge.createStream, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0, types });
  return build('pglite', pool, {
    // COPY FROM STDIN through the node-postgres adapter kills PGlite; its own /dev/blob does not.
    copy: (_client, target, data) => bridge.copyBlob(copySql(target, `'/dev/blob'`), data),
    dump: (toFile) => bridge.dump(toFile),
    closeEngine: () => bridge.close(),
  });
}

/**
 * Creates a new embedded database directory in a throwaway process. Creating one (initdb) leaves
 * about 200 MB resident in the process that did it; the server would carry that for its life.
 */
async function createDataDir(dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    await execFileAsync(process.execPath, [fileURLToPath(new URL('./pglite-create.mjs', import.meta.url)), dataDir]);
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? (err as Error).message;
    throw new Error(`Cannot create the embedded database in ${dataDir}: ${detail} (does the directory hold files of something else?)`);
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000, types });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it. Errors reach the next query.
  });
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(`Cannot reach the PostgreSQL server at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  return build('postgres', pool, {
    copy: async (client, target, data) => {
      const stream = client.query(copyStreams.from(copySql(target, 'STDIN')));
      await pipeline(Readable.from([data]), stream);
      return stream.rowCount ?? 0;
    },
    copyStream: async (client, target, chunks) => {
      const stream = client.query(copyStreams.from(copySql(target, 'STDIN')));
      // The iterable itself, not Readable.from(chunks): that encodes 16 chunks in one synchronous
      // burst while the server idles; this writes each chunk and awaits 'drain' before encoding
      // the next, so the server parses one chunk while we encode the next (bench/bulk-load.ts).
      await pipeline(chunks, stream);
      return stream.rowCount ?? 0;
    },
    dump: () => Promise.reject(new Error('dump is only for the embedded database')),
    closeEngine: async () => {},
  });
}

/** The password never appears in a message or a log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

interface Engine {
  /** Runs COPY into `target` with `data` (text format) as its input, on `client`'s session. */
  copy(client: pg.PoolClient, target: BulkTarget, data: Uint8Array): Promise<number>;
  /** Streams chunks into COPY (PostgreSQL); absent where the engine needs the whole input at once. */
  copyStream?(client: pg.PoolClient, target: BulkTarget, chunks: Iterable<Uint8Array>): Promise<number>;
  dump(toFile: string): Promise<void>;
  closeEngine(): Promise<void>;
}

function build(kind: DatabaseKind, pool: pg.Pool, engine: Engine): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;

  async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const txDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
    try {
      await client.query('BEGIN');
      const result = await fn({
        db: txDb,
        bulkLoad: (target, rows) => {
          const chunks = encodeCopyText(rows);
          return engine.copyStream ? engine.copyStream(client, target, chunks) : engine.copy(client, target, concat(chunks));
        },
        copyRaw: (target, data) => engine.copy(client, target, data),
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    kind,
    db,
    pool,
    transaction,
    dump: (toFile) => engine.dump(toFile),
    close() {
      closing ??= (async () => {
        await db.destroy(); // ends the pool: waits for checked-out clients' work to finish
        await engine.closeEngine();
      })();
      return closing;
    },
  };
}

function copySql(target: BulkTarget, source: string): string {
  const cols = target.columns.map(quoteIdent).join(', ');
  return `COPY ${quoteIdent(target.table)} (${cols}) FROM ${source}`;
}

// Kysely wants a pool; inside a transaction every query must go to the one client that holds it.
function singleClientPool(client: pg.PoolClient) {
  return {
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  } as unknown as pg.Pool;
}
