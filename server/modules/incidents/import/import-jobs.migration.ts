import { sql, type Kysely } from 'kysely';

/**
 * Import jobs started over HTTP (import-jobs.ts), kept so that a restart, or another server
 * behind the same load balancer, still shows a focal point what became of an upload: its
 * progress, preview (identifier columns left out), problems and summary. A row is deleted an
 * hour after the job finished, or when its dry run is committed. Not keyed by State: a job is a
 * person's upload (one file may cover several States), like the import runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_import_jobs (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      format text NOT NULL,
      file_name text NOT NULL,
      file_path text NOT NULL,
      reporter char(3),
      dry_run boolean NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      bytes_done bigint NOT NULL DEFAULT 0,
      bytes_total bigint NOT NULL,
      preview jsonb,
      outcome jsonb,
      error text,
      committed_from uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX incident_import_jobs_finished_idx ON incident_import_jobs (finished_at)`.execute(db);
}
