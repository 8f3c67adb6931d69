// All SQL of the case-level bulk import, batch-wise (one statement per batch, not per row).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { IncidentsRepository } from '../incidents.repository.ts';
import type { CaseContent } from '../incidents.schema.ts';
import type { CountryCodes } from './cells.ts';
import type { ImportRunStatus } from './import-runs.tables.ts';
import { visibleCase } from './visibility.ts';

export interface ExistingCase {
  id: string;
  version: number;
  status: string;
  fingerprint: string | null;
}

/** The idempotency key of a case: State, reporting entity, external id (as case-import.ts builds it). */
export const caseKey = (state: string, content: Pick<CaseContent, 'reportingEntity' | 'externalId'>) =>
  `${state}\u0000${content.reportingEntity.type}\u0000${content.reportingEntity.name ?? ''}\u0000${content.externalId}`;

export class ImportRepository {
  private readonly incidents: IncidentsRepository;
  constructor(private readonly db: Kysely<DB>) {
    this.incidents = new IncidentsRepository(db);
  }

  async countryCodes(): Promise<CountryCodes> {
    const rows = await this.db.selectFrom('countries').select(['iso2', 'iso3']).execute();
    return { iso3: new Set(rows.map((r) => r.iso3)), iso2to3: new Map(rows.map((r) => [r.iso2, r.iso3])) };
  }

  stateKey(state: string) {
    return this.incidents.stateKey(state);
  }

  insertStateKey(state: string, wrapped: string) {
    return this.incidents.insertStateKey(state, wrapped);
  }

  currentIdentifiers(state: string, caseId: string) {
    return this.incidents.currentIdentifiers(state, caseId);
  }

  /**
   * The visible cases of a batch that exist already, by caseKey, with the fingerprint of the row
   * that wrote them; `forUpdate` locks them (the publish transaction, before it writes versions).
   * A case another import is still writing is not found: inserting it again then fails on the
   * unique key, which case-import.ts reports as a problem.
   */
  async findExisting(items: { state: string; content: CaseContent }[], options: { forUpdate?: boolean } = {}): Promise<Map<string, ExistingCase>> {
    const out = new Map<string, ExistingCase>();
    if (items.length === 0) return out;
    const states = items.map((i) => i.state);
    const types = items.map((i) => i.content.reportingEntity.type);
    const names = items.map((i) => i.content.reportingEntity.name ?? '');
    const ids = items.map((i) => i.content.externalId);
    const rows = await sql<{ reporting_state: string; entity_type: string; entity_name: string; external_id: string; id: string; version: number; status: string; fingerprint: string | null }>`
      SELECT c.reporting_state, c.entity_type, c.entity_name, c.external_id, c.id, c.version, c.status,
             CASE WHEN f.version = c.version THEN f.fingerprint END AS fingerprint
      FROM unnest(${states}::text[], ${types}::text[], ${names}::text[], ${ids}::text[]) AS k(s, t, n, e)
      JOIN incident_cases c ON c.reporting_state = k.s::char(3) AND c.entity_type = k.t AND c.entity_name = k.n AND c.external_id = k.e
      LEFT JOIN incident_import_fingerprints f ON f.reporting_state = c.reporting_state AND f.case_id = c.id
      WHERE ${visibleCase('c')}
      ${options.forUpdate ? sql`FOR UPDATE OF c` : sql``}`.execute(this.db);
    for (const r of rows.rows) {
      out.set(caseKey(r.reporting_state, { reportingEntity: { type: r.entity_type as CaseContent['reportingEntity']['type'], name: r.entity_name }, externalId: r.external_id }), {
        id: r.id,
        version: r.version,
        status: r.status,
        fingerprint: r.fingerprint,
      });
    }
    return out;
  }

  /**
   * The keys of a batch held by any case row, visible or not (another import's unpublished
   * run): to say which rows a unique-key conflict was about.
   */
  async takenKeys(items: { state: string; content: CaseContent }[]): Promise<Set<string>> {
    const rows = await sql<{ reporting_state: string; entity_type: string; entity_name: string; external_id: string }>`
      SELECT c.reporting_state, c.entity_type, c.entity_name, c.external_id
      FROM unnest(${items.map((i) => i.state)}::text[], ${items.map((i) => i.content.reportingEntity.type)}::text[], ${items.map((i) => i.content.reportingEntity.name ?? '')}::text[], ${items.map((i) => i.content.externalId)}::text[]) AS k(s, t, n, e)
      JOIN incident_cases c ON c.reporting_state = k.s::char(3) AND c.entity_type = k.t AND c.entity_name = k.n AND c.external_id = k.e`.execute(this.db);
    return new Set(rows.rows.map((r) => caseKey(r.reporting_state, { reportingEntity: { type: r.entity_type as CaseContent['reportingEntity']['type'], name: r.entity_name }, externalId: r.external_id })));
  }

