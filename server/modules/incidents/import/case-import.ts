// The engine of case-level bulk imports (HTCDS, CTDC): stream the file's rows, let the format map
// each row to a case document, and write in batches with COPY inside one transaction. Every
// problem is collected with its line and column; if there is any, or on a dry run, the
// transaction is rolled back, so nothing is ever committed in part. Idempotent on (reporting
// State, reporting entity, external id): an unchanged row (same keyed fingerprint) changes
// nothing, a changed row becomes a new version of its case. Identifiers are sealed and person
// keys computed with incidents.protection.ts, as the interactive path does.
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
import { caseKey, ImportRepository, type ExistingCase } from './import.repository.ts';
import type { ImportOutcome, ImportProblem, ImportRequest, ImportSummaryRow, Importer, IncidentImportFormat } from './import-types.ts';
import { readTableRows, TextInputError, type TableRow } from './text-input.ts';

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

/** Rows per batch: one lookup query and one COPY per table; PGlite's COPY slows past ~100k rows. */
export const BATCH_ROWS = 2000;
/** Problems listed in full; beyond that they are only counted. */
export const MAX_LISTED_PROBLEMS = 1000;

class Rollback extends Error {}

interface Prepared {
  line: number;
  mapped: MappedCase;
  fingerprint: string;
  key: string;
}

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
  const summary = new Map<number, ImportSummaryRow>();
  const states = new Set<string>();

  try {
    await database.transaction(async (tx) => {
      const repo = new ImportRepository(tx.db);
      const countries = await repo.countryCodes();
      if (reporter && !countries.iso3.has(reporter)) {
        addProblems([{ line: 0, column: '--reporter', value: reporter, reason: 'not an ISO 3166-1 alpha-3 code of a country' }]);
        throw new Rollback();
      }
      const ctx: FormatContext = { countries, reporter, today: now.toISOString().slice(0, 10) };
      const writer = new BatchWriter(tx, repo, settings.masterKey, importer, now);
      const allowed = new Map<string, boolean>();
      const seen = new Set<string>();
      let header: HeaderResult | null = null;
      let batch: Prepared[] = [];

      const flush = async () => {
        if (batch.length === 0) return;
        const result = await writer.write(batch, problemCount === 0 && !request.dryRun);
        addProblems(result.problems);
        outcome.created += result.created;
        outcome.updated += result.updated;
        outcome.unchanged += result.unchanged;
        batch = [];
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
          const short = createHash('sha256').update(key).digest('base64').slice(0, 16); // bounded memory per row
          if (seen.has(short)) p.add('external id', c.externalId, 'the same case (reporting entity and external id) is on an earlier line');
          seen.add(short);
          if (p.items.length === 0) {
            states.add(mapped.state);
            const fingerprint = createHmac('sha256', fingerprintKey).update(JSON.stringify([mapped.state, c])).digest('base64url');
            batch.push({ line: row.line, mapped, fingerprint, key });
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
      await recordAudit(tx.db, {
        action: 'case.import',
        actor: importer.kind === 'user' ? auditActorOf(importer) : null,
        entityType: 'incident_case',
        entityId: null,
        changes: { format: format.format, file: request.fileName.slice(0, 200), rows: outcome.rowsRead, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, states: [...states].sort() },
      });
      outcome.committed = true;
    });
  } catch (error) {
    if (error instanceof TextInputError) addProblems([{ line: error.line, reason: error.message }]);
    else if (!(error instanceof Rollback)) throw error;
  }
  if (problemCount > outcome.problems.length) outcome.problems.push({ line: 0, reason: `${problemCount - outcome.problems.length} more problems are not listed; correct the ones above and import again.` });
  if (!outcome.committed && !request.dryRun) {
    // Nothing was written: report what would have happened as nothing.
    outcome.created = 0;
    outcome.updated = 0;
    outcome.unchanged = 0;
  }
  outcome.summary = [...summary.values()].sort((a, b) => a.year - b.year);
  return outcome;
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

/** Writes prepared cases of one batch: new cases, new versions of changed ones; nothing for unchanged ones. */
class BatchWriter {
  private readonly stateKeys = new Map<string, Buffer>();
  constructor(
    private readonly tx: Tx,
    private readonly repo: ImportRepository,
    private readonly masterKey: Buffer,
    private readonly importer: Importer,
    private readonly now: Date,
  ) {}

  private async stateKey(state: string): Promise<Buffer> {
    let key = this.stateKeys.get(state);
    if (!key) {
      let wrapped = await this.repo.stateKey(state);
      if (!wrapped) wrapped = await this.repo.insertStateKey(state, newStateKey(this.masterKey, state).wrapped);
      key = unwrapStateKey(this.masterKey, state, wrapped);
      this.stateKeys.set(state, key);
    }
    return key;
  }

  async write(batch: Prepared[], apply: boolean): Promise<{ created: number; updated: number; unchanged: number; problems: ImportProblem[] }> {
    const existing = await this.repo.findExisting(batch.map((b) => b.mapped));
    const problems: ImportProblem[] = [];
    const fresh: { b: Prepared; id: string; version: number }[] = [];
    const changed: { b: Prepared; id: string; version: number; previous: Map<string, { sealed: string; personKey: string | null }> }[] = [];
    let unchanged = 0;
    for (const b of batch) {
      const found: ExistingCase | undefined = existing.get(b.key);
      if (!found) fresh.push({ b, id: randomUUID(), version: 1 });
      else if (found.fingerprint === b.fingerprint) unchanged++;
      else if (found.status !== 'draft' && found.status !== 'returned') {
        problems.push({ line: b.line, column: 'external id', value: b.mapped.content.externalId, reason: `the case is ${found.status}; it can be corrected only while draft or returned` });
      } else {
        changed.push({ b, id: found.id, version: found.version + 1, previous: new Map() });
      }
    }
    if (apply && problems.length === 0) {
      for (const c of changed) {
        if (c.b.mapped.content.victims.some((v) => v.identifiers === undefined) || c.b.mapped.content.perpetrators.some((p) => p.identifiers === undefined)) {
          c.previous = await this.repo.currentIdentifiers(c.b.mapped.state, c.id);
        }
      }
      await this.insert(fresh, changed);
    }
    return { created: fresh.length, updated: changed.length, unchanged, problems };
  }

  private async insert(fresh: { b: Prepared; id: string; version: number }[], changed: { b: Prepared; id: string; version: number; previous: Map<string, { sealed: string; personKey: string | null }> }[]): Promise<void> {
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
        cases.push([state, id, entity.type, entity.name ?? '', entity.organisationId ?? null, content.externalId, 'draft', 1, userId, this.now, this.now]);
      }
      const sealedMap: Record<string, string> = {};
      const protect = async (role: 'victim' | 'perpetrator', person: { ref: string; identifiers?: Identifiers | null | undefined }) => {
        const name = `${role}:${person.ref}`;
        let sealed: string | null = null;
        let pk: string | null = null;
        if (person.identifiers) {
          sealed = sealIdentifiers(await this.stateKey(state), identifiersContext(state, id, role, person.ref), person.identifiers);
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
    if (changed.length) await this.repo.prepareNewVersions(changed.map((c) => ({ state: c.b.mapped.state, id: c.id, version: c.version, content: c.b.mapped.content })));
    const load = (table: string, columns: readonly string[], rows: unknown[][]) => (rows.length ? this.tx.bulkLoad({ table, columns }, rows) : Promise.resolve(0));
    await load('incident_cases', ['reporting_state', 'id', 'entity_type', 'entity_name', 'entity_organisation_id', 'external_id', 'status', 'version', 'created_by', 'created_at', 'updated_at'], cases);
    await load('incident_case_versions', ['reporting_state', 'case_id', 'version', 'document', 'identifiers', 'created_by', 'created_at'], versions);
    await load('incident_events', ['reporting_state', 'case_id', 'iccs_code', 'recruitment_date', 'exploitation_start_date', 'exploitation_end_date', 'detection_date', 'reasons'], events);
    await load('incident_event_places', ['reporting_state', 'case_id', 'seq', 'stage', 'country_iso3', 'area', 'reasons'], places);
    await load('incident_victims', victimColumns, victims);
    await load('incident_perpetrators', perpetratorColumns, perpetrators);
    await load('incident_links', ['reporting_state', 'case_id', 'victim_ref', 'perpetrator_ref'], links);
    await load('incident_import_fingerprints', ['reporting_state', 'case_id', 'version', 'fingerprint'], fingerprints);
  }
}

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
