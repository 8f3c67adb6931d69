// The incident import API: upload (XMLHttpRequest, for upload progress), job polling, commit.
import { ApiError, request } from '../api.ts';
import { getSession } from '../auth/accessApi.ts';

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
export async function uploadForCheck(file: File, format: ImportFormat, reporter: string, onProgress: (share: number) => void): Promise<ImportJob> {
  // The upload is not a JSON call, so it sends the session's CSRF token itself.
  const { csrfToken } = await getSession();
  const query = new URLSearchParams({ format, fileName: file.name, dryRun: 'true', ...(reporter ? { reporter } : {}) });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/incidents/imports?${query.toString()}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'The upload did not reach the server', undefined, undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (xhr.status === 202) return resolve(body as ImportJob);
      const error = (body as { error?: { code: string; message: string; correlationId?: string; details?: { field?: string; reason: string }[] } } | undefined)?.error;
      reject(new ApiError(error?.code ?? 'BAD_RESPONSE', error?.message ?? `The upload answered ${xhr.status}`, xhr.status, error?.correlationId, error?.details ?? []));
    };
    xhr.send(file);
  });
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
