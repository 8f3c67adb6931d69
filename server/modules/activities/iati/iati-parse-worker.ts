// Parses one IATI file in a worker thread, so a large file does not stall the HTTP server.
import { parentPort, workerData } from 'node:worker_threads';
import { parseIatiXml } from './iati-import.ts';

const { xml, countries } = workerData as { xml: string; countries: string[] };
const known = new Set(countries);
try {
  parentPort!.postMessage({ ok: true, result: parseIatiXml(xml, (c) => known.has(c)) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
