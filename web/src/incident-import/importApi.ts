// The incident import API: upload (XMLHttpRequest, for upload progress), job polling, commit.
import { request } from '../api.ts';
import { uploadFile } from '../shared/uploadFile.ts';

// The shapes are the server's own (type-only imports: nothing of the server enters the bundle
// but the list of formats, from a file without runtime imports).
export { incidentImportFormats as importFormats } from '../../../server/modules/incidents/import/import-types.ts';
export type { IncidentImportFormat as ImportFormat, ImportOutcome, ImportProblem } from '../../../server/modules/incidents/import/import-types.ts';
export type { ImportJobView as ImportJob } from '../../../server/modules/incidents/import/import-jobs.ts';
import type { IncidentImportFormat as ImportFormat, ImportProblem } from '../../../server/modules/incidents/import/import-types.ts';
import type { ImportJobView as ImportJob } from '../../../server/modules/incidents/import/import-jobs.ts';

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
