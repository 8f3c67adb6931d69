/** Messages between the main thread and the PGlite worker. */
export interface WorkerInit {
  /** `memory://` or a directory. */
  dataDir: string;
  /** A tarball made by `dumpDataDir`, to start from (test templates). */
  loadDataDirFile?: string;
}

export type WorkerRequest =
  | { kind: 'protocol'; id: number; bytes: Uint8Array }
  | { kind: 'copy-blob'; id: number; sql: string; data: Uint8Array }
  | { kind: 'dump'; id: number; toFile: string }
  | { kind: 'close'; id: number };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'protocol'; id: number; bytes: Uint8Array }
  | { kind: 'done'; id: number; affectedRows: number }
  | { kind: 'error'; id: number; message: string };
