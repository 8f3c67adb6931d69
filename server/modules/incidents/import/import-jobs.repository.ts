// Reads and writes of import jobs (import-jobs.migration.ts); import-jobs.ts decides when.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ImportOutcome } from './import-types.ts';
import type { JobStatus } from './import-jobs.tables.ts';
import type { Preview } from './preview.ts';

export type JobRow = Selectable<DB['incident_import_jobs']>;

export class ImportJobsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: Insertable<DB['incident_import_jobs']>): Promise<void> {
    await this.db.insertInto('incident_import_jobs').values(row).execute();
  }

  async find(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('incident_import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A running job's progress; also tells other servers that it is alive. */
  async touch(id: string, bytesDone: number, bytesTotal: number): Promise<void> {
    await this.db.updateTable('incident_import_jobs').set({ bytes_done: bytesDone, bytes_total: bytesTotal, updated_at: sql`now()` }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async savePreview(id: string, preview: Preview | null): Promise<void> {
    await this.db.updateTable('incident_import_jobs').set({ preview: JSON.stringify(preview) }).where('id', '=', id).execute();
  }

  async finish(id: string, end: { status: JobStatus; outcome: ImportOutcome | null; error: string | null; bytesDone: number; finishedAt: string }): Promise<void> {
    await this.db
      .updateTable('incident_import_jobs')
      .set({ status: end.status, outcome: JSON.stringify(end.outcome), error: end.error, bytes_done: end.bytesDone, finished_at: new Date(end.finishedAt), updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length) await this.db.deleteFrom('incident_import_jobs').where('id', 'in', ids).execute();
  }

  /**
   * Marks failed the jobs still 'running' that no server is running any more: not touched for
   * `staleSeconds` (0 where this process alone has the database) and begun before `startedAt`.
   */
  async failInterrupted(staleSeconds: number, startedAt: Date, error: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('incident_import_jobs')
      .set({ status: 'failed', error, finished_at: sql`now()` })
      .where('status', '=', 'running')
      .where('updated_at', '<=', sql<Date>`least(now() - make_interval(secs => ${staleSeconds}), ${startedAt.toISOString()}::timestamptz)`)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Jobs that finished more than `seconds` ago, with their files. */
  async finishedBefore(seconds: number): Promise<Pick<JobRow, 'id' | 'file_path'>[]> {
    return this.db
      .selectFrom('incident_import_jobs')
      .select(['id', 'file_path'])
      .where('finished_at', '<', sql<Date>`now() - make_interval(secs => ${seconds})`)
      .execute();
  }
}
