import type { ColumnType, Generated } from 'kysely';
import type { ImportOutcome } from './import-types.ts';
import type { Preview } from './preview.ts';

export type JobStatus = 'running' | 'done' | 'failed';

/** jsonb: written as a JSON string, read back parsed. */
type Jsonb<T> = ColumnType<T | null, string | null, string | null>;

/** Import jobs started over HTTP (see import-jobs.migration.ts). */
export interface IncidentImportJobsTables {
  incident_import_jobs: {
    id: string;
    owner_id: string;
    format: string;
    file_name: string;
    /** The uploaded file on this server's disk (kept after a dry run, for its commit). */
    file_path: string;
    reporter: string | null;
    dry_run: boolean;
    status: JobStatus;
    bytes_done: Generated<number>;
    bytes_total: number;
    preview: Jsonb<Preview>;
    outcome: Jsonb<ImportOutcome>;
    error: string | null;
    committed_from: string | null;
    /** Touched while the job runs: a running job whose server stopped is found by its age. */
    updated_at: Generated<Date>;
    finished_at: Date | null;
  };
}
