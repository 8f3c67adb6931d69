// All SQL of the case-level bulk import, batch-wise (one statement per batch, not per row).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { IncidentsRepository } from '../incidents.repository.ts';
import type { CaseContent } from '../incidents.schema.ts';
import type { CountryCodes } from './cells.ts';

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

  /** The cases of a batch that exist already, by caseKey, with the fingerprint of the row that wrote them. */
  async findExisting(items: { state: string; content: CaseContent }[]): Promise<Map<string, ExistingCase>> {
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
      LEFT JOIN incident_import_fingerprints f ON f.reporting_state = c.reporting_state AND f.case_id = c.id`.execute(this.db);
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
}
