// The one rule every reader of case data applies: a case written by an import run that is not
// (yet, or ever) published does not exist for anyone. Cases written interactively have no run
// (import_run is null). Published runs' cases keep their run id (it says which import created
// them): the filter only tests membership in the set of unpublished runs, a handful of rows
// found by a partial index and hashed once per query, so no tidy-up of import_run is needed.
import { sql, type RawBuilder } from 'kysely';

const unpublishedRuns = sql`SELECT r.id FROM incident_import_runs r WHERE r.status <> 'published'`;

/** True for a visible case row; `alias` names incident_cases in the query (e.g. 'c'). */
export function visibleCase(alias: string): RawBuilder<boolean> {
  const run = sql.ref(`${alias}.import_run`);
  return sql<boolean>`(${run} IS NULL OR ${run} NOT IN (${unpublishedRuns}))`;
}

/**
 * True for a row of a child table (versions, events, victims, ...) whose case is visible, for
 * queries that do not join incident_cases: `table` is the child's name or alias in the query.
 */
export function ofVisibleCase(table: string): RawBuilder<boolean> {
  return sql<boolean>`NOT EXISTS (
    SELECT 1 FROM incident_cases hidden
     WHERE hidden.reporting_state = ${sql.ref(`${table}.reporting_state`)} AND hidden.id = ${sql.ref(`${table}.case_id`)}
       AND hidden.import_run IN (${unpublishedRuns}))`;
}
