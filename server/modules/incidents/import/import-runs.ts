// The life of an import run (import-runs.migration.ts): created 'writing' before the first batch
// is written, 'published' by the import's last, short transaction, or 'abandoned' on any problem,
// after which its rows are deleted a chunk per short transaction, so that the database is never
// held for long, even while cleaning up a large file. A run left 'writing' by a crash is
// abandoned when the server starts (ImportJobs.recover).
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from '../../../platform/db/database.ts';
import { ImportRepository } from './import.repository.ts';

/** Cases deleted per transaction when a run is abandoned. */
export const CLEANUP_CHUNK = 2000;

export async function createRun(database: Database, format: string, createdBy: string | null): Promise<string> {
  const id = randomUUID();
  await new ImportRepository(database.db).insertRun(id, format, createdBy);
  return id;
}

/** Abandons a run that is still writing (its rows are invisible from then on) and deletes them. */
export async function discardRun(database: Database, id: string): Promise<void> {
  await new ImportRepository(database.db).abandonRun(id);
  await deleteRunRows(database, id);
}

/** Deletes an abandoned run's rows, a chunk per transaction; `stop` ends early (at shutdown). */
export async function deleteRunRows(database: Database, id: string, stop: () => boolean = () => false): Promise<number> {
  let deleted = 0;
  while (!stop()) {
    const n = await database.transaction((tx) => new ImportRepository(tx.db).deleteRunCases(id, CLEANUP_CHUNK));
    if (n === 0) break;
    deleted += n;
    await yieldToEventLoop(); // requests waiting for the database go first
  }
  return deleted;
}

/**
 * At start-up: abandons the runs that no process is writing any more, those whose heartbeat
 * (touched by every batch) is older than `staleSeconds` (0 on PGlite, where this process is the
 * only one that can have the database open; on PostgreSQL other servers may be importing).
 */
export async function abandonInterruptedRuns(database: Database, staleSeconds: number, startedAt: Date): Promise<string[]> {
  return new ImportRepository(database.db).abandonStaleRuns(staleSeconds, startedAt);
}

/** Deletes the rows of every abandoned run that still has some (after a crash, even mid-clean-up). */
export async function cleanAbandonedRuns(database: Database, stop: () => boolean = () => false): Promise<number> {
  let deleted = 0;
  for (const id of await new ImportRepository(database.db).abandonedRunsWithRows()) {
    if (stop()) break;
    deleted += await deleteRunRows(database, id, stop);
  }
  return deleted;
}
