// Imports over HTTP run as jobs: the upload is on disk, the import runs in the background (the
// database works in its own thread or server, and the import yields between batches, so the API
// keeps answering), and the browser polls the job for progress, the preview and the outcome.
// A dry run's file is kept for its commit, which runs the same file again for real. Only a job's
// owner sees it. A job is kept in the database too (import-jobs.migration.ts), so that after a
// restart, or from another server, its owner still sees what became of the upload; its row and
// file are deleted an hour after it finished.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Actor } from '../../../platform/access/actor.ts';
import { authorize, can } from '../../../platform/access/policy.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import type { ImportOutcome, IncidentImportFormat } from './import-types.ts';
import { abandonInterruptedRuns, cleanAbandonedRuns } from './import-runs.ts';
import type { JobStatus } from './import-jobs.tables.ts';
import { ImportJobsRepository, type JobRow } from './import-jobs.repository.ts';
import { incidentImporter } from './importers.ts';
import { previewRows, type Preview } from './preview.ts';

export type { JobStatus };

export interface ImportJobView {
  id: string;
  format: IncidentImportFormat;
  fileName: string;
  reporter: string | null;
  dryRun: boolean;
  status: JobStatus;
  bytesDone: number;
  bytesTotal: number;
  preview: Preview | null;
  outcome: ImportOutcome | null;
  /** An unexpected failure (the outcome's problems hold the file's faults). */
  error: string | null;
  /** The dry run this commit repeats, if any. */
  committedFrom: string | null;
  /** When the job stopped running (ISO 8601). */
  finishedAt: string | null;
}

/** A job as stored: its view, its owner and its file. */
interface StoredJob extends ImportJobView {
  ownerId: string;
  filePath: string;
}

/** A job this process runs. */
interface Job extends StoredJob {
  expires: NodeJS.Timeout | null;
  done: Promise<void>;
}

