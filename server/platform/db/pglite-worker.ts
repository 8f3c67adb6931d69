// Runs PGlite in its own thread so that a long query never stalls the HTTP event loop.
// It speaks the raw PostgreSQL wire protocol: the main thread's node-postgres client writes
// frontend messages, this thread answers with backend bytes.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pglite-protocol.ts';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');

const loadDataDir = init.loadDataDirFile ? new Blob([fs.readFileSync(init.loadDataDirFile)]) : undefined;

let db: PGlite;
try {
  db = await PGlite.create({
    dataDir: init.dataDir,
    extensions: { pg_trgm, unaccent },
    // PostgreSQL's default (128 MB) is touched at start and stays resident in this process for
    // its whole life; the data files sit in the operating system's cache anyway, and a 100,000-row
    // import took as long with 16 MB (bench/RESULTS.md). PostgreSQL proper is for larger loads.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  process.exit(1);
}

// PGlite is one session: requests are answered strictly in arrival order.
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

/**
 * The backend bytes for some frontend bytes. Not `execProtocolRaw`: besides returning the bytes,
 * it parses every message into a result list that only `execProtocol` ever empties, so the
 * worker kept every row of every answer (a 100,000-case read-back ran it out of heap). The
 * stream variant hands over the raw bytes only (views into PGlite's memory: copied).
 */
async function answer(frontend: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  await db.execProtocolRawStream(frontend, {
    onRawData: (data) => {
      chunks.push(data.slice());
      size += data.length;
    },
  });
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

/**
 * The COPY input as PGlite's /dev/blob wants it, without two more copies: PGlite only calls
 * `arrayBuffer()` and reads that buffer whole, so a real Blob (one copy) and its `arrayBuffer()`
 * (another) held three copies of every batch in this thread. Freed, they stayed in the process
 * (glibc keeps freed memory for reuse); with this, a 100,000-row import peaked about 25 MB lower.
 * The bulk-load tests in database.test.ts fail if PGlite ever reads a blob differently.
 */
function asBlob(data: Uint8Array): Blob {
  const exact = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  return { arrayBuffer: async () => exact.buffer } as Blob;
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    switch (request.kind) {
      case 'protocol': {
        if (process.env.PGLITE_TRACE) console.error('>>', Buffer.from(request.bytes).toString('latin1'));
        const bytes = await answer(request.bytes);
        port!.postMessage({ kind: 'protocol', id: request.id, bytes } satisfies WorkerReply, [bytes.buffer as ArrayBuffer]);
        return;
      }
      case 'copy-blob': {
        const result = await db.query(request.sql, [], { blob: asBlob(request.data) });
        port!.postMessage({ kind: 'done', id: request.id, affectedRows: result.affectedRows ?? 0 } satisfies WorkerReply);
        return;
      }
      case 'dump': {
        const file = await db.dumpDataDir('none');
        fs.writeFileSync(request.toFile, Buffer.from(await file.arrayBuffer()));
        port!.postMessage({ kind: 'done', id: request.id, affectedRows: 0 } satisfies WorkerReply);
        return;
      }
      case 'close': {
        await db.close();
        port!.postMessage({ kind: 'done', id: request.id, affectedRows: 0 } satisfies WorkerReply);
        return;
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (err) {
    port!.postMessage({ kind: 'error', id: request.id, message: err instanceof Error ? err.message : JSON.stringify(err) } satisfies WorkerReply);
  }
}
