// The incident import API: upload (XMLHttpRequest, for upload progress), job polling, commit.
import { request } from '../api.ts';
import { uploadFile } from '../shared/uploadFile.ts';

export const importFormats = ['htcds', 'ctdc', 'glotip'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportProblem {
  line: number;
  column?: string;
  value?: string;
  reason: string;
}

export interface ImportOutcome {
  format: ImportFormat;
  dryRun: boolean;
  committed: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  warnings?: ImportProblem[];
  summary: { indicator: string; year: number; rows: number; total: number }[];
}

export interface ImportJob {
  id: string;
  format: ImportFormat;
  fileName: string;
  reporter: string | null;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  bytesDone: number;
  bytesTotal: number;
  preview: { headerLine: number; columns: string[]; rows: { line: number; cells: string[] }[] } | null;
  outcome: ImportOutcome | null;
  error: string | null;
  committedFrom: string | null;
  finishedAt: string | null;
}

/** Uploads the file as the raw body of a dry run; `onProgress` gets the share sent (0..1). */
export function uploadForCheck(file: File, format: ImportFormat, reporter: string, onProgress: (share: number) => void): Promise<ImportJob> {
  const query = new URLSearchParams({ format, fileName: file.name, dryRun: 'true', ...(reporter ? { reporter } : {}) });
  return uploadFile<ImportJob>(`/api/v1/incidents/imports?${query.toString()}`, file, 202, onProgress);
}

export function getJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return request<ImportJob>('GET', `/api/v1/incidents/imports/${id}`, undefined, signal);
}

export function commitJob(id: string): Promise<ImportJob> {
  return request<ImportJob>('POST', `/api/v1/incidents/imports/${id}/commit`);
}

/** Polls a job until it is no longer running, reporting each state seen. */
export async function waitForJob(id: string, onUpdate: (job: ImportJob) => void, signal: AbortSignal): Promise<ImportJob> {
  for (;;) {
    const job = await getJob(id, signal);
    onUpdate(job);
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 400));
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  }
}

/** The problems as CSV, for the person fixing the file. */
export function problemsCsv(problems: ImportProblem[]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['line,column,value,reason', ...problems.map((p) => [String(p.line), p.column ?? '', p.value ?? '', p.reason].map(cell).join(','))].join('\r\n') + '\r\n';
}
