// Reads an HXL-tagged CSV 3W table (https://hxlstandard.org) into one row per activity, with a
// problem for every bad cell: line, column letter and hashtag, the value, and the reason.
// Lines count records as a spreadsheet shows them (line 1 is the first row of the file).
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { Narratives, Problem } from '../activities.schema.ts';
import { CountryLookup, LIST_SEPARATOR, matchSector, matchStatus, type SectorMatch } from './hxl-vocabulary.ts';

export type DateKey = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd';

/** One row of the table. A field left undefined had no column (or an empty cell where noted). */
export interface HxlRow {
  index: number;
  line: number;
  identifier: string;
  org: { ref: string | null; name: Narratives };
  /** Title by language; only the languages with a non-empty cell. */
  title: Narratives;
  description: Narratives;
  status: number | undefined;
  /** ISO alpha-2 codes; undefined when there is no #country column. */
  countries: string[] | undefined;
  sectors: Exclude<SectorMatch, null>[] | undefined;
  /** Only the dates whose column exists; null for an empty cell. */
  dates: Partial<Record<DateKey, string | null>>;
  targeted: number | null | undefined;
  reached: number | null | undefined;
  adm1: string | null | undefined;
  problems: Problem[];
}

export interface HxlFile {
  rows: HxlRow[];
  fileProblems: Problem[];
}

interface Column {
  index: number;
  letter: string;
  hashtag: string;
  tag: string;
  attrs: Set<string>;
  lang: string | null;
}

const HASHTAG = /^#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)$/i;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseHashtag(raw: string, index: number): Column | null {
  const m = HASHTAG.exec(raw.trim());
  if (!m) return null;
  const attrs = new Set(
    m[2]!
      .split('+')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  );
  const lang = [...attrs].find((a) => /^i_[a-z]{2,3}$/.test(a))?.slice(2) ?? null;
  return { index, letter: columnLetter(index), hashtag: raw.trim(), tag: m[1]!.toLowerCase(), attrs, lang };
}

/** A hashtag row: every non-empty cell starts with # and at least one does. */
const isHashtagRow = (cells: string[] | undefined) => !!cells && cells.some((c) => c.trim() !== '') && cells.every((c) => c.trim() === '' || c.trim().startsWith('#'));

const isoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Parses CSV text (a BOM is dropped). `countries` resolves codes and names to ISO alpha-2. */
export function parseHxlCsv(csv: string, countries: CountryLookup): HxlFile {
  const fileProblems: Problem[] = [];
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // The delimiter is guessed (European spreadsheets write semicolons); one column guesses nothing.
  for (const e of parsed.errors.filter((x) => x.code !== 'UndetectableDelimiter')) {
    fileProblems.push({ severity: 'critical', path: `line ${(e.row ?? 0) + 1}`, reason: `not readable as CSV: ${e.message}` });
  }
  if (fileProblems.length) return { rows: [], fileProblems };
  const records = parsed.data;

  const tagRowAt = isHashtagRow(records[0]) ? 0 : isHashtagRow(records[1]) ? 1 : -1;
  if (tagRowAt < 0) {
    fileProblems.push({
      severity: 'critical',
      path: 'line 1',
      reason: 'no HXL hashtag row: the first or second row must hold hashtags such as #org, #activity, #country (see hxlstandard.org)',
    });
    return { rows: [], fileProblems };
  }

  const columns: Column[] = [];
  records[tagRowAt]!.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const col = parseHashtag(raw, i);
    if (!col) fileProblems.push({ severity: 'critical', path: `line ${tagRowAt + 1}, column ${columnLetter(i)}`, reason: `"${raw}" is not an HXL hashtag (#tag+attribute)` });
    else columns.push(col);
  });

  // Which column feeds which field; a second column for the same field is ignored with a warning.
  const taken = new Map<string, Column>();
  const take = (key: string, col: Column) => {
    if (taken.has(key)) {
      fileProblems.push({ severity: 'warning', path: `column ${col.letter} (${col.hashtag})`, reason: `column ${taken.get(key)!.letter} already gives this; ignored` });
      return;
    }
    taken.set(key, col);
  };
  const ignore = (col: Column, why: string) => fileProblems.push({ severity: 'warning', path: `column ${col.letter} (${col.hashtag})`, reason: why });
  const isCode = (c: Column) => c.attrs.has('code') || c.attrs.has('id');
  const sexAttrs = ['f', 'm', 'i', 'children', 'adults', 'elderly', 'infants'];
  for (const col of columns) {
    switch (col.tag) {
      case 'activity':
        if (isCode(col)) take('identifier', col);
        else if (col.attrs.has('description')) take(`description:${col.lang ?? 'en'}`, col);
        else take(`title:${col.lang ?? 'en'}`, col);
        break;
      case 'org':
        if (isCode(col)) take('orgRef', col);
        else take(`org:${col.lang ?? 'en'}`, col);
        break;
      case 'sector':
      case 'country':
      case 'adm1':
      case 'status':
        take(col.tag, col);
        break;
      case 'date': {
        const end = col.attrs.has('end');
        if (!end && !col.attrs.has('start')) ignore(col, '#date without +start or +end is not imported');
        else take(`${col.attrs.has('actual') ? 'actual' : 'planned'}${end ? 'End' : 'Start'}`, col);
        break;
      }
      case 'targeted':
      case 'reached':
        if (sexAttrs.some((a) => col.attrs.has(a))) ignore(col, 'disaggregated figures are not imported; give the total in a column without +f/+m/+children');
        else take(col.tag, col);
        break;
      case 'description':
        take(`description:${col.lang ?? 'en'}`, col);
        break;
      default:
        ignore(col, `#${col.tag} is not imported`);
    }
  }
  const titleColumns = [...taken].filter(([k]) => k.startsWith('title:'));
  if (!taken.has('org:en') && ![...taken.keys()].some((k) => k.startsWith('org:')) && !taken.has('orgRef')) {
    fileProblems.push({ severity: 'critical', path: `line ${tagRowAt + 1}`, reason: 'no #org column: every row must say which organisation reports it' });
  }
  if (!titleColumns.length && !taken.has('identifier')) fileProblems.push({ severity: 'critical', path: `line ${tagRowAt + 1}`, reason: 'no #activity column: give the activity name (#activity) and preferably its code (#activity+code)' });
  if (!taken.has('country')) fileProblems.push({ severity: 'critical', path: `line ${tagRowAt + 1}`, reason: 'no #country column' });
  if (fileProblems.some((p) => p.severity === 'critical')) return { rows: [], fileProblems };
  if (!taken.has('identifier')) {
    fileProblems.push({
      severity: 'warning',
      path: `line ${tagRowAt + 1}`,
      reason: 'no #activity+code column: rows are matched to activities by organisation, name, country and #adm1, so renaming one makes a new activity',
    });
  }

  const rows: HxlRow[] = [];
  const seen = new Map<string, number>();
  for (let r = tagRowAt + 1; r < records.length; r++) {
    const cells = records[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const line = r + 1;
    const problems: Problem[] = [];
    const cell = (key: string): { value: string; col: Column } | null => {
      const col = taken.get(key);
      return col ? { value: (cells[col.index] ?? '').trim(), col } : null;
    };
    const bad = (col: Column, value: string, reason: string, severity: Problem['severity'] = 'error') =>
      problems.push({ severity, path: `line ${line}, column ${col.letter} (${col.hashtag})`, reason: `value "${value}": ${reason}` });
    const narratives = (prefix: string): Narratives => {
      const out: Narratives = {};
      for (const [key, col] of taken) {
        if (!key.startsWith(`${prefix}:`)) continue;
        const value = (cells[col.index] ?? '').trim();
        if (value) out[key.slice(prefix.length + 1)] = value;
      }
      return out;
    };

    const title = narratives('title');
    const description = narratives('description');
    const orgName = narratives('org');
    const orgRef = cell('orgRef')?.value || null;
    if (!orgRef && Object.keys(orgName).length === 0) problems.push({ severity: 'error', path: `line ${line}, column ${(taken.get('org:en') ?? taken.get('orgRef') ?? columns[0]!).letter} (#org)`, reason: 'empty: which organisation reports this row?' });
    if (Object.keys(title).length === 0) {
      const col = titleColumns[0]?.[1] ?? taken.get('identifier')!;
      problems.push({ severity: 'error', path: `line ${line}, column ${col.letter} (${col.hashtag})`, reason: 'empty: the activity needs a name' });
    }

    let status: number | undefined;
    const statusCell = cell('status');
    if (statusCell?.value) {
      status = matchStatus(statusCell.value) ?? undefined;
      if (status === undefined) bad(statusCell.col, statusCell.value, 'not an activity status (pipeline, ongoing, completed, cancelled, suspended or IATI code 1-6)');
    }

    let countriesOut: string[] | undefined;
    const countryCell = cell('country');
    if (countryCell) {
      countriesOut = [];
      if (!countryCell.value) bad(countryCell.col, '', 'empty: every row needs a country (ISO 3166-1 alpha-3 or alpha-2 code, or name)');
      for (const v of countryCell.value ? countryCell.value.split(LIST_SEPARATOR).filter(Boolean) : []) {
        const iso2 = countries.iso2(v);
        if (!iso2) bad(countryCell.col, v, 'unknown country (give an ISO 3166-1 alpha-3 or alpha-2 code, or the country name)');
        else if (!countriesOut.includes(iso2)) countriesOut.push(iso2);
      }
    }

    let sectors: HxlRow['sectors'];
    const sectorCell = cell('sector');
    if (sectorCell) {
      sectors = [];
      for (const v of sectorCell.value ? sectorCell.value.split(LIST_SEPARATOR).filter(Boolean) : []) {
        const match = matchSector(v);
        if (!match) bad(sectorCell.col, v, 'neither one of our pillars (prevention, protection, prosecution, partnership, demand reduction, recovery and reintegration, technical assistance) nor a 5-digit DAC code; left out', 'warning');
        else if (!sectors.some((s) => s.vocabulary === match.vocabulary && s.code === match.code)) sectors.push(match);
      }
    }

    const dates: HxlRow['dates'] = {};
    for (const key of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const) {
      const c = cell(key);
      if (!c) continue;
      const value = c.value.slice(0, 10);
      if (!c.value) dates[key] = null;
      else if (!isoDate(value)) bad(c.col, c.value, 'not a date (YYYY-MM-DD)');
      else dates[key] = value;
    }
    for (const kind of ['planned', 'actual'] as const) {
      const start = dates[`${kind}Start`];
      const end = dates[`${kind}End`];
      if (start && end && start > end) bad(taken.get(`${kind}End`)!, end, `the ${kind} end is before the start (${start})`);
    }

    const figure = (key: 'targeted' | 'reached'): number | null | undefined => {
      const c = cell(key);
      if (!c) return undefined;
      if (!c.value) return null;
      const n = Number(c.value.replace(/[\s,\u00a0\u202f]/g, ''));
      if (!Number.isFinite(n) || n < 0) {
        bad(c.col, c.value, 'not a number of people (a whole number, 0 or more)');
        return undefined;
      }
      return n;
    };
    const targeted = figure('targeted');
    const reached = figure('reached');
    const adm1Cell = cell('adm1');
    const adm1 = adm1Cell ? adm1Cell.value || null : undefined;
    if ((targeted != null || reached != null) && !(dates.actualStart ?? dates.plannedStart) && !(dates.actualEnd ?? dates.plannedEnd)) {
      const col = taken.get(targeted != null ? 'targeted' : 'reached')!;
      bad(col, String(targeted ?? reached), 'people targeted and reached are counted over the activity period: give #date+start and #date+end');
    }

    const idCell = cell('identifier');
    let identifier = idCell?.value ?? '';
    if (idCell && identifier.length < 3) {
      bad(idCell.col, identifier, 'the activity code must be at least 3 characters (it identifies the activity on re-import)');
    }
    if (!idCell) {
      const key = [orgRef ?? '', Object.values(orgName)[0] ?? '', title.en ?? Object.values(title)[0] ?? '', (countriesOut ?? []).join(';'), adm1 ?? ''].join('\u241f').toLowerCase();
      identifier = `HXL-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
    }
    const earlier = seen.get(identifier);
    if (earlier !== undefined) {
      const col = idCell?.col ?? titleColumns[0]![1];
      bad(col, idCell ? identifier : (title.en ?? ''), `the same activity is already on line ${earlier}; give each activity one row`);
    } else seen.set(identifier, line);

    rows.push({ index: rows.length + 1, line, identifier, org: { ref: orgRef, name: orgName }, title, description, status, countries: countriesOut, sectors, dates, targeted, reached, adm1, problems });
  }
  if (rows.length === 0) fileProblems.push({ severity: 'critical', path: `line ${tagRowAt + 2}`, reason: 'no data rows under the hashtag row' });
  return { rows, fileProblems };
}