/** A finished job (and its file) is forgotten after this long. */
const JOB_TTL_MS = 60 * 60 * 1000;
/** On PostgreSQL, a run or job not touched for this long is no other server's running import. */
const STALE_RUN_SECONDS = 10 * 60;
/** How often a running job's progress is saved (and its row touched). */
const SAVE_PROGRESS_MS = 2000;
const INTERRUPTED = 'The server stopped while this file was being imported; nothing was saved. Upload the file again.';

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private tidying: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly database: Database,
    private readonly settings: AppSettings,
    /** Where an unexpected failure is logged whole (the job itself shows a plain message). */
    private readonly logError: (error: unknown, jobId: string) => void = () => {},
  ) {}

  /** Starts an import of an uploaded file (which the job now owns). */
  async start(actor: Actor, input: { filePath: string; fileName: string; format: IncidentImportFormat; reporter?: string | undefined; dryRun: boolean; committedFrom?: string }): Promise<ImportJobView> {
    authorize(actor, 'state_reports.submit');
    const reporter = input.reporter?.toUpperCase();
    if (reporter && !can(actor, 'state_reports.submit', { countryIso3: reporter })) {
      await fs.rm(input.filePath, { force: true });
      throw AppError.notFound(`State ${reporter}`);
    }
    const size = (await fs.stat(input.filePath)).size;
    const job: Job = {
      id: randomUUID(),
      ownerId: actor.userId,
      filePath: input.filePath,
      format: input.format,
      fileName: input.fileName,
      reporter: reporter ?? null,
      dryRun: input.dryRun,
      status: 'running',
      bytesDone: 0,
      bytesTotal: size,
      preview: null,
      outcome: null,
      error: null,
      committedFrom: input.committedFrom ?? null,
      finishedAt: null,
      expires: null,
      done: Promise.resolve(),
    };
    const row = { id: job.id, owner_id: job.ownerId, format: job.format, file_name: job.fileName, file_path: job.filePath, reporter: job.reporter, dry_run: job.dryRun, status: job.status, bytes_total: job.bytesTotal, committed_from: job.committedFrom };
    await this.repo()
      .insert(row)
      .catch(async (error: unknown) => {
        await fs.rm(input.filePath, { force: true });
        throw error;
      });
    this.jobs.set(job.id, job);
    job.done = this.run(actor, job);
    return this.view(job);
  }

  /** Runs a dry run's file for real, as a new job. */
  async commit(actor: Actor, id: string): Promise<ImportJobView> {
    const dry = await this.own(actor, id);
    if (!dry.dryRun) throw new AppError('CONFLICT', 'This import was not a dry run');
    if (dry.status !== 'done' || !dry.outcome) throw new AppError('CONFLICT', 'The dry run has not finished');
    if (dry.outcome.problems.length) throw new AppError('CONFLICT', 'The dry run found problems: correct the file and upload it again');
    const fileKept = await fs.access(dry.filePath).then(
      () => true,
      () => false,
    );
    if (!fileKept) throw new AppError('CONFLICT', "The dry run's file is no longer on this server (it was restarted, or the file went to another server): upload the file again");
    // The file now belongs to the commit job.
    await this.forget(dry, { keepFile: true });
    return this.start(actor, { filePath: dry.filePath, fileName: dry.fileName, format: dry.format, reporter: dry.reporter ?? undefined, dryRun: false, committedFrom: dry.id });
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    return this.view(await this.own(actor, id));
  }

  /** For tests and shutdown: waits for a job to finish. */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.done;
  }

  /**
   * At start-up: abandons the import runs a crash left 'writing' (invisible already; now for
   * good), then deletes their rows in the background, in short transactions, so the server
   * answers meanwhile. On PGlite this process alone has the database open, so every such run is
   * dead; on PostgreSQL another server may be importing, so only runs whose heartbeat stopped.
   */
  recover(): void {
    // In the background, not awaited: on the embedded database a query here would hold its only
    // session while the server starts answering. Unpublished runs are invisible meanwhile anyway.
    const startedAt = new Date();
    const staleSeconds = this.database.kind === 'pglite' ? 0 : STALE_RUN_SECONDS;
    this.tidying = (async () => {
      await this.repo().failInterrupted(staleSeconds, startedAt, INTERRUPTED);
      await abandonInterruptedRuns(this.database, staleSeconds, startedAt);
      // Files first: a row that outlives its file is harmless, a file without its row is lost.
      const expired = await this.repo().finishedBefore(JOB_TTL_MS / 1000);
      await Promise.all(expired.map((j) => fs.rm(j.file_path, { force: true })));
      await this.repo().delete(expired.map((j) => j.id));
      await cleanAbandonedRuns(this.database, () => this.closing);
    })().then(
      () => {},
      (error: unknown) => this.logError(error, 'clean-up of interrupted imports'),
    );
  }

  /** For tests: waits for the start-up clean-up to finish. */
  async tidied(): Promise<void> {
    await this.tidying;
  }

  /**
   * At shutdown: waits for the running jobs and deletes their files (the uploads are in the
   * temporary directory); the jobs' rows stay, so their owners still see the outcomes.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.tidying;
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    for (const job of this.jobs.values()) if (job.expires) clearTimeout(job.expires);
    await Promise.all([...this.jobs.values()].map((j) => fs.rm(j.filePath, { force: true })));
    this.jobs.clear();
  }

  /**
   * The actor's job: while this process runs it, as it stands in memory; otherwise as stored,
   * which is also what a restart or another server sees (a dry run committed there is gone).
   */
  private async own(actor: Actor, id: string): Promise<StoredJob> {
    authorize(actor, 'state_reports.submit');
    const running = this.jobs.get(id);
    const job = running?.status === 'running' ? running : storedJob(await this.repo().find(id));
    // Someone else's job is answered as not found.
    if (!job || job.ownerId !== actor.userId) throw AppError.notFound(`Import ${id}`);
    return job;
  }

  private repo(): ImportJobsRepository {
    return new ImportJobsRepository(this.database.db);
  }

  private async run(actor: Actor, job: Job): Promise<void> {
    const saving = setInterval(() => {
      this.repo().touch(job.id, job.bytesDone, job.bytesTotal).catch((error: unknown) => this.logError(error, job.id));
    }, SAVE_PROGRESS_MS);
    try {
      job.preview = await previewRows(job.filePath, job.fileName, job.format).catch(() => null);
      await this.repo().savePreview(job.id, job.preview);
      const importer = await incidentImporter(job.format);
      job.outcome = await importer(this.database, this.settings, actor, {
        filePath: job.filePath,
        fileName: job.fileName,
        ...(job.reporter ? { reporter: job.reporter } : {}),
        dryRun: job.dryRun,
        onProgress: (done, total) => {
          job.bytesDone = done;
          if (total !== undefined) job.bytesTotal = total;
        },
      });
      job.bytesDone = job.bytesTotal;
      job.status = 'done';
    } catch (error) {
      job.status = 'failed';
      if (!(error instanceof AppError)) this.logError(error, job.id);
      job.error = error instanceof AppError ? error.message : 'The import failed unexpectedly; nothing was saved.';
    } finally {
      clearInterval(saving);
      job.finishedAt = new Date().toISOString();
      await this.repo()
        .finish(job.id, { status: job.status, outcome: job.outcome, error: job.error, bytesDone: job.bytesDone, finishedAt: job.finishedAt })
        .catch((error: unknown) => this.logError(error, job.id));
      const keep = job.dryRun && job.status === 'done';
      if (!keep) await fs.rm(job.filePath, { force: true });
      job.expires = setTimeout(() => void this.forget(job).catch((error: unknown) => this.logError(error, job.id)), JOB_TTL_MS);
      job.expires.unref();
    }
  }

  private async forget(job: StoredJob, options: { keepFile?: boolean } = {}): Promise<void> {
    const mine = this.jobs.get(job.id);
    if (mine?.expires) clearTimeout(mine.expires);
    this.jobs.delete(job.id);
    if (!options.keepFile) await fs.rm(job.filePath, { force: true });
    await this.repo().delete([job.id]);
  }

  private view(job: StoredJob): ImportJobView {
    return {
      id: job.id,
      format: job.format,
      fileName: job.fileName,
      reporter: job.reporter,
      dryRun: job.dryRun,
      status: job.status,
      bytesDone: job.bytesDone,
      bytesTotal: job.bytesTotal,
      preview: job.preview,
      outcome: job.outcome,
      error: job.error,
      committedFrom: job.committedFrom,
      finishedAt: job.finishedAt,
    };
  }
}

function storedJob(row: JobRow | undefined): StoredJob | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    ownerId: row.owner_id,
    filePath: row.file_path,
    format: row.format as IncidentImportFormat,
    fileName: row.file_name,
    reporter: row.reporter,
    dryRun: row.dry_run,
    status: row.status,
    bytesDone: row.bytes_done,
    bytesTotal: row.bytes_total,
    preview: row.preview,
    outcome: row.outcome,
    error: row.error,
    committedFrom: row.committed_from,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
