// One row of UNODC's GLOTIP long format, cell by cell: the header (found below the metadata
// rows), the code lists written as GLOTIP writes them, and values (`<5` suppressed, thousands
// separators, blank = unknown). Place names are resolved later, in one batch, by glotip.ts.
import type { Age, Dimension, FormCategory, Indicator, Sex } from '../aggregates/aggregates.values.ts';
import { nameKey } from '../aggregates/glotip-names.ts';
import type { ImportProblem } from './import-types.ts';

export const glotipColumns = {
  iso3: 'Iso3_code',
  country: 'Country',
  region: 'Region',
  subregion: 'Subregion',
  indicator: 'Indicator',
  dimension: 'Dimension',
  category: 'Category',
  sex: 'Sex',
  age: 'Age',
  year: 'Year',
  unit: 'Unit of measurement',
  value: 'txtVALUE',
  source: 'Source',
} as const;
export type GlotipField = keyof typeof glotipColumns;
const required: GlotipField[] = ['iso3', 'indicator', 'dimension', 'category', 'sex', 'age', 'year', 'value'];

/** How many rows above the header may be metadata before we give up looking for it. */
export const HEADER_SEARCH_ROWS = 20;

export type HeaderMap = Partial<Record<GlotipField, number>>;

const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '');

/** The header's column positions when `cells` is the header row, else null (a metadata row). */
export function readHeader(cells: string[]): { map: HeaderMap; missing: string[] } | null {
  const keys = cells.map(headerKey);
  if (!keys.includes(headerKey(glotipColumns.iso3)) && !keys.includes(headerKey(glotipColumns.value))) return null;
  const map: HeaderMap = {};
  for (const [field, name] of Object.entries(glotipColumns) as [GlotipField, string][]) {
    const at = keys.indexOf(headerKey(name));
    if (at >= 0) map[field] = at;
  }
  return { map, missing: required.filter((f) => map[f] === undefined).map((f) => glotipColumns[f]) };
}

const indicatorWords: [RegExp, Indicator][] = [
  [/^detected (trafficking )?victims/, 'detected_victims'],
  [/formal contact/, 'formal_contact'],
  [/prosecuted/, 'prosecuted'],
  [/convicted/, 'convicted'],
  [/^offen[cs]es/, 'offences'],
];
const dimensionWords: [RegExp, Dimension][] = [
  [/^total$/, 'total'],
  [/form of exploitation|forms of exploitation/, 'form'],
  [/citizenship|nationality/, 'citizenship'],
  [/repatriation/, 'repatriation'],
];
const formWords: Record<string, FormCategory> = {
  'sexual exploitation': 'sexual_exploitation',
  'forced labour': 'forced_labour',
  'forced labor': 'forced_labour',
  'forced labour or services': 'forced_labour',
  'forced criminal activity': 'forced_criminality',
  'forced criminality': 'forced_criminality',
  'forced marriage': 'forced_marriage',
  'organ removal': 'organ_removal',
  'removal of organs': 'organ_removal',
  begging: 'begging',
  'forced begging': 'begging',
  'illegal adoption': 'illegal_adoption',
  'mixed exploitation': 'mixed',
  'mixed forms': 'mixed',
  'other forms of exploitation': 'other',
  'other purposes': 'other',
  other: 'other',
};
const sexWords: Record<string, Sex> = { total: 'total', female: 'female', females: 'female', male: 'male', males: 'male', other: 'other', unknown: 'unknown' };
const ageWords: Record<string, Age> = {
  total: 'total',
  '0 to 17 years': 'minor',
  'under 18 years': 'minor',
  minors: 'minor',
  children: 'minor',
  '18 years or over': 'adult',
  '18 years and over': 'adult',
  adults: 'adult',
  unknown: 'unknown',
};

/** A value cell: a count, a suppressed count with its bound, unknown, or a reason it is neither. */
export type ParsedValue = { kind: 'count'; count: number } | { kind: 'suppressed'; bound: number } | { kind: 'unknown' } | { error: string };

const unknownWords = new Set(['', '..', '...', '-', 'unknown', 'n/a', 'na', 'not available']);

