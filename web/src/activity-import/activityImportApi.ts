// The activity import API: one upload (XMLHttpRequest, for upload progress) as a dry run for the
// preview, then the same file again to commit. The server tells IATI XML from HXL CSV itself.
import { uploadFile } from '../shared/uploadFile.ts';

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
export function uploadActivities(file: File, dryRun: boolean, onProgress: (share: number) => void): Promise<ActivityImportReport> {
  return uploadFile<ActivityImportReport>(`/api/v1/activities/import?dryRun=${dryRun ? 'true' : 'false'}`, file, 200, onProgress);
}

/** Every problem of the report with the activity it belongs to, for the tables by severity. */
export function problemsBySeverity(report: ActivityImportReport): Record<Severity, (ImportProblem & { activity: string })[]> {
  const out: Record<Severity, (ImportProblem & { activity: string })[]> = { critical: [], error: [], warning: [] };
  for (const p of report.fileProblems) out[p.severity].push({ ...p, activity: '' });
  for (const a of report.activities) for (const p of a.problems) out[p.severity].push({ ...p, activity: a.iatiIdentifier ?? `#${a.index}` });
  return out;
}
