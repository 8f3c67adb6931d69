import fs from 'node:fs/promises';
import { INLINE_LIMIT_CHARS, runParseWorker, sourceSize, type ImportSource } from '../iati/iati-parse.ts';
import { parseHxlCsv, type HxlFile } from './hxl-parse.ts';
import { CountryLookup, type CountryNames } from './hxl-vocabulary.ts';

/** Parses an HXL CSV file; large ones in a worker thread, which reads a file on disk itself. */
export async function parseHxl(source: ImportSource, countries: CountryNames[]): Promise<HxlFile> {
  if ((await sourceSize(source)) <= INLINE_LIMIT_CHARS) {
    const csv = typeof source === 'string' ? source : await fs.readFile(source.file, 'utf8');
    return parseHxlCsv(csv, new CountryLookup(countries));
  }
  return runParseWorker<HxlFile>(new URL('./hxl-parse-worker-entry.mjs', import.meta.url), { source, countries }, 'HXL');
}
