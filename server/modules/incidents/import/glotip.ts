// The GLOTIP import (`tiphub import incidents FILE --format glotip`, and the web import):
// UNODC's long format of aggregate counts, CSV or XLSX, metadata rows above the header. Reads
// every row, resolves free-text place names through the reviewable name mapping, reports every
// bad row, and writes all or nothing through the aggregates service (idempotent: each value's
// external id is its key, so a re-import changes nothing).
import { AggregatesRepository } from '../aggregates/aggregates.repository.ts';
import { cellKey } from '../aggregates/aggregates.rules.ts';
import { importAggregateValues, type ImportCell } from '../aggregates/aggregates.import.ts';
import { AggregatesService } from '../aggregates/aggregates.service.ts';
import type { StoredValue } from '../aggregates/aggregates.tables.ts';
import type { Indicator } from '../aggregates/aggregates.values.ts';
import { areaCodeOf, ensureDefaultMappings, nameKey, resolveNames, type Resolved } from '../aggregates/glotip-names.ts';
import { glotipColumns, HEADER_SEARCH_ROWS, parseRow, readHeader, type HeaderMap, type ParsedRow } from './glotip-row.ts';
import type { ImportOutcome, ImportProblem, ImportRequest, ImportSummaryRow, IncidentImporter } from './import-types.ts';
import { ProblemList } from './problem-list.ts';
import { decodeFile, readTableRows, sniffDelimiter, TextInputError } from './text-input.ts';

/**
 * GLOTIP exports hold tens of thousands of rows; far more is not a GLOTIP file. The rows are
 * held until written (a few hundred bytes each), so this also bounds the memory.
 */
const MAX_ROWS = 300_000;

/** How the summary names indicators (as the person importing reads them in the source). */
export const indicatorLabels: Record<Indicator, string> = {
  detected_victims: 'detected victims',
  formal_contact: 'persons in formal contact',
  prosecuted: 'persons prosecuted',
  convicted: 'persons convicted',
  offences: 'offences',
};

/**
 * The external id of a GLOTIP value, unique within its reporting State (or area): the value's
 * key in canonical form, so the same row imported again is recognised whatever its line.
 */
export function glotipExternalId(v: Pick<StoredValue, 'indicator' | 'dimension' | 'category' | 'categoryKind' | 'sex' | 'age'>, year: number): string {
  const category = v.categoryKind === 'area' ? `area:${nameKey(v.category)}` : v.category;
  return `glotip/${year}/${v.indicator}/${v.dimension}/${category}/${v.sex}/${v.age}`;
}

/** The CSV delimiter, sniffed from the header line (the metadata lines above it may have none). */
async function csvDelimiter(filePath: string): Promise<string> {
  let head = '';
  for await (const chunk of decodeFile(filePath)) {
    head += chunk;
    if (head.length > 64 * 1024) break;
  }
  const lines = head.split(/\r\n|\n|\r/).slice(0, HEADER_SEARCH_ROWS + 1);
  return sniffDelimiter(lines.find((l) => /iso3_code/i.test(l)) ?? lines[0] ?? '');
}

interface ReadResult {
  rows: ParsedRow[];
  rowsRead: number;
  problems: ProblemList;
}

