import { Worker } from 'node:worker_threads';
import { parseIatiXml, type ParsedFile } from './iati-import.ts';

/** Files above this size are parsed in a worker thread (10 MB takes seconds of CPU). */
const INLINE_LIMIT_CHARS = 512 * 1024;

/** Parses an IATI file; large ones off the main thread so other requests are still answered. */
export async function parseIati(xml: string, countries: readonly string[]): Promise<ParsedFile> {
  if (xml.length <= INLINE_LIMIT_CHARS) {
    const known = new Set(countries);
    return parseIatiXml(xml, (c) => known.has(c));
  }
  return new Promise<ParsedFile>((resolve, reject) => {
    const worker = new Worker(new URL('./iati-parse-worker-entry.mjs', import.meta.url), { workerData: { xml, countries } });
    worker.once('message', (reply: { ok: true; result: ParsedFile } | { ok: false; message: string }) => {
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`IATI parsing failed: ${reply.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`IATI parser worker stopped with code ${code}`));
    });
  });
}
