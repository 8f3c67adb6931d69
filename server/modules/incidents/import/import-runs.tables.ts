import type { Generated } from 'kysely';

export type ImportRunStatus = 'writing' | 'published' | 'abandoned';

/**
 * Runs of case-level imports (see import-runs.migration.ts). The column the migration adds to
 * `incident_cases`, `import_run uuid` (the run that created the case; null for cases written
 * interactively), is read and written through visibility.ts and import.repository.ts only.
 */
export interface IncidentImportRunsTables {
  incident_import_runs: {
    id: string;
    format: string;
    reporting_states: Generated<string[]>;
    status: ImportRunStatus;
    created_by: string | null;
    created_at: Generated<Date>;
    /** Touched by every batch: a run of another server whose heartbeat stopped is abandoned. */
    heartbeat_at: Generated<Date>;
    published_at: Date | null;
    abandoned_at: Date | null;
  };
}