async function readFile(request: ImportRequest, lastYear: number): Promise<ReadResult> {
  const problems = new ProblemList();
  const rows: ParsedRow[] = [];
  let header: HeaderMap | null = null;
  let rowsRead = 0;
  let seenBeforeHeader = 0;
  try {
    const xlsx = /\.xlsx$/i.test(request.fileName);
    const delimiter = xlsx ? undefined : await csvDelimiter(request.filePath);
    const onBytes = request.onProgress ? (done: number, total: number) => request.onProgress!(done, total) : undefined;
    for await (const row of readTableRows(request.filePath, request.fileName, { ...(delimiter ? { delimiter } : {}), ...(onBytes ? { onBytes } : {}) })) {
      if (!header) {
        const found = readHeader(row.cells);
        if (found) {
          if (found.missing.length) {
            problems.add({ line: row.line, reason: `the header lacks the column(s) ${found.missing.join(', ')}` });
            return { rows, rowsRead, problems };
          }
          header = found.map;
        } else if (++seenBeforeHeader >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      if (++rowsRead > MAX_ROWS) {
        problems.add({ line: row.line, reason: `more than ${MAX_ROWS.toLocaleString('en')} rows: GLOTIP exports hold tens of thousands; split the file` });
        break;
      }
      const rowProblems: ImportProblem[] = [];
      const parsed = parseRow(row.line, row.cells, header, lastYear, rowProblems);
      problems.add(...rowProblems);
      if (parsed) rows.push(parsed);
    }
  } catch (err) {
    if (!(err instanceof TextInputError)) throw err;
    problems.add({ line: err.line, reason: err.message });
    return { rows, rowsRead, problems };
  }
  if (!header) {
    problems.add({ line: 1, reason: `no GLOTIP header row (${Object.values(glotipColumns).join(', ')}) in the first ${HEADER_SEARCH_ROWS} rows` });
  }
  return { rows, rowsRead, problems };
}

/** Per indicator and year: rows, and the total over country rows (dimension, sex, age total; suppressed left out). */
function summarise(rows: ParsedRow[], isCountryRow: (r: ParsedRow) => boolean): ImportSummaryRow[] {
  const out = new Map<string, ImportSummaryRow>();
  for (const r of rows) {
    const k = `${r.indicator}|${r.year}`;
    let s = out.get(k);
    if (!s) out.set(k, (s = { indicator: indicatorLabels[r.indicator], year: r.year, rows: 0, total: 0 }));
    s.rows++;
    if (r.dimension === 'total' && r.sex === 'total' && r.age === 'total' && r.value.kind === 'count' && isCountryRow(r)) s.total += r.value.count;
  }
  return [...out.values()].sort((a, b) => a.indicator.localeCompare(b.indicator) || a.year - b.year);
}

export const importGlotip: IncidentImporter = async (database, _settings, importer, request) => {
  const lastYear = new Date().getUTCFullYear();
  const outcome = (o: Partial<ImportOutcome>): ImportOutcome => ({ format: 'glotip', dryRun: request.dryRun, committed: false, rowsRead: 0, created: 0, updated: 0, unchanged: 0, problems: [], summary: [], ...o });
  const read = await readFile(request, lastYear);
  const problems = read.problems;

  await database.transaction(async (tx) => ensureDefaultMappings(tx.db));
  const countries = await new AggregatesRepository(database.db).countryCodes();
  const placeNames = read.rows.flatMap((r) => [...(r.dimension === 'citizenship' || r.dimension === 'repatriation' ? [r.category] : []), ...(!r.iso3 && r.countryName ? [r.countryName] : [])]);
  const resolved = await resolveNames(database.db, placeNames);
  const unmapped = new Map<string, number>();
  const areaCodes = new Map<string, string | null>();

  const cells: ImportCell[] = [];
  const firstLine = new Map<string, number>();
  const countryRows = new Set<ParsedRow>();
  for (const r of read.rows) {
    const rowProblems: ImportProblem[] = [];
    // The reporter: the State of Iso3_code (or of the Country name), else the sub-regional area.
    let reporter: ImportCell['reporter'] | undefined;
    if (r.iso3) {
      if (countries.has(r.iso3)) reporter = { state: r.iso3 };
      else rowProblems.push({ line: r.line, column: glotipColumns.iso3, value: r.iso3, reason: 'not an ISO 3166-1 alpha-3 code of a country' });
    } else if (r.countryName) {
      const place = resolved.get(r.countryName);
      if (place?.kind === 'country') reporter = { state: place.iso3 };
      else if (place?.kind === 'area') reporter = { area: place.label, areaCode: null };
      else {
        unmapped.set(r.countryName, (unmapped.get(r.countryName) ?? 0) + 1);
        rowProblems.push({ line: r.line, column: glotipColumns.country, value: r.countryName, reason: 'Iso3_code is blank and the country name is not in the GLOTIP name mapping' });
      }
    } else {
      if (!areaCodes.has(r.area)) areaCodes.set(r.area, await areaCodeOf(database.db, r.area));
      const code = areaCodes.get(r.area)!;
      reporter = { area: code ?? r.area, areaCode: code };
    }
    // The category: a place name resolved through the mapping, else as parsed.
    let category = r.category;
    let categoryKind: StoredValue['categoryKind'] = r.dimension === 'total' ? 'total' : 'form';
    if (r.dimension === 'citizenship' || r.dimension === 'repatriation') {
      const place: Resolved | undefined = resolved.get(r.category);
      if (place?.kind === 'country') [category, categoryKind] = [place.iso3, 'country'];
      else if (place?.kind === 'area') [category, categoryKind] = [place.label, 'area'];
      else {
        unmapped.set(r.category, (unmapped.get(r.category) ?? 0) + 1);
        rowProblems.push({ line: r.line, column: glotipColumns.category, value: r.category, reason: 'a place name not in the GLOTIP name mapping: map it to a country or keep it as an area (Aggregates → name mapping), or correct the file' });
      }
    }
    if (rowProblems.length || !reporter) {
      problems.add(...rowProblems);
      continue;
    }
    const base = { indicator: r.indicator, dimension: r.dimension, category, categoryKind, sex: r.sex, age: r.age };
    const value: StoredValue = {
      ...base,
      kind: r.value.kind,
      count: r.value.kind === 'count' ? r.value.count : null,
      bound: r.value.kind === 'suppressed' ? r.value.bound : null,
      externalId: glotipExternalId(base, r.year),
    };
    const who = 'state' in reporter ? reporter.state : `area:${reporter.area}`;
    const key = `${who}|${r.year}|${cellKey(value)}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.add({ line: r.line, column: glotipColumns.value, value: `${who} ${r.year}`, reason: `the same value (reporter, indicator, dimension, category, sex, age, year) is already at line ${earlier}` });
      continue;
    }
    firstLine.set(key, r.line);
    if ('state' in reporter) countryRows.add(r);
    cells.push({ line: r.line, year: r.year, reporter, value });
  }

  const summary = summarise(read.rows, (r) => countryRows.has(r));
  if (problems.count || read.rows.length === 0) {
    if (unmapped.size) await new AggregatesService(database).recordUnmappedNames(unmapped);
    if (!problems.count) problems.add({ line: 0, reason: 'the file holds no data rows' });
    return outcome({ rowsRead: read.rowsRead, problems: problems.report(), summary });
  }
  const written = await importAggregateValues(database, importer, cells, { dryRun: request.dryRun, source: `glotip:${request.fileName}`.slice(0, 200) });
  if (written.problems.length) {
    problems.add(...written.problems);
    return outcome({ rowsRead: read.rowsRead, problems: problems.report(), summary });
  }
  return outcome({ committed: !request.dryRun, rowsRead: read.rowsRead, created: written.created, updated: written.updated, unchanged: written.unchanged, summary });
};

