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
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { can } from '../../../platform/access/policy.ts';
import { auditActorOf } from '../../../platform/access/request-context.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import { deriveKey } from '../../../platform/crypto/secret-box.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import { identifiersContext, newStateKey, personKey, sealIdentifiers, unwrapStateKey } from '../incidents.protection.ts';
import type { CaseContent, Identifiers } from '../incidents.schema.ts';
import type { Reasons } from '../incidents.tables.ts';
import type { Known } from '../incidents.values.ts';
import { RowProblems, type CountryCodes } from './cells.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { caseKey, ImportRepository, type ExistingCase } from './import.repository.ts';
import type { ImportOutcome, ImportProblem, ImportRequest, ImportSummaryRow, Importer, IncidentImportFormat } from './import-types.ts';
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
/** Problems listed in full; beyond that they are only counted. */
export const MAX_LISTED_PROBLEMS = 1000;
/**
 * Changed rows kept in memory for the publish transaction (read outside it, so it stays short);
 * with more, the publish transaction reads the file itself (a re-import correcting that many).
 */
export const MAX_CHANGED_IN_MEMORY = 20_000;

class Rollback extends Error {}

interface Prepared {
  line: number;
  mapped: MappedCase;
  fingerprint: string;
  key: string;
}

/** What the first pass saw of a case the file changes: checked again when publishing. */
interface ChangedCase {
  version: number;
  fingerprint: string;
}

