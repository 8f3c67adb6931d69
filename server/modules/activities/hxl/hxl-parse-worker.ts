// Parses one HXL CSV file in a worker thread, so a large file does not stall the HTTP server.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportSource } from '../iati/iati-parse.ts';
import { parseHxlCsv } from './hxl-parse.ts';
import { CountryLookup, type CountryNames } from './hxl-vocabulary.ts';

const { source, countries } = workerData as { source: ImportSource; countries: CountryNames[] };
try {
  const csv = typeof source === 'string' ? source : fs.readFileSync(source.file, 'utf8');
  parentPort!.postMessage({ ok: true, result: parseHxlCsv(csv, new CountryLookup(countries)) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
