// Treaty-action CSV: parse to a neutral shape (with the line of every row) and write it back.
import Papa from 'papaparse';
import type { ErrorDetail } from '../../platform/errors.ts';

/** The columns of the treaty CSV, in export order; `notes` may be left out of an import. */
export const TREATY_CSV_COLUMNS = ['country_iso3', 'instrument', 'action', 'date', 'notes'] as const;
const REQUIRED = ['country_iso3', 'instrument', 'action', 'date'] as const;
/** Written by the export so synthetic rows stay recognisable; ignored by the import. */
const DEMO_COLUMN = 'demo';

export interface CsvTreatyRow {
  /** 1-based line where the row starts in the file. */
  line: number;
  country_iso3: string;
  instrument: string;
  action: string;
  date: string;
  notes: string;
}

export interface ParsedCsv {
  rows: CsvTreatyRow[];
  errors: ErrorDetail[];
}

/** Parses the text; problems of the file or of single rows come back as errors, never thrown. */
export function parseTreatyCsv(input: string): ParsedCsv {
  // One newline convention, so line numbers count what an editor shows.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: CsvTreatyRow[] = [];
  const errors: ErrorDetail[] = [];
  let header: string[] | null = null;
  const index: Record<string, number> = {};
  let prevCursor = -1;
  let scanned = 0;
  let line = 1;

  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    step: (result) => {
      const start = prevCursor + 1;
      prevCursor = result.meta.cursor;
      for (; scanned < start && scanned < text.length; scanned++) if (text.charCodeAt(scanned) === 10) line++;
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return; // blank line
      for (const e of result.errors) errors.push({ line, reason: `malformed CSV: ${e.message}` });
      if (result.errors.length) return;
      if (!header) {
        header = cells.map((c) => c.trim().toLowerCase());
        const missing = REQUIRED.filter((c) => !header!.includes(c));
        if (missing.length) {
          errors.push({
            line,
            field: missing.join(','),
            value: cells.join(','),
            reason: `missing header row or column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the first line must name the columns ${TREATY_CSV_COLUMNS.join(',')}`,
          });
          return;
        }
        const known = new Set<string>([...TREATY_CSV_COLUMNS, DEMO_COLUMN]);
        header.forEach((name, i) => {
          if (!known.has(name)) errors.push({ line, field: name || `column ${i + 1}`, value: cells[i], reason: `unknown column; expected ${TREATY_CSV_COLUMNS.join(',')}` });
          else if (name in index) errors.push({ line, field: name, reason: 'column named twice' });
          else index[name] = i;
        });
        return;
      }
      if (Object.keys(index).length === 0) return; // the header was wrong; one error is enough
      if (cells.length !== header.length) {
        errors.push({ line, value: cells.join(','), reason: `has ${cells.length} fields, the header has ${header.length}` });
        return;
      }
      const cell = (name: string) => (index[name] === undefined ? '' : unescapeFormula(cells[index[name]]!.trim()));
      rows.push({ line, country_iso3: cell('country_iso3'), instrument: cell('instrument'), action: cell('action'), date: cell('date'), notes: cell('notes') });
    },
  });
  if (!header) errors.push({ line: 1, reason: `the file is empty: the first line must name the columns ${TREATY_CSV_COLUMNS.join(',')}` });
  return { rows, errors };
}

export interface ExportRow {
  country_iso3: string;
  instrument: string;
  action: string;
  action_date: string;
  notes: string | null;
  is_demo: boolean;
}

/** CSV with a header row; `demo` says which rows are synthetic demonstration values. */
export function formatTreatyCsv(rows: ExportRow[]): string {
  const body = rows.map((r) => [r.country_iso3, r.instrument, r.action, r.action_date, r.notes ?? '', r.is_demo ? 'true' : 'false']);
  return `${Papa.unparse({ fields: [...TREATY_CSV_COLUMNS, DEMO_COLUMN], data: body }, { newline: '\n', escapeFormulae: true })}\n`;
}

/** Undoes the export's spreadsheet-formula guard (a leading apostrophe), so exports re-import unchanged. */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
