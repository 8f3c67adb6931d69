// The first rows of an uploaded file as the person importing sees them before committing:
// identifier columns are left out, so the preview never shows a name or a number.
import type { IncidentImportFormat } from './import-types.ts';
import { secretColumns } from './htcds.ts';
import { readTableRows } from './text-input.ts';

export interface Preview {
  /** 1-based line of the header row. */
  headerLine: number;
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

export const PREVIEW_ROWS = 10;
const secret = new Set([...secretColumns].map((c) => c.toLowerCase()));

export async function previewRows(filePath: string, fileName: string, format: IncidentImportFormat): Promise<Preview | null> {
  let header: { line: number; keep: number[]; columns: string[] } | null = null;
  const rows: Preview['rows'] = [];
  const rowsIn = readTableRows(filePath, fileName, format === 'ctdc' ? { delimiter: ';' } : {});
  for await (const row of rowsIn) {
    if (!header) {
      const keep = row.cells.map((_c, i) => i).filter((i) => !secret.has(row.cells[i]!.trim().toLowerCase()));
      header = { line: row.line, keep, columns: keep.map((i) => row.cells[i]!.trim()) };
      continue;
    }
    rows.push({ line: row.line, cells: header.keep.map((i) => (row.cells[i] ?? '').slice(0, 200)) });
    if (rows.length >= PREVIEW_ROWS) break;
  }
  return header ? { headerLine: header.line, columns: header.columns, rows } : null;
}
