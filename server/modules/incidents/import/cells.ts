// Turning one text cell into a value of the case model, or a problem. Shared by the case-level
// formats (HTCDS, CTDC). Missing values keep their reason apart: a blank cell is "not collected",
// `Unknown` / `-99` is "unknown", `NotApplicable` / `N/A` is "not applicable", and for a list
// `None` is a known empty list.
import type { Known, MissingReason } from '../incidents.values.ts';
import type { ImportProblem } from './import-types.ts';

/** Collects a row's problems; `secret` columns never echo their value. */
export class RowProblems {
  readonly items: ImportProblem[] = [];
  constructor(readonly line: number) {}
  add(column: string, value: string | undefined, reason: string, secret = false): void {
    this.items.push({ line: this.line, column, ...(value !== undefined && !secret ? { value: value.slice(0, 200) } : {}), reason });
  }
}

const missingWords: Record<string, MissingReason> = {
  '': 'not_collected',
  unknown: 'unknown',
  '-99': 'unknown',
  notapplicable: 'not_applicable',
  'n/a': 'not_applicable',
  na: 'not_applicable',
  notcollected: 'not_collected',
  suppressed: 'suppressed',
};

/** The reason a cell holds no value, or undefined when it holds one. */
export function missingReason(cell: string): MissingReason | undefined {
  return missingWords[cell.trim().toLowerCase().replace(/[\s_-]+(?!99)/g, '')];
}

/** Case-insensitive lookup of a code list, with extra spellings (synonyms) on top. */
export function codeList<T extends string>(values: readonly T[], synonyms: Record<string, T> = {}): (cell: string) => T | undefined {
  const map = new Map<string, T>();
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  for (const v of values) map.set(key(v), v);
  for (const [s, v] of Object.entries(synonyms)) map.set(key(s), v);
  return (cell) => map.get(key(cell));
}

/** One value from a code list. */
export function oneOf<T extends string>(p: RowProblems, column: string, cell: string, lookup: (cell: string) => T | undefined, listName: string): Known<T> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  const value = lookup(cell.trim());
  if (value === undefined) {
    p.add(column, cell, `not a value of ${listName}`);
    return { reason: 'unknown' };
  }
  return { value };
}

/** Splits a multi-valued cell on `;` or `|` (CTDC joins with `;`, HTCDS exports with `|`). */
export function splitMulti(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Several values from a code list; `None` is a known empty list. */
export function manyOf<T extends string>(p: RowProblems, column: string, cell: string, lookup: (cell: string) => T | undefined, listName: string): Known<T[]> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  if (/^none$/i.test(cell.trim())) return { value: [] };
  const out: T[] = [];
  for (const part of splitMulti(cell)) {
    const value = lookup(part);
    if (value === undefined) p.add(column, part, `not a value of ${listName}`);
    else if (!out.includes(value)) out.push(value);
  }
  return { value: out };
}

/** A calendar date YYYY-MM-DD that exists and is not after `today`. */
export function dateCell(p: RowProblems, column: string, cell: string, today: string, secret = false): Known<string> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  const s = cell.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(`${s}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    p.add(column, s, 'not a date written YYYY-MM-DD', secret);
    return { reason: 'unknown' };
  }
  if (s > today) {
    p.add(column, s, 'is in the future', secret);
    return { reason: 'unknown' };
  }
  return { value: s };
}

/** A whole number within bounds. */
export function intCell(p: RowProblems, column: string, cell: string, min: number, max: number): Known<number> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  const s = cell.trim();
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    p.add(column, s, `not a whole number from ${min} to ${max}`);
    return { reason: 'unknown' };
  }
  return { value: n };
}

const yes = new Set(['1', 'true', 'yes', 'y']);
const no = new Set(['0', 'false', 'no', 'n']);

/** Yes/no: 1/0, true/false, yes/no. */
export function boolCell(p: RowProblems, column: string, cell: string): Known<boolean> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  const s = cell.trim().toLowerCase();
  if (yes.has(s)) return { value: true };
  if (no.has(s)) return { value: false };
  p.add(column, cell, 'not yes/no (1/0, true/false, yes/no)');
  return { reason: 'unknown' };
}

/** Countries the import accepts: alpha-3 codes, and alpha-2 → alpha-3 for formats that use alpha-2. */
export interface CountryCodes {
  iso3: Set<string>;
  iso2to3: Map<string, string>;
}

/** One or several countries, alpha-3 (or alpha-2 when `alpha2`), that exist. */
export function countriesCell(p: RowProblems, column: string, cell: string, countries: CountryCodes, alpha2 = false): Known<string[]> {
  const reason = missingReason(cell);
  if (reason) return { reason };
  const out: string[] = [];
  for (const part of splitMulti(cell)) {
    const code = part.toUpperCase();
    const iso3 = alpha2 && code.length === 2 ? countries.iso2to3.get(code) : code.length === 3 && countries.iso3.has(code) ? code : undefined;
    if (!iso3) p.add(column, part, alpha2 ? 'not an ISO 3166-1 alpha-2 code of a country' : 'not an ISO 3166-1 alpha-3 code of a country');
    else if (!out.includes(iso3)) out.push(iso3);
  }
  return { value: out };
}

/** One country (the first of `countriesCell`). */
export function countryCell(p: RowProblems, column: string, cell: string, countries: CountryCodes, alpha2 = false): Known<string> {
  const k = countriesCell(p, column, cell, countries, alpha2);
  if ('reason' in k) return k;
  if (k.value.length > 1) p.add(column, cell, 'one country expected');
  return k.value.length ? { value: k.value[0]! } : { reason: 'unknown' };
}

/** Free text, trimmed, at most `max` characters; undefined when blank. */
export function textCell(p: RowProblems, column: string, cell: string, max: number, secret = false): string | undefined {
  const s = cell.trim();
  if (!s) return undefined;
  if (s.length > max) {
    p.add(column, s, `longer than ${max} characters`, secret);
    return undefined;
  }
  return s;
}
