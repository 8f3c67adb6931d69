// The contract every incident import format meets (HTCDS, CTDC: case level; GLOTIP: aggregate
// counts), so the CLI, the HTTP import and the web wizard treat them alike.
import type { Actor } from '../../../platform/access/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AppSettings } from '../../../platform/settings.ts';

export const incidentImportFormats = ['htcds', 'ctdc', 'glotip'] as const;
export type IncidentImportFormat = (typeof incidentImportFormats)[number];

/** One bad row, cell or file-level fault: where (1-based line of the file, column name) and why. */
export interface ImportProblem {
  line: number;
  column?: string;
  value?: string;
  reason: string;
}

/** Per indicator and year: rows read and the total the person importing checks against the source. */
export interface ImportSummaryRow {
  indicator: string;
  year: number;
  rows: number;
  /** Sum of the values whose dimension, sex and age are all totals, over country rows; suppressed left out. */
  total: number;
}

export interface ImportRequest {
  filePath: string;
  /** As uploaded or given on the command line; its extension may decide CSV vs XLSX. */
  fileName: string;
  /** ISO 3166-1 alpha-3 of the reporting State, for files that do not name it. */
  reporter?: string;
  dryRun: boolean;
  /** Called as rows are read (bytes or rows done, of total when known), for progress bars. */
  onProgress?: (done: number, total?: number) => void;
}

export interface ImportOutcome {
  format: IncidentImportFormat;
  dryRun: boolean;
  /** True only when everything was written; any problem means nothing was. */
  committed: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  /** Things that did not stop the import (e.g. columns that were ignored). */
  warnings?: ImportProblem[];
  summary: ImportSummaryRow[];
}

export type Importer = Actor | { kind: 'system' };

export type IncidentImporter = (db: Database, settings: AppSettings, importer: Importer, request: ImportRequest) => Promise<ImportOutcome>;