/** Bounded memory per row: a short hash of the case key (96 bits: collisions are not a concern). */
const shortKey = (key: string) => createHash('sha256').update(key).digest('base64').slice(0, 16);

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
  let problemCount = 0;
  const addProblems = (items: ImportProblem[]) => {
    for (const item of items) {
      problemCount++;
      if (outcome.problems.length < MAX_LISTED_PROBLEMS) outcome.problems.push(item);
    }
  };

  const fingerprintKey = deriveKey(settings.masterKey, 'incident-import-row');
  const fingerprintOf = (mapped: MappedCase) => createHmac('sha256', fingerprintKey).update(JSON.stringify([mapped.state, mapped.content])).digest('base64url');
  const summary = new Map<number, ImportSummaryRow>();
  const states = new Set<string>();
  const changed = new Map<string, ChangedCase>();
  const writer = new BatchWriter(settings.masterKey, importer, now);
  const userId = importer.kind === 'user' ? importer.userId : null;
  let run: string | null = null;

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

    // One batch: looked up (a dry run, or once there is a problem: only that), else written in
    // its own transaction, its new cases tagged with the run.
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      let result: Classified;
      if (problemCount > 0 || request.dryRun) {
        result = writer.classify(current, await new ImportRepository(database.db).findExisting(current.map((b) => b.mapped)));
      } else {
        run ??= await createRun(database, format.format, userId);
        const runId = run;
        await writer.prepareStateKeys(new ImportRepository(database.db), current.map((b) => b.mapped.state));
        try {
          result = await database.transaction(async (tx) => {
            const repo = new ImportRepository(tx.db);
            if (!(await repo.heartbeat(runId))) throw interrupted();
            const classified = writer.classify(current, await repo.findExisting(current.map((b) => b.mapped)));
            if (classified.problems.length === 0) await writer.insert(tx, repo, classified.fresh, [], runId);
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
          batch.push({ line: row.line, mapped, fingerprint: fingerprintOf(mapped), key });
          const s = summary.get(mapped.year) ?? { indicator: 'detected victims', year: mapped.year, rows: 0, total: 0 };
          s.rows += c.victims.length;
          s.total += c.victims.filter((v) => v.consentToCount).length;
          summary.set(mapped.year, s);
        }
      }
      addProblems(p.items);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (!header) {
      addProblems([{ line: 0, reason: 'The file has no header row and no data.' }]);
      throw new Rollback();
    }
    await flush();
    if (outcome.rowsRead === 0) addProblems([{ line: 0, reason: 'The file has a header but no data rows.' }]);
    if (problemCount > 0 || request.dryRun) throw new Rollback();

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
        const problems = await writer.applyChanged(tx, repo, b, changed);
        if (problems.length) {
          addProblems(problems);
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
    if (error instanceof TextInputError) addProblems([{ line: error.line, reason: error.message }]);
    else if (error instanceof ImportProblemError) addProblems([error.problem]);
    else if (!(error instanceof Rollback)) {
      await discard(database, run);
      throw error;
    }
  }
  if (!outcome.committed) await discard(database, run);
  if (problemCount > outcome.problems.length) outcome.problems.push({ line: 0, reason: `${problemCount - outcome.problems.length} more problems are not listed; correct the ones above and import again.` });
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
    batch.push({ line: row.line, mapped, fingerprint, key });
    if (batch.length >= BATCH_ROWS) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (batch.length) await onBatch(batch);
  if (found !== changed.size) throw fileChanged(0);
}

/** Splits a value-or-reason field into the projection column and its reason. */
function splitter() {
  const reasons: Reasons = {};
  const col = <T>(field: string, k: Known<T>): T | null => {
    if ('value' in k) return k.value;
    reasons[field] = k.reason;
    return null;
  };
  return { reasons, col };
}

const json = (v: unknown) => JSON.stringify(v);

type Fresh = { b: Prepared; id: string; version: number };
type Changed = { b: Prepared; id: string; version: number; previous: Map<string, { sealed: string; personKey: string | null }> };

/** A batch sorted by what it needs: new cases, new versions of changed ones, nothing; or problems. */
interface Classified {
  fresh: Fresh[];
  changed: Changed[];
  unchanged: number;
  problems: ImportProblem[];
}

/** Writes prepared cases: new cases (tagged with their run), new versions of changed ones. */
class BatchWriter {
  private readonly stateKeys = new Map<string, Buffer>();
  constructor(
    private readonly masterKey: Buffer,
    private readonly importer: Importer,
    private readonly now: Date,
  ) {}

  /**
   * Loads (or creates and stores) the data keys of these States, each in its own statement
   * outside the batch's transaction: a key must never be used to seal unless it is stored, and
   * a rolled-back batch would take a key it created with it.
   */
  async prepareStateKeys(repo: ImportRepository, states: Iterable<string>): Promise<void> {
    for (const state of states) {
      if (this.stateKeys.has(state)) continue;
      let wrapped = await repo.stateKey(state);
      if (!wrapped) wrapped = await repo.insertStateKey(state, newStateKey(this.masterKey, state).wrapped);
      this.stateKeys.set(state, unwrapStateKey(this.masterKey, state, wrapped));
    }
  }

  private stateKey(state: string): Buffer {
    const key = this.stateKeys.get(state);
    if (!key) throw new Error(`the data key of ${state} was not prepared before sealing`);
    return key;
  }

  classify(batch: Prepared[], existing: Map<string, ExistingCase>): Classified {
    const out: Classified = { fresh: [], changed: [], unchanged: 0, problems: [] };
    for (const b of batch) {
      const found = existing.get(b.key);
      if (!found) out.fresh.push({ b, id: randomUUID(), version: 1 });
      else if (found.fingerprint === b.fingerprint) out.unchanged++;
      else if (found.status !== 'draft' && found.status !== 'returned') {
        out.problems.push({ line: b.line, column: 'external id', value: b.mapped.content.externalId, reason: `the case is ${found.status}; it can be corrected only while draft or returned` });
      } else {
        out.changed.push({ b, id: found.id, version: found.version + 1, previous: new Map() });
      }
    }
    return out;
  }

  /**
   * In the publish transaction: new versions for changed cases, after locking each case and
   * checking it is as the first pass saw it (no one saved it meanwhile). Problems, else written.
   */
  async applyChanged(tx: Tx, repo: ImportRepository, batch: Prepared[], expected: Map<string, ChangedCase>): Promise<ImportProblem[]> {
    const existing = await repo.findExisting(
      batch.map((b) => b.mapped),
      { forUpdate: true },
    );
    const problems: ImportProblem[] = [];
    const changed: Changed[] = [];
    for (const b of batch) {
      const found = existing.get(b.key);
      const seen = expected.get(shortKey(b.key))!;
      if (!found || found.version !== seen.version || (found.status !== 'draft' && found.status !== 'returned')) {
        problems.push({ line: b.line, column: 'external id', value: b.mapped.content.externalId, reason: 'the case changed during the import (someone saved it meanwhile); nothing was saved. Import the file again.' });
      } else {
        changed.push({ b, id: found.id, version: found.version + 1, previous: new Map() });
      }
    }
    if (problems.length) return problems;
    for (const c of changed) {
      if (c.b.mapped.content.victims.some((v) => v.identifiers === undefined) || c.b.mapped.content.perpetrators.some((p) => p.identifiers === undefined)) {
        c.previous = await repo.currentIdentifiers(c.b.mapped.state, c.id);
      }
    }
    await this.insert(tx, repo, [], changed, null);
    return [];
  }

  /** COPYs the rows of new cases (tagged with `run`) and of changed cases' new versions. */
  async insert(tx: Tx, repo: ImportRepository, fresh: Fresh[], changed: Changed[], run: string | null): Promise<void> {
    const userId = this.importer.kind === 'user' ? this.importer.userId : null;
    const cases: unknown[][] = [];
    const versions: unknown[][] = [];
    const events: unknown[][] = [];
    const places: unknown[][] = [];
    const victims: unknown[][] = [];
    const perpetrators: unknown[][] = [];
    const links: unknown[][] = [];
    const fingerprints: unknown[][] = [];
    const all = [...fresh.map((f) => ({ ...f, previous: new Map<string, { sealed: string; personKey: string | null }>() })), ...changed];
    for (const { b, id, version, previous } of all) {
      const { state, content } = b.mapped;
      const e = content.event;
      if (version === 1) {
        const entity = content.reportingEntity;
        cases.push([state, id, entity.type, entity.name ?? '', entity.organisationId ?? null, content.externalId, 'draft', 1, userId, this.now, this.now, run]);
      }
      const sealedMap: Record<string, string> = {};
      const protect = async (role: 'victim' | 'perpetrator', person: { ref: string; identifiers?: Identifiers | null | undefined }) => {
        const name = `${role}:${person.ref}`;
        let sealed: string | null = null;
        let pk: string | null = null;
        if (person.identifiers) {
          sealed = sealIdentifiers(this.stateKey(state), identifiersContext(state, id, role, person.ref), person.identifiers);
          pk = personKey(this.masterKey, person.identifiers);
        } else if (person.identifiers === undefined && previous.has(name)) {
          ({ sealed, personKey: pk } = previous.get(name)!);
        }
        if (sealed) sealedMap[name] = sealed;
        return { sealed, pk };
      };
      const ev = splitter();
      events.push([
        state,
        id,
        ev.col('iccsCode', e.iccsCode),
        ev.col('recruitmentDate', e.recruitmentDate),
        ev.col('exploitationStartDate', e.exploitationStartDate),
        ev.col('exploitationEndDate', e.exploitationEndDate),
        ev.col('detectionDate', e.detectionDate),
        json(ev.reasons),
      ]);
      e.places.forEach((p, seq) => {
        const s = splitter();
        places.push([state, id, seq, p.stage, s.col('country', p.country), p.area ?? null, json(s.reasons)]);
      });
      for (const v of content.victims) {
        const s = splitter();
        const { sealed, pk } = await protect('victim', v);
        victims.push([
          state,
          id,
          v.ref,
          s.col('gender', v.gender),
          s.col('age', v.age),
          s.col('ageBand', v.ageBand),
          s.col('minorAtExploitation', v.minorAtExploitation),
          s.col('citizenships', v.citizenships),
          s.col('traffickingStatus', v.traffickingStatus),
          s.col('statusDecidedBy', v.statusDecidedBy),
          s.col('exploitationForms', v.exploitationForms),
          s.col('sexExploitationTypes', v.sexExploitationTypes),
          s.col('forcedLabourIndustries', v.forcedLabourIndustries),
          s.col('methodsOfControl', v.methodsOfControl),
          s.col('recruitmentMethod', v.recruitmentMethod),
          s.col('relationshipToTrafficker', v.relationshipToTrafficker),
          s.col('assistanceReceived', v.assistanceReceived),
          v.consentToShare,
          v.consentToCount,
          json(s.reasons),
          pk,
          sealed,
        ]);
      }
      for (const p of content.perpetrators) {
        const s = splitter();
        const { sealed, pk } = await protect('perpetrator', p);
        perpetrators.push([
          state,
          id,
          p.ref,
          p.kind,
          s.col('roles', p.roles),
          s.col('gender', p.gender),
          s.col('ageBand', p.ageBand),
          s.col('citizenships', p.citizenships),
          s.col('prosecutionOutcome', p.prosecutionOutcome),
          json(s.reasons),
          pk,
          sealed,
        ]);
      }
      for (const l of content.links) links.push([state, id, l.victim, l.perpetrator]);
      const stored = {
        reportingEntity: content.reportingEntity,
        externalId: content.externalId,
        event: content.event,
        links: content.links,
        victims: content.victims.map(({ identifiers: _i, ...v }) => v),
        perpetrators: content.perpetrators.map(({ identifiers: _i, ...p }) => p),
      };
      versions.push([state, id, version, json(stored), json(sealedMap), userId, this.now]);
      fingerprints.push([state, id, version, b.fingerprint]);
    }
    if (changed.length) await repo.prepareNewVersions(changed.map((c) => ({ state: c.b.mapped.state, id: c.id, version: c.version, content: c.b.mapped.content })));
    const load = (table: string, columns: readonly string[], rows: unknown[][]) => (rows.length ? tx.bulkLoad({ table, columns }, rows) : Promise.resolve(0));
    await load('incident_cases', caseColumns, cases);
    await load('incident_case_versions', ['reporting_state', 'case_id', 'version', 'document', 'identifiers', 'created_by', 'created_at'], versions);
    await load('incident_events', ['reporting_state', 'case_id', 'iccs_code', 'recruitment_date', 'exploitation_start_date', 'exploitation_end_date', 'detection_date', 'reasons'], events);
    await load('incident_event_places', ['reporting_state', 'case_id', 'seq', 'stage', 'country_iso3', 'area', 'reasons'], places);
    await load('incident_victims', victimColumns, victims);
    await load('incident_perpetrators', perpetratorColumns, perpetrators);
    await load('incident_links', ['reporting_state', 'case_id', 'victim_ref', 'perpetrator_ref'], links);
    await load('incident_import_fingerprints', ['reporting_state', 'case_id', 'version', 'fingerprint'], fingerprints);
  }
}

/** The columns of incident_cases an import writes (import_run: the run that makes the case visible). */
export const caseColumns = ['reporting_state', 'id', 'entity_type', 'entity_name', 'entity_organisation_id', 'external_id', 'status', 'version', 'created_by', 'created_at', 'updated_at', 'import_run'] as const;

export const victimColumns = [
  'reporting_state',
  'case_id',
  'ref',
  'gender',
  'age_years',
  'age_band',
  'minor_at_exploitation',
  'citizenships',
  'trafficking_status',
  'status_decided_by',
  'exploitation_forms',
  'sex_exploitation_types',
  'forced_labour_industries',
  'methods_of_control',
  'recruitment_method',
  'relationship_to_trafficker',
  'assistance_received',
  'consent_to_share',
  'consent_to_count',
  'reasons',
  'person_key',
  'identifiers_sealed',
] as const;

export const perpetratorColumns = ['reporting_state', 'case_id', 'ref', 'kind', 'roles', 'gender', 'age_band', 'citizenships', 'prosecution_outcome', 'reasons', 'person_key', 'identifiers_sealed'] as const;