  /**
   * For cases getting a new version: bump the version (back to draft, as a correction does),
   * drop the old version's projection and fingerprint; the caller then COPYs the new rows.
   */
  async prepareNewVersions(items: { state: string; id: string; version: number; content: CaseContent }[]): Promise<void> {
    const states = items.map((i) => i.state);
    const ids = items.map((i) => i.id);
    const versions = items.map((i) => i.version);
    const orgs = items.map((i) => i.content.reportingEntity.organisationId ?? null);
    await sql`
      UPDATE incident_cases c SET version = k.v, status = 'draft', entity_organisation_id = k.o, updated_at = now()
      FROM unnest(${states}::text[], ${ids}::uuid[], ${versions}::int[], ${orgs}::uuid[]) AS k(s, i, v, o)
      WHERE c.reporting_state = k.s::char(3) AND c.id = k.i`.execute(this.db);
    for (const table of ['incident_links', 'incident_victims', 'incident_perpetrators', 'incident_event_places', 'incident_events', 'incident_import_fingerprints'] as const) {
      await sql`
        DELETE FROM ${sql.table(table)} t USING unnest(${states}::text[], ${ids}::uuid[]) AS k(s, i)
        WHERE t.reporting_state = k.s::char(3) AND t.case_id = k.i`.execute(this.db);
    }
  }

  // Import runs (import-runs.migration.ts) ---------------------------------------------------

  async insertRun(id: string, format: string, createdBy: string | null): Promise<void> {
    await this.db.insertInto('incident_import_runs').values({ id, format, status: 'writing', created_by: createdBy }).execute();
  }

  /** Marks the run alive; false when it is no longer writing (abandoned by a restart meanwhile). */
  async heartbeat(id: string): Promise<boolean> {
    const r = await this.db.updateTable('incident_import_runs').set({ heartbeat_at: sql`now()` }).where('id', '=', id).where('status', '=', 'writing').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Locks the run's row for its publication; its status, or undefined. */
  async lockRun(id: string): Promise<ImportRunStatus | undefined> {
    const row = await this.db.selectFrom('incident_import_runs').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
    return row?.status;
  }

  /** From this statement's commit on, every case of the run is visible. */
  async publishRun(id: string, states: string[]): Promise<void> {
    await this.db.updateTable('incident_import_runs').set({ status: 'published', published_at: sql`now()`, reporting_states: sql`${states}::char(3)[]` }).where('id', '=', id).where('status', '=', 'writing').execute();
  }

  async abandonRun(id: string): Promise<void> {
    await this.db.updateTable('incident_import_runs').set({ status: 'abandoned', abandoned_at: sql`now()` }).where('id', '=', id).where('status', '=', 'writing').execute();
  }

  /** Abandons the runs still 'writing' whose heartbeat is older than `staleSeconds`; their ids. */
  async abandonStaleRuns(staleSeconds: number, startedAt: Date): Promise<string[]> {
    const rows = await this.db
      .updateTable('incident_import_runs')
      .set({ status: 'abandoned', abandoned_at: sql`now()` })
      .where('status', '=', 'writing')
      // Never a run this process began: the clean-up runs in the background, after imports may have started.
      .where('heartbeat_at', '<=', sql<Date>`least(now() - make_interval(secs => ${staleSeconds}), ${startedAt.toISOString()}::timestamptz)`)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Abandoned runs that still have case rows to delete. */
  async abandonedRunsWithRows(): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      SELECT r.id FROM incident_import_runs r
       WHERE r.status = 'abandoned' AND EXISTS (SELECT 1 FROM incident_cases c WHERE c.import_run = r.id)`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * Deletes up to `limit` cases of an abandoned run with every row that hangs on them (the
   * fingerprints by hand, the other case tables by ON DELETE CASCADE); how many cases went.
   */
  async deleteRunCases(id: string, limit: number): Promise<number> {
    const ids = await sql<{ reporting_state: string; id: string }>`
      SELECT reporting_state, id FROM incident_cases
       WHERE import_run = ${id}::uuid AND import_run IN (SELECT r.id FROM incident_import_runs r WHERE r.status = 'abandoned')
       LIMIT ${limit}`.execute(this.db);
    if (ids.rows.length === 0) return 0;
    const states = ids.rows.map((r) => r.reporting_state);
    const caseIds = ids.rows.map((r) => r.id);
    await sql`
      DELETE FROM incident_import_fingerprints t USING unnest(${states}::text[], ${caseIds}::uuid[]) AS k(s, i)
       WHERE t.reporting_state = k.s::char(3) AND t.case_id = k.i`.execute(this.db);
    await sql`
      DELETE FROM incident_cases t USING unnest(${states}::text[], ${caseIds}::uuid[]) AS k(s, i)
       WHERE t.reporting_state = k.s::char(3) AND t.id = k.i AND t.import_run = ${id}::uuid`.execute(this.db);
    return ids.rows.length;
  }
}
