// The activity import API: one upload (XMLHttpRequest, for upload progress) as a dry run for the
// preview, then the same file again to commit. The server tells IATI XML from HXL CSV itself.
import { ApiError } from '../api.ts';
import { getSession } from '../auth/accessApi.ts';

export type Severity = 'critical' | 'error' | 'warning';
export interface ImportProblem {
  severity: Severity;
  path: string;
  reason: string;
}

export interface ActivityImportReport {
  format: 'iati' | 'hxl';
  bytes: number;
  dryRun: boolean;
  activities: { index: number; iatiIdentifier: string | null; outcome: 'created' | 'updated' | 'unchanged' | 'rejected'; activityId: string | null; problems: ImportProblem[] }[];
  fileProblems: ImportProblem[];
  counts: { created: number; updated: number; unchanged: number; rejected: number };
}

/** Sends the file as the raw body; `onProgress` gets the share sent (0..1). */
export async function uploadActivities(file: File, dryRun: boolean, onProgress: (share: number) => void): Promise<ActivityImportReport> {
  // The upload is not a JSON call, so it sends the session's CSRF token itself.
  const { csrfToken } = await getSession();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/activities/import?dryRun=${dryRun ? 'true' : 'false'}`);
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
      if (xhr.status === 200) return resolve(body as ActivityImportReport);
      const error = (body as { error?: { code: string; message: string; correlationId?: string; details?: { field?: string; reason: string }[] } } | undefined)?.error;
      reject(new ApiError(error?.code ?? 'BAD_RESPONSE', error?.message ?? `The upload answered ${xhr.status}`, xhr.status, error?.correlationId, error?.details ?? []));
    };
    xhr.send(file);
  });
}

/** Every problem of the report with the activity it belongs to, for the tables by severity. */
export function problemsBySeverity(report: ActivityImportReport): Record<Severity, (ImportProblem & { activity: string })[]> {
  const out: Record<Severity, (ImportProblem & { activity: string })[]> = { critical: [], error: [], warning: [] };
  for (const p of report.fileProblems) out[p.severity].push({ ...p, activity: '' });
  for (const a of report.activities) for (const p of a.problems) out[p.severity].push({ ...p, activity: a.iatiIdentifier ?? `#${a.index}` });
  return out;
}
