// The engine of case-level bulk imports (HTCDS, CTDC): stream the file's rows, let the format map
// each row to a case document, and write in batches of BATCH_ROWS, each in its own short
// transaction, so the database (PGlite: one session for everyone) serves other requests between
// batches. All or nothing still holds: new cases are written tagged with an import run and stay
// invisible to every reader (visibility.ts) until the last, short transaction publishes the run.
// Changed cases (new versions of existing ones) cannot be hidden that way: the first pass only
// notes them (a short hash and the version it saw, like the `seen` set), and the publish
// transaction reads the file again for those rows, checks that no one saved the case
// meanwhile, and writes their versions, flips the run to published and records the audit
// event, atomically. On any problem nothing is published and the run's rows are deleted in
// chunks (import-runs.ts); a dry run only looks up. Every problem is collected with its line and
// column. Idempotent on (reporting State, reporting entity, external id): an unchanged row (same
// keyed fingerprint) changes nothing. Identifiers are sealed and person keys computed with
// incidents.protection.ts, as the interactive path does.
import { createHmac, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { can } from '../../../platform/access/policy.ts';
import { auditActorOf } from '../../../platform/access/request-context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { makeWayForOthers } from '../../../platform/db/make-way.ts';
import { deriveKey } from '../../../platform/crypto/secret-box.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import type { CaseContent } from '../incidents.schema.ts';
import { BatchWriter, shortKey, type ChangedCase, type Classified, type EncodedRows, type Prepared } from './batch-writer.ts';
import { RowProblems, type CountryCodes } from './cells.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { caseKey, ImportRepository } from './import.repository.ts';
import type { ImportOutcome, ImportProblem, ImportRequest, ImportSummaryRow, Importer, IncidentImportFormat } from './import-types.ts';
import { ProblemList } from './problem-list.ts';
import { readTableRows, TextInputError, type TableRow } from './text-input.ts';
import { createRun, discardRun } from './import-runs.ts';

/** One row mapped to a case: the reporting State, the document (with identifiers) and the summary year. */
export interface MappedCase {
  state: string;
  content: CaseContent;
  /** Year of identification, for the summary. */
  year: number;
}

export interface FormatContext {
  countries: CountryCodes;
  /** --reporter, upper case, known to exist. */
  reporter: string | undefined;
  /** YYYY-MM-DD: dates after it are refused. */
  today: string;
}

/** What a format reads from the header: a row mapper, or file-level problems (e.g. a missing column). */
export interface HeaderResult {
  problems: ImportProblem[];
  warnings: ImportProblem[];
  mapRow: (row: TableRow, p: RowProblems) => MappedCase | null;
}

export interface CaseFormat {
  format: Extract<IncidentImportFormat, 'htcds' | 'ctdc'>;
  /** Delimiter for text files, when the format fixes one. */
  delimiter?: string;
  readHeader(header: TableRow, ctx: FormatContext): HeaderResult;
}


/** Rows per batch: one lookup query and one COPY per table, in one short transaction. */
export const BATCH_ROWS = 2000;
/** Rows read between turns of the event loop while a batch is being written. */
const YIELD_EVERY_ROWS = 10;
/**
 * Changed rows kept in memory for the publish transaction (read outside it, so it stays short);
 * with more, the publish transaction reads the file itself (a re-import correcting that many).
 */
export const MAX_CHANGED_IN_MEMORY = 20_000;

class Rollback extends Error {}

// PGlite's COPY reports only the message (the bridge drops the SQLSTATE), hence both tests.
const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && ((err as { code?: unknown }).code === '23505' || /duplicate key value violates unique constraint/.test(String((err as { message?: unknown }).message)));

/** Runs one case-level import. Throws AppError only for faults of the caller (access); file faults are problems. */
export async function importCases(database: Database, settings: Pick<AppSettings, 'masterKey'>, importer: Importer, request: ImportRequest, format: CaseFormat, now: Date = new Date()): Promise<ImportOutcome> {
  if (importer.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  if (importer.kind === 'user' && !can(importer, 'state_reports.submit')) throw new AppError('FORBIDDEN', 'You do not have permission to do this');
  const reporter = request.reporter?.trim().toUpperCase() || undefined;
  if (reporter && importer.kind === 'user' && !can(importer, 'state_reports.submit', { countryIso3: reporter })) throw AppError.notFound(`State ${reporter}`);

  const outcome: ImportOutcome & { warnings: ImportProblem[] } = {
    format: format.format,
    dryRun: request.dryRun,
    committed: false,
    rowsRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: [],
    warnings: [],
    summary: [],
  };
  const problems = new ProblemList();
  const addProblems = (items: ImportProblem[]) => problems.add(...items);

  const fingerprintKey = deriveKey(settings.masterKey, 'incident-import-row');
  const fingerprintOf = (mapped: MappedCase) => createHmac('sha256', fingerprintKey).update(JSON.stringify([mapped.state, mapped.content])).digest('base64url');
  const summary = new Map<number, ImportSummaryRow>();
  const states = new Set<string>();
  const changed = new Map<string, ChangedCase>();
  const writer = new BatchWriter(settings.masterKey, importer, now);
  const userId = importer.kind === 'user' ? importer.userId : null;
  let run: string | null = null;
  let writing: Promise<void> = Promise.resolve(); // the batch the database is writing, if any

  try {
    const countries = await new ImportRepository(database.db).countryCodes();
    if (reporter && !countries.iso3.has(reporter)) {
      addProblems([{ line: 0, column: '--reporter', value: reporter, reason: 'not an ISO 3166-1 alpha-3 code of a country' }]);
      throw new Rollback();
    }
    const ctx: FormatContext = { countries, reporter, today: now.toISOString().slice(0, 10) };
    const allowed = new Map<string, boolean>();
    const seen = new FingerprintSet(); // 16 bytes per case: a million-row file stays small
    let header: HeaderResult | null = null;
    let batch: Prepared[] = [];

    // One batch, in its own transaction: looked up, and its new cases written, tagged with the
    // run, from rows encoded beforehand (null: a dry run, or there is a problem: look up only).
    const writeBatch = async (current: Prepared[], encoded: EncodedRows | null) => {
      let result: Classified;
      await makeWayForOthers(database);
      if (encoded === null || problems.count > 0) {
        result = writer.classify(current, await new ImportRepository(database.db).findExisting(current.map((b) => b.mapped)));
      } else {
        const runId = run!;
        try {
          result = await database.transaction(async (tx) => {
            const repo = new ImportRepository(tx.db);
            if (!(await repo.heartbeat(runId))) throw interrupted();
            const classified = writer.classify(current, await repo.findExisting(current.map((b) => b.mapped)));
            if (classified.problems.length === 0) {
              // Encoded as if every case were new; a re-import changing some re-encodes the rest.
              await writer.load(tx, classified.fresh.length === current.length ? encoded : await writer.encode(classified.fresh, runId));
            }
            return classified;
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          addProblems([savedMeanwhile(current, await new ImportRepository(database.db).takenKeys(current.map((b) => b.mapped)))]);
          return;
        }
      }
      addProblems(result.problems);
      outcome.created += result.fresh.length;
      outcome.updated += result.changed.length;
      outcome.unchanged += result.unchanged;
      for (const c of result.changed) changed.set(shortKey(c.b.key), { version: c.version - 1, fingerprint: c.b.fingerprint });
      await yieldToEventLoop(); // let HTTP requests in between batches
    };
    // One batch of look-ahead: this thread reads, maps, seals and encodes batch N+1 while the
    // database takes batch N (lookup, COPY, commit), so on two cores the two overlap; never
    // more than one batch waits, so memory stays bounded.
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      let encoded: EncodedRows | null = null;
      if (problems.count === 0 && !request.dryRun) {
        run ??= await createRun(database, format.format, userId);
        await writer.prepareStateKeys(new ImportRepository(database.db), new Set(current.map((b) => b.mapped.state)));
        encoded = await writer.encode(current.map((b) => ({ b, id: b.newId, version: 1 })), run);
      }
      await writing;
      writing = writeBatch(current, encoded);
      writing.catch(() => {}); // awaited at the next flush or at the end; not an unhandled rejection meanwhile
    };

    const rows = readTableRows(request.filePath, request.fileName, {
      ...(format.delimiter ? { delimiter: format.delimiter } : {}),
      onBytes: (done, total) => request.onProgress?.(done, total),
    });
    for await (const row of rows) {
      if (!header) {
        header = format.readHeader(row, ctx);
        outcome.warnings.push(...header.warnings);
        if (header.problems.length) {
          addProblems(header.problems);
          throw new Rollback();
        }
        continue;
      }
      outcome.rowsRead++;
      const p = new RowProblems(row.line);
      const mapped = header.mapRow(row, p);
      if (mapped && importer.kind === 'user') {
        let ok = allowed.get(mapped.state);
        if (ok === undefined) allowed.set(mapped.state, (ok = can(importer, 'state_reports.submit', { countryIso3: mapped.state })));
        if (!ok) p.add('reporting State', mapped.state, 'you may not report for this State');
      }
      if (mapped) {
        const c = mapped.content;
        const key = caseKey(mapped.state, c);
        if (!seen.add(key)) p.add('external id', c.externalId, 'the same case (reporting entity and external id) is on an earlier line');
        if (p.items.length === 0) {
          states.add(mapped.state);
          batch.push({ line: row.line, mapped, fingerprint: fingerprintOf(mapped), key, newId: randomUUID() });
          const s = summary.get(mapped.year) ?? { indicator: 'detected victims', year: mapped.year, rows: 0, total: 0 };
          s.rows += c.victims.length;
          s.total += c.victims.filter((v) => v.consentToCount).length;
          summary.set(mapped.year, s);
        }
      }
      addProblems(p.items);
      if (batch.length >= BATCH_ROWS) await flush();
      // Rows come from an in-memory chunk without an I/O wait; let the batch being written take
      // its next step (each is a round trip to the database) every few rows instead of per chunk.
      else if (outcome.rowsRead % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
    }
    if (!header) {
      addProblems([{ line: 0, reason: 'The file has no header row and no data.' }]);
      throw new Rollback();
    }
    await flush();
    await writing;
    if (outcome.rowsRead === 0) addProblems([{ line: 0, reason: 'The file has a header but no data rows.' }]);
    if (problems.count > 0 || request.dryRun) throw new Rollback();

    // Publish. The changed rows are read again outside the transaction when they are few.
    const changedRows = (onBatch: (batch: Prepared[]) => Promise<void>) => readChanged(request, format, ctx, changed, fingerprintOf, onBatch);
    let pending: Prepared[][] | null = null;
    if (changed.size > 0 && changed.size <= MAX_CHANGED_IN_MEMORY) {
      const collected: Prepared[][] = [];
      await changedRows(async (b) => void collected.push(b));
      pending = collected;
    }
    run ??= await createRun(database, format.format, userId); // a file of unchanged rows only
    const runId = run;
    if (changed.size > 0) await writer.prepareStateKeys(new ImportRepository(database.db), states);
    await database.transaction(async (tx) => {
      const repo = new ImportRepository(tx.db);
      if ((await repo.lockRun(runId)) !== 'writing') throw interrupted();
      const apply = async (b: Prepared[]) => {
        const stale = await writer.applyChanged(tx, repo, b, changed);
        if (stale.length) {
          addProblems(stale);
          throw new Rollback();
        }
      };
      if (pending) for (const b of pending) await apply(b);
      else if (changed.size > 0) await changedRows(apply);
      await repo.publishRun(runId, [...states].sort());
      await recordAudit(tx.db, {
        action: 'case.import',
        actor: importer.kind === 'user' ? auditActorOf(importer) : null,
        entityType: 'incident_case',
        entityId: null,
        changes: { format: format.format, file: request.fileName.slice(0, 200), rows: outcome.rowsRead, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, states: [...states].sort(), run: runId },
      });
    });
    outcome.committed = true;
  } catch (error) {
    // A batch may still be writing (the file failed while it did): let it finish before its run is discarded.
    await writing.catch(() => {});
    if (error instanceof TextInputError) addProblems([{ line: error.line, reason: error.message }]);
    else if (error instanceof ImportProblemError) addProblems([error.problem]);
    else if (!(error instanceof Rollback)) {
      await discard(database, run);
      throw error;
    }
  }
  if (!outcome.committed) await discard(database, run);
  outcome.problems = problems.report();
  if (!outcome.committed && !request.dryRun) {
    // Nothing was published: report what would have happened as nothing.
    outcome.created = 0;
    outcome.updated = 0;
    outcome.unchanged = 0;
  }
  outcome.summary = [...summary.values()].sort((a, b) => a.year - b.year);
  return outcome;
}

/** A file-level problem found while writing (thrown out of a transaction to roll it back). */
class ImportProblemError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.reason);
  }
}

const interrupted = () => new ImportProblemError({ line: 0, reason: 'The import was interrupted (the server restarted while it ran); nothing was saved. Import the file again.' });

/** Abandons a run that did not publish and deletes its rows. */
async function discard(database: Database, run: string | null): Promise<void> {
  if (!run) return;
  // If even this fails (the database went away), the run stays 'writing', invisible, and is
  // abandoned and cleaned when the server next starts.
  await discardRun(database, run).catch(() => {});
}

/** Another import or a user saved cases of this batch after it was looked up (the unique key said so). */
function savedMeanwhile(batch: Prepared[], taken: Set<string>): ImportProblem {
  const hits = batch.filter((b) => taken.has(b.key));
  const others = hits.length > 1 ? ` (and ${hits.length - 1} other cases of lines ${hits[1]!.line}-${hits.at(-1)!.line})` : '';
  const reason = `another import or a user saved this case${others} (same State, reporting entity and external id) while this import ran; nothing was saved. Import the file again.`;
  const first = hits[0];
  return first ? { line: first.line, column: 'external id', value: first.mapped.content.externalId, reason } : { line: batch[0]!.line, reason: `A case of lines ${batch[0]!.line}-${batch.at(-1)!.line}: ${reason}` };
}

/**
 * The publish pass: reads the file again and hands on, a batch at a time, the rows of the cases
 * the first pass found changed. A row that is no longer the same (the file changed meanwhile) or
 * a changed case not found again is a problem.
 */
async function readChanged(
  request: ImportRequest,
  format: CaseFormat,
  ctx: FormatContext,
  changed: Map<string, ChangedCase>,
  fingerprintOf: (m: MappedCase) => string,
  onBatch: (batch: Prepared[]) => Promise<void>,
): Promise<void> {
  const fileChanged = (line: number) => new ImportProblemError({ line, reason: 'The file changed while it was being imported; nothing was saved. Import it again.' });
  let header: HeaderResult | null = null;
  let batch: Prepared[] = [];
  let found = 0;
  for await (const row of readTableRows(request.filePath, request.fileName, format.delimiter ? { delimiter: format.delimiter } : {})) {
    if (!header) {
      header = format.readHeader(row, ctx);
      if (header.problems.length) throw fileChanged(row.line);
      continue;
    }
    const mapped = header.mapRow(row, new RowProblems(row.line));
    if (!mapped) continue;
    const key = caseKey(mapped.state, mapped.content);
    const expected = changed.get(shortKey(key));
    if (!expected) continue;
    const fingerprint = fingerprintOf(mapped);
    if (fingerprint !== expected.fingerprint) throw fileChanged(row.line);
    found++;
    batch.push({ line: row.line, mapped, fingerprint, key, newId: randomUUID() });
    if (batch.length >= BATCH_ROWS) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (batch.length) await onBatch(batch);
  if (found !== changed.size) throw fileChanged(0);
}

