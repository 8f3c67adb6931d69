// Imports over HTTP run as jobs: the upload is on disk, the import runs in the background (the
// database works in its own thread or server, and the import yields between batches, so the API
// keeps answering), and the browser polls the job for progress, the preview and the outcome.
// A dry run's file is kept for its commit, which runs the same file again for real. Jobs live in
// this process's memory and only their owner sees them; files are deleted when a job expires.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Actor } from '../../../platform/access/actor.ts';
import { authorize, can } from '../../../platform/access/policy.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import type { ImportOutcome, IncidentImportFormat } from './import-types.ts';
import { abandonInterruptedRuns, cleanAbandonedRuns } from './import-runs.ts';
import { incidentImporter } from './importers.ts';
import { previewRows, type Preview } from './preview.ts';

export type JobStatus = 'running' | 'done' | 'failed';

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

interface Job extends ImportJobView {
  ownerId: string;
  filePath: string;
  expires: NodeJS.Timeout | null;
  done: Promise<void>;
}

/** A finished job (and its file) is forgotten after this long. */
const JOB_TTL_MS = 60 * 60 * 1000;
/** On PostgreSQL, a run whose heartbeat is this old is no other server's running import. */
const STALE_RUN_SECONDS = 10 * 60;

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
  async start(actor: Actor, input: { filePath: string; fileName: string; format: IncidentImportFormat; reporter?: string | undefined; dryRun: boolean }): Promise<ImportJobView> {
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
      committedFrom: null,
      finishedAt: null,
      expires: null,
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = this.run(actor, job);
    return this.view(job);
  }

  /** Runs a dry run's file for real, as a new job. */
  async commit(actor: Actor, id: string): Promise<ImportJobView> {
    const dry = this.own(actor, id);
    if (!dry.dryRun) throw new AppError('CONFLICT', 'This import was not a dry run');
    if (dry.status !== 'done' || !dry.outcome) throw new AppError('CONFLICT', 'The dry run has not finished');
    if (dry.outcome.problems.length) throw new AppError('CONFLICT', 'The dry run found problems: correct the file and upload it again');
    // The file now belongs to the commit job.
    this.forget(dry, { keepFile: true });
    const view = await this.start(actor, { filePath: dry.filePath, fileName: dry.fileName, format: dry.format, reporter: dry.reporter ?? undefined, dryRun: false });
    this.jobs.get(view.id)!.committedFrom = dry.id;
    return { ...view, committedFrom: dry.id };
  }

  get(actor: Actor, id: string): ImportJobView {
    return this.view(this.own(actor, id));
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
    this.tidying = (async () => {
      await abandonInterruptedRuns(this.database, this.database.kind === 'pglite' ? 0 : STALE_RUN_SECONDS, startedAt);
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

  /** Deletes every job's file (at shutdown). */
  async close(): Promise<void> {
    this.closing = true;
    await this.tidying;
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    for (const job of [...this.jobs.values()]) this.forget(job);
  }

  private own(actor: Actor, id: string): Job {
    authorize(actor, 'state_reports.submit');
    const job = this.jobs.get(id);
    // Someone else's job is answered as not found.
    if (!job || job.ownerId !== (actor).userId) throw AppError.notFound(`Import ${id}`);
    return job;
  }

  private async run(actor: Actor, job: Job): Promise<void> {
    try {
      job.preview = await previewRows(job.filePath, job.fileName, job.format).catch(() => null);
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
      job.finishedAt = new Date().toISOString();
      const keep = job.dryRun && job.status === 'done';
      if (!keep) await fs.rm(job.filePath, { force: true });
      job.expires = setTimeout(() => this.forget(job), JOB_TTL_MS);
      job.expires.unref();
    }
  }

  private forget(job: Job, options: { keepFile?: boolean } = {}): void {
    if (job.expires) clearTimeout(job.expires);
    this.jobs.delete(job.id);
    if (!options.keepFile) void fs.rm(job.filePath, { force: true });
  }

  private view(job: Job): ImportJobView {
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
