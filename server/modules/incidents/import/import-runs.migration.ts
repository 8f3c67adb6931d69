import { sql, type Kysely } from 'kysely';

/**
 * Case-level imports write in short transactions, one per batch, so the database (on PGlite a
 * single session) is never held for a whole import. The cases a run writes carry its id in
 * `incident_cases.import_run` and stay invisible to every reader (see visibility.ts) until the
 * run is 'published', which happens in one short transaction at the end: all or nothing. An
 * 'abandoned' run's rows are deleted in chunks. `import_run` is null for every case written
 * interactively and for every case that existed before this migration.
 *
 * incident_import_runs is not keyed by State (one run may cover several): like the reference
 * tables it is small (a row per import), and case tables may point at it (Citus: a reference table).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_import_runs (
      id uuid PRIMARY KEY,
      format text NOT NULL,
      reporting_states char(3)[] NOT NULL DEFAULT '{}',
      status text NOT NULL CHECK (status IN ('writing', 'published', 'abandoned')),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      abandoned_at timestamptz
    )`.execute(db);
  // The visibility filter asks for the runs not published: a handful, found by this index.
  await sql`CREATE INDEX incident_import_runs_unpublished_idx ON incident_import_runs (id) WHERE status <> 'published'`.execute(db);
  await sql`ALTER TABLE incident_cases ADD COLUMN import_run uuid REFERENCES incident_import_runs (id)`.execute(db);
  await sql`CREATE INDEX incident_cases_import_run_idx ON incident_cases (import_run) WHERE import_run IS NOT NULL`.execute(db);
}