export function parseValue(cell: string): ParsedValue {
  const text = cell.trim();
  if (unknownWords.has(text.toLowerCase())) return { kind: 'unknown' };
  const suppressed = /^<\s*(\d{1,4})$/.exec(text);
  if (suppressed) {
    const bound = Number(suppressed[1]);
    return bound >= 1 ? { kind: 'suppressed', bound } : { error: 'a suppressed count must have a bound of at least 1 (e.g. <5)' };
  }
  // Thousands separators: 1,234 · 1 234 · with a no-break or narrow no-break space.
  if (/^\d{1,3}([, \u00a0\u202f]\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const count = Number(text.replace(/[, \u00a0\u202f]/g, ''));
    if (count > 100_000_000) return { error: 'the count is implausibly large (over 100 million)' };
    return { kind: 'count', count };
  }
  if (/^\d+\.0+$/.test(text)) return { kind: 'count', count: Number(text.split('.')[0]) };
  if (/^-\d/.test(text)) return { error: 'a count cannot be negative' };
  if (/^\d+[.,]\d+$/.test(text)) return { error: 'a count must be a whole number (rates are not imported)' };
  return { error: 'not a count, a suppressed count such as <5, or blank for unknown' };
}

/** One data row, parsed; the place category and the reporting country name are still names. */
export interface ParsedRow {
  line: number;
  iso3: string;
  countryName: string;
  area: string;
  indicator: Indicator;
  dimension: Dimension;
  /** 'total', a form code, or the place name as written (citizenship, repatriation). */
  category: string;
  sex: Sex;
  age: Age;
  year: number;
  value: Exclude<ParsedValue, { error: string }>;
}

/** Parses a data row; problems are added for each bad cell (with its column and value). */
export function parseRow(line: number, cells: string[], header: HeaderMap, lastYear: number, problems: ImportProblem[]): ParsedRow | null {
  const before = problems.length;
  const cell = (f: GlotipField) => (header[f] === undefined ? '' : (cells[header[f]] ?? '').trim());
  const bad = (f: GlotipField, reason: string) => problems.push({ line, column: glotipColumns[f], value: cell(f).slice(0, 200), reason });
  const words = (f: GlotipField) => nameKey(cell(f));

  const iso3 = cell('iso3').toUpperCase();
  if (iso3 && !/^[A-Z]{3}$/.test(iso3)) bad('iso3', 'not an ISO 3166-1 alpha-3 code');
  const countryName = cell('country');
  const area = cell('subregion') || cell('region');
  if (!iso3 && !countryName && !area) bad('iso3', 'the row names no reporting State (Iso3_code, Country) and no area (Subregion, Region)');

  const indicator = indicatorWords.find(([re]) => re.test(words('indicator')))?.[1];
  if (!indicator) bad('indicator', 'not a GLOTIP indicator (Detected trafficking victims, Persons brought into formal contact, Persons prosecuted, Persons convicted, Offences of trafficking in persons)');
  const dimension = dimensionWords.find(([re]) => re.test(words('dimension')))?.[1];
  if (!dimension) bad('dimension', 'not a GLOTIP dimension (Total, by form of exploitation, by citizenship, by country of repatriation)');

  let category = cell('category');
  if (dimension === 'total') {
    if (words('category') !== 'total') bad('category', "the Total dimension has the single category 'Total'");
    category = 'total';
  } else if (dimension === 'form') {
    const form = formWords[words('category')];
    if (!form) bad('category', 'not a form of exploitation (Sexual exploitation, Forced labour, Other forms of exploitation, ...)');
    category = form ?? category;
  } else if (dimension && !category) bad('category', 'a place name is required for this dimension');

  const sex = sexWords[words('sex')];
  if (!sex) bad('sex', 'not Total, Female, Male, Other or Unknown');
  const age = ageWords[words('age')];
  if (!age) bad('age', "not Total, '0 to 17 years', '18 years or over' or Unknown");

  const yearText = cell('year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (Number.isNaN(year)) bad('year', 'not a year (four digits)');
  else if (year < 1990) bad('year', 'before 1990');
  else if (year > lastYear) bad('year', `in the future (after ${lastYear})`);

  const unit = words('unit');
  if (unit && !/count|number/.test(unit)) bad('unit', 'only counts are imported (not rates or percentages)');

  const value = parseValue(cell('value'));
  if ('error' in value) bad('value', value.error);

  if (problems.length > before || 'error' in value) return null;
  return { line, iso3, countryName, area, indicator: indicator!, dimension: dimension!, category, sex: sex!, age: age!, year, value };
}
