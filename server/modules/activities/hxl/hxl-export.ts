// Writes activities as an HXL 3W CSV: a human header row, the hashtag row, one row per activity.
// Every column is one the import reads, so exporting and re-importing changes nothing.
import Papa from 'papaparse';
import type { ActivityDocument } from '../activities.schema.ts';
import { hxlFigures } from './hxl-document.ts';

const first = (n: Record<string, string>) => n.en ?? Object.values(n)[0] ?? '';

/** CSV text (UTF-8, with a BOM so spreadsheet programs read it as UTF-8). `iso3` maps alpha-2 codes. */
export function toHxlCsv(documents: ActivityDocument[], iso3: (iso2: string) => string): string {
  // One title column per language any activity uses, English first.
  const langs = [...new Set(documents.flatMap((d) => Object.keys(d.title)))].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const columns: [human: string, hashtag: string, value: (d: ActivityDocument) => string | number | null][] = [
    ['Activity code', '#activity+code', (d) => d.iatiIdentifier],
    ...langs.map((l): [string, string, (d: ActivityDocument) => string] => [`Activity (${l})`, `#activity+name+i_${l}`, (d) => d.title[l] ?? '']),
    ['Organisation', '#org+name', (d) => first(d.reportingOrg.name)],
    ['Organisation IATI identifier', '#org+code', (d) => d.reportingOrg.ref ?? ''],
    ['Sector', '#sector', (d) => d.sectors.map((s) => s.code).join('; ')],
    ['Country', '#country+code', (d) => d.recipientCountries.map((c) => iso3(c.code)).join('; ')],
    ['Admin 1', '#adm1+name', (d) => hxlFigures(d).adm1],
    ['Planned start', '#date+start', (d) => d.dates.plannedStart],
    ['Planned end', '#date+end', (d) => d.dates.plannedEnd],
    ['Actual start', '#date+start+actual', (d) => d.dates.actualStart],
    ['Actual end', '#date+end+actual', (d) => d.dates.actualEnd],
    ['Status', '#status+code', (d) => d.status],
    ['People targeted', '#targeted', (d) => hxlFigures(d).targeted],
    ['People reached', '#reached', (d) => hxlFigures(d).reached],
  ];
  const rows = [columns.map((c) => c[0]), columns.map((c) => c[1]), ...documents.map((d) => columns.map(([, , value]) => value(d) ?? ''))];
  return `\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
