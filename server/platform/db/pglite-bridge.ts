import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pglite-protocol.ts';

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void };

// The frontend Terminate message ('X', length 4). PGlite has one session shared by every
// client, so a client closing must not end it.
const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4]);

/** Owns the PGlite worker thread and hands node-postgres a socket-like stream into it. */
export class PGliteBridge {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready' || reply.kind === 'failed') return;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.kind === 'error') waiter.reject(new Error(reply.message));
      else waiter.resolve(reply);
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', (code) => this.failAll(new Error(`PGlite worker exited with code ${code}`)));
  }

  /** Starts the worker and waits until the database is open. */
  static async start(init: WorkerInit): Promise<PGliteBridge> {
    const worker = new Worker(new URL('./pglite-worker-entry.mjs', import.meta.url), { workerData: init });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.kind === 'ready') resolve();
        else if (reply.kind === 'failed') reject(new Error(`PGlite could not open ${init.dataDir}: ${reply.message}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite worker exited with code ${code} while opening`)));
    });
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    return new PGliteBridge(worker);
  }

  /** A fresh stream for one node-postgres connection. */
  createStream = (): Duplex => new PGliteStream(this);

  /** Sends raw frontend bytes, resolves with the backend's answer. */
  async protocol(bytes: Uint8Array): Promise<Uint8Array> {
    const reply = await this.request({ kind: 'protocol', id: 0, bytes });
    return reply.kind === 'protocol' ? reply.bytes : new Uint8Array();
  }

  /** Runs `COPY ... FROM '/dev/blob'` with `data` as the file, in the current session. */
  async copyBlob(sql: string, data: Uint8Array): Promise<number> {
    const reply = await this.request({ kind: 'copy-blob', id: 0, sql, data });
    return reply.kind === 'done' ? reply.affectedRows : 0;
  }

  /** Writes the whole data directory as a tarball (used for test templates). */
  async dump(toFile: string): Promise<void> {
    await this.request({ kind: 'dump', id: 0, toFile });
  }

  /** Closes PGlite cleanly (flushes to disk), then stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.request({ kind: 'close', id: 0 });
    this.closed = true;
    await this.worker.terminate();
  }

  private request(message: WorkerRequest): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
    this.closed = true;
  }
}

/** Looks like a net.Socket to node-postgres; carries wire-protocol bytes to the worker. */
class PGliteStream extends Duplex {
  constructor(private readonly bridge: PGliteBridge) {
    super();
  }

  connect(): this {
    setImmediate(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  // The pool refs and unrefs idle sockets; the worker thread is what keeps the process alive.
  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (chunk.equals(TERMINATE)) {
      callback();
      this.push(null);
      return;
    }
    // Pipelined: the worker answers in arrival order, so the next message need not wait.
    this.bridge.protocol(chunk).then(
      (answer) => {
        if (answer.length > 0) this.push(Buffer.from(answer));
      },
      (err: Error) => this.destroy(err),
    );
    callback();
  }
}
