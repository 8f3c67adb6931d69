// How a case-level import writes a batch: which of its cases are new, changed or unchanged
// (classify), their rows for every case table with identifiers sealed under the State key and
// person keys computed as the interactive path does (encode: CPU only, so it can run while the
// database takes the previous batch), and the COPY of those rows (load: database only).
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Tx } from '../../../platform/db/database.ts';
import { concat, encodeCopyText, type BulkTarget } from '../../../platform/db/bulk-load.ts';
import { newStateKey, personSealer, storedDocument, unwrapStateKey, type PreviousIdentifiers } from '../incidents.protection.ts';
import type { MappedCase } from './case-import.ts';
import { splitter } from '../incidents.projection.ts';
import type { ImportRepository, ExistingCase } from './import.repository.ts';
import type { ImportProblem, Importer } from './import-types.ts';

/** A row ready to write: its case, keyed fingerprint, case key and the id it gets if it is new. */
export interface Prepared {
  line: number;
  mapped: MappedCase;
  fingerprint: string;
  key: string;
  newId: string;
}

/** What the first pass saw of a case the file changes: checked again when publishing. */
export interface ChangedCase {
  version: number;
  fingerprint: string;
}

/** Bounded memory per row: a short hash of the case key (96 bits: collisions are not a concern). */
export const shortKey = (key: string) => createHash('sha256').update(key).digest('base64').slice(0, 16);

export type Fresh = { b: Prepared; id: string; version: 1 };
type Changed = { b: Prepared; id: string; version: number; previous: PreviousIdentifiers };

/** A batch sorted by what it needs: new cases, new versions of changed ones, nothing; or problems. */
export interface Classified {
  fresh: Fresh[];
  changed: Changed[];
  unchanged: number;
  problems: ImportProblem[];
}

/** A batch's rows as COPY text, one payload per table, in foreign-key order. */
export type EncodedRows = { target: BulkTarget; data: Uint8Array }[];

/** Cases sealed between turns of the event loop, so the batch being written keeps moving. */
const YIELD_EVERY_CASES = 25;

/** Writes prepared cases: new cases (tagged with their run), new versions of changed ones. */
export class BatchWriter {
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
      if (!found) out.fresh.push({ b, id: b.newId, version: 1 });
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
    await repo.prepareNewVersions(changed.map((c) => ({ state: c.b.mapped.state, id: c.id, version: c.version, content: c.b.mapped.content })));
    await this.load(tx, await this.encode(changed, null));
    return [];
  }

  /** COPYs a batch's encoded rows, table by table. */
  async load(tx: Tx, rows: EncodedRows): Promise<void> {
    for (const { target, data } of rows) await tx.copyRaw(target, data);
  }

  /**
   * The rows of these cases for every table, as COPY text: new cases (version 1) tagged with
   * `run`, changed cases as new versions. Seals identifiers (the State keys must be prepared).
   */
  async encode(cases: (Fresh | Changed)[], run: string | null): Promise<EncodedRows> {
    const userId = this.importer.kind === 'user' ? this.importer.userId : null;
    const rows = new Map<BulkTarget, unknown[][]>(caseTables.map((t) => [t, []]));
    const add = (target: BulkTarget, row: unknown[]) => rows.get(target)!.push(row);
    let n = 0;
    for (const c of cases) {
      const { b, id, version } = c;
      const previous: PreviousIdentifiers = 'previous' in c ? c.previous : new Map<string, { sealed: string; personKey: string | null }>();
      const { state, content } = b.mapped;
      const e = content.event;
      if (version === 1) {
        const entity = content.reportingEntity;
        add(casesTable, [state, id, entity.type, entity.name ?? '', entity.organisationId ?? null, content.externalId, 'draft', 1, userId, this.now, this.now, run]);
      }
      const { sealed: sealedMap, protect } = personSealer(this.masterKey, () => this.stateKey(state), state, id, previous);
      const ev = splitter();
      add(eventsTable, [
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
        add(placesTable, [state, id, seq, p.stage, s.col('country', p.country), p.area ?? null, json(s.reasons)]);
      });
      for (const v of content.victims) {
        const s = splitter();
        const { sealed, pk } = protect('victim', v);
        add(victimsTable, [
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
        const { sealed, pk } = protect('perpetrator', p);
        add(perpetratorsTable, [state, id, p.ref, p.kind, s.col('roles', p.roles), s.col('gender', p.gender), s.col('ageBand', p.ageBand), s.col('citizenships', p.citizenships), s.col('prosecutionOutcome', p.prosecutionOutcome), json(s.reasons), pk, sealed]);
      }
      for (const l of content.links) add(linksTable, [state, id, l.victim, l.perpetrator]);
      add(versionsTable, [state, id, version, json(storedDocument(content)), json(sealedMap), userId, this.now]);
      add(fingerprintsTable, [state, id, version, b.fingerprint]);
      if (++n % YIELD_EVERY_CASES === 0) await yieldToEventLoop();
    }
    return caseTables.filter((t) => rows.get(t)!.length > 0).map((target) => ({ target, data: concat(encodeCopyText(rows.get(target)!)) }));
  }
}

const json = (v: unknown) => JSON.stringify(v);

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

const casesTable: BulkTarget = { table: 'incident_cases', columns: caseColumns };
const versionsTable: BulkTarget = { table: 'incident_case_versions', columns: ['reporting_state', 'case_id', 'version', 'document', 'identifiers', 'created_by', 'created_at'] };
const eventsTable: BulkTarget = { table: 'incident_events', columns: ['reporting_state', 'case_id', 'iccs_code', 'recruitment_date', 'exploitation_start_date', 'exploitation_end_date', 'detection_date', 'reasons'] };
const placesTable: BulkTarget = { table: 'incident_event_places', columns: ['reporting_state', 'case_id', 'seq', 'stage', 'country_iso3', 'area', 'reasons'] };
const victimsTable: BulkTarget = { table: 'incident_victims', columns: victimColumns };
const perpetratorsTable: BulkTarget = { table: 'incident_perpetrators', columns: perpetratorColumns };
const linksTable: BulkTarget = { table: 'incident_links', columns: ['reporting_state', 'case_id', 'victim_ref', 'perpetrator_ref'] };
const fingerprintsTable: BulkTarget = { table: 'incident_import_fingerprints', columns: ['reporting_state', 'case_id', 'version', 'fingerprint'] };

/** Every table a case import writes, in foreign-key order, with the columns it writes. */
export const caseTables: readonly BulkTarget[] = [casesTable, versionsTable, eventsTable, placesTable, victimsTable, perpetratorsTable, linksTable, fingerprintsTable];
