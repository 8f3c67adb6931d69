// How a 3W table (who does what where) maps onto an activity document: the HXL hashtags we
// read and write, our pillars under the names people put in a #sector column, and the result
// that carries #targeted / #reached / #adm1 (the document has no sub-national field, so the
// first-level division travels as the disaggregation of that result's indicator).
import { pillars } from '../activities.schema.ts';

/** The result an HXL row's #targeted / #reached live in; found again by this English title. */
export const HXL_RESULT_TITLE = 'People targeted and reached (3W)';
export const HXL_INDICATOR_TITLE = 'People';
/** Dimension name of the indicator values holding the #adm1 name. */
export const ADM1_DIMENSION = 'adm1';

/** Multi-valued cells (several countries or sectors) separate values with one of these. */
export const LIST_SEPARATOR = /\s*[;|]\s*/;

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Names of the pillars as they appear in cluster and donor 3W tables, normalised.
const pillarNames: Record<string, (typeof pillars)[number]> = {
  prevention: 'prevention',
  prevent: 'prevention',
  awareness: 'prevention',
  'awareness raising': 'prevention',
  protection: 'protection',
  'victim protection': 'protection',
  'protection and assistance': 'protection',
  'victim assistance': 'protection',
  prosecution: 'prosecution',
  'criminal justice': 'prosecution',
  'law enforcement': 'prosecution',
  partnership: 'partnership',
  partnerships: 'partnership',
  coordination: 'partnership',
  'demand reduction': 'demand_reduction',
  'recovery and reintegration': 'recovery_reintegration',
  'recovery reintegration': 'recovery_reintegration',
  reintegration: 'recovery_reintegration',
  'technical assistance': 'technical_assistance',
  'capacity building': 'technical_assistance',
};
for (const p of pillars) pillarNames[normalise(p)] = p;

export type SectorMatch = { vocabulary: 'tip'; code: (typeof pillars)[number] } | { vocabulary: '1'; code: string } | null;

/** A #sector value as one of our pillars or a 5-digit OECD DAC purpose code; null when neither. */
export function matchSector(value: string): SectorMatch {
  if (/^\d{5}$/.test(value.trim())) return { vocabulary: '1', code: value.trim() };
  const pillar = pillarNames[normalise(value)];
  return pillar ? { vocabulary: 'tip', code: pillar } : null;
}

const statusWords: Record<string, number> = {
  pipeline: 1,
  planned: 1,
  identification: 1,
  implementation: 2,
  ongoing: 2,
  active: 2,
  finalisation: 3,
  finalization: 3,
  closed: 4,
  completed: 4,
  finished: 4,
  cancelled: 5,
  canceled: 5,
  suspended: 6,
};

/** A #status value (IATI ActivityStatus code 1-6 or a word such as "ongoing"); null when unknown. */
export function matchStatus(value: string): number | null {
  const v = normalise(value);
  if (/^[1-6]$/.test(v)) return Number(v);
  return statusWords[v] ?? null;
}

export interface CountryNames {
  iso2: string;
  iso3: string;
  names: Record<string, string>;
}

/** Looks countries up by ISO alpha-3, alpha-2 or a name in any of our six languages. */
export class CountryLookup {
  private readonly byKey = new Map<string, string>();
  private readonly iso3ByIso2 = new Map<string, string>();

  constructor(countries: readonly CountryNames[]) {
    for (const c of countries) {
      this.iso3ByIso2.set(c.iso2, c.iso3);
      this.byKey.set(c.iso3.toUpperCase(), c.iso2);
      this.byKey.set(c.iso2.toUpperCase(), c.iso2);
      for (const name of Object.values(c.names)) if (name) this.byKey.set(`name:${normalise(name)}`, c.iso2);
    }
  }

  /** ISO alpha-2 of a code or name, or null. */
  iso2(value: string): string | null {
    const v = value.trim();
    if (/^[A-Za-z]{2,3}$/.test(v)) {
      const byCode = this.byKey.get(v.toUpperCase());
      if (byCode) return byCode;
    }
    return this.byKey.get(`name:${normalise(v)}`) ?? null;
  }

  iso3(iso2: string): string {
    return this.iso3ByIso2.get(iso2) ?? iso2;
  }
}
