// Parses one IATI file in a worker thread, so a large file does not stall the HTTP server.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseIatiXml } from './iati-import.ts';
import type { ImportSource } from './iati-parse.ts';

const { source, countries } = workerData as { source: ImportSource; countries: string[] };
const known = new Set(countries);
try {
  const xml = typeof source === 'string' ? source : fs.readFileSync(source.file, 'utf8');
  parentPort!.postMessage({ ok: true, result: parseIatiXml(xml, (c) => known.has(c)) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
