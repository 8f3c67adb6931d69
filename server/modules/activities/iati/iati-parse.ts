import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { parseIatiXml, type ParsedFile } from './iati-import.ts';

/** A file to import: its text, or the path of a file on disk (an upload spooled to a temp file). */
export type ImportSource = string | { file: string };

/** Files above this size are parsed in a worker thread (10 MB takes seconds of CPU). */
export const INLINE_LIMIT_CHARS = 512 * 1024;

/** The size of a source in bytes (a string counts its characters: close enough to choose). */
export async function sourceSize(source: ImportSource): Promise<number> {
  return typeof source === 'string' ? source.length : (await fs.stat(source.file)).size;
}

/**
 * Runs `entry` (a worker module) on `data` and returns what it posts back. Used for large files
 * so other requests are still answered while one is parsed.
 */
export function runParseWorker<T>(entry: URL, data: unknown, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: data });
    worker.once('message', (reply: { ok: true; result: T } | { ok: false; message: string }) => {
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`${what} parsing failed: ${reply.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${what} parser worker stopped with code ${code}`));
    });
  });
}

/**
 * Parses an IATI file; large ones off the main thread so other requests are still answered.
 * A file on disk is read by the worker itself, so the main thread never holds its text.
 */
export async function parseIati(source: ImportSource, countries: readonly string[]): Promise<ParsedFile> {
  if (typeof source === 'string' && source.length <= INLINE_LIMIT_CHARS) {
    const known = new Set(countries);
    return parseIatiXml(source, (c) => known.has(c));
  }
  if (typeof source !== 'string' && (await sourceSize(source)) <= INLINE_LIMIT_CHARS) {
    const known = new Set(countries);
    return parseIatiXml(await fs.readFile(source.file, 'utf8'), (c) => known.has(c));
  }
  return runParseWorker<ParsedFile>(new URL('./iati-parse-worker-entry.mjs', import.meta.url), { source, countries }, 'IATI');
}
