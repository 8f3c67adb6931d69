import Papa from 'papaparse';
import type { CountryStatus } from './treatiesApi.ts';

/** The States not yet party, as CSV (codes and dates, language-neutral; demo rows say so). */
export function notPartyCsv(instrument: string, rows: readonly CountryStatus[]): string {
  return Papa.unparse({
    fields: ['instrument', 'country_iso3', 'country_name', 'status', 'signed_on', 'demo'],
    data: rows.map((r) => [instrument, r.countryIso3, r.countryNames.en, r.status, r.signedOn ?? '', r.demo ? 'true' : 'false']),
  });
}
