import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { IncidentsTables, Reasons } from './incidents.tables.ts';
import type { CaseStatus } from './incidents.values.ts';
import { ofVisibleCase, visibleCase } from './import/visibility.ts';

type Insertable<T extends keyof IncidentsTables> = { [K in keyof IncidentsTables[T]]?: unknown };
export type CaseRow = Awaited<ReturnType<IncidentsRepository['findCase']>> & object;

/** The current version's rows for queries (see incidents.tables.ts). */
export interface Projection {
  event: { iccs_code: string | null; recruitment_date: string | null; exploitation_start_date: string | null; exploitation_end_date: string | null; detection_date: string | null; reasons: Reasons };
  places: { seq: number; stage: string; country_iso3: string | null; area: string | null; reasons: Reasons }[];
  victims: (Omit<IncidentsTables['incident_victims'], 'reporting_state' | 'case_id' | 'reasons'> & { reasons: Reasons })[];
  perpetrators: (Omit<IncidentsTables['incident_perpetrators'], 'reporting_state' | 'case_id' | 'reasons'> & { reasons: Reasons })[];
  links: { victim_ref: string; perpetrator_ref: string }[];
}

export interface CaseListFilter {
  /** null: every State. */
  states: string[] | null;
  state?: string | undefined;
  status?: CaseStatus | undefined;
  /** Year of detection, else of the start of exploitation, else of the report. */
  year?: number | undefined;
  limit: number;
  offset: number;
}

/** A victim that statistics may count: consented to be counted, in a case the Coordinator accepted. */
export interface CountableVictim {
  reportingState: string;
  caseId: string;
  ref: string;
  gender: string | null;
  ageBand: string | null;
  minorAtExploitation: boolean | null;
  citizenships: string[] | null;
  exploitationForms: string[] | null;
  traffickingStatus: string | null;
  /** Year of detection, else of the start of exploitation, else of the report. */
  year: number;
  reasons: Reasons;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * All SQL of the incidents module. Every read of a case or of its rows applies visibleCase /
 * ofVisibleCase: a case an import is still writing (or gave up) exists for no one.
 */
export class IncidentsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // State keys and settings -------------------------------------------------------------

  async stateKey(state: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('incident_state_keys').select('wrapped_key').where('reporting_state', '=', state).executeTakeFirst();
    return row?.wrapped_key;
  }

  /** Stores the key unless another transaction stored one first; returns the one that won. */
  async insertStateKey(state: string, wrapped: string): Promise<string> {
    await this.db.insertInto('incident_state_keys').values({ reporting_state: state, wrapped_key: wrapped }).onConflict((oc) => oc.column('reporting_state').doNothing()).execute();
    return (await this.stateKey(state))!;
  }

  async setRetention(state: string, years: number | null): Promise<void> {
    await this.db
      .insertInto('incident_state_settings')
      .values({ reporting_state: state, retention_years: years })
      .onConflict((oc) => oc.column('reporting_state').doUpdateSet({ retention_years: years, updated_at: sql`now()` }))
      .execute();
  }

  async retentionOf(state: string): Promise<{ retention_years: number | null; updated_at: Date } | undefined> {
    return this.db.selectFrom('incident_state_settings').select(['retention_years', 'updated_at']).where('reporting_state', '=', state).executeTakeFirst();
  }

  retentionSettings() {
    return this.db.selectFrom('incident_state_settings').select(['reporting_state', 'retention_years']).where('retention_years', 'is not', null).orderBy('reporting_state').execute();
  }

  // Reference checks ----------------------------------------------------------------------

  async existingCountries(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.selectFrom('countries').select('iso3').where('iso3', 'in', codes).execute();
    return new Set(rows.map((r) => r.iso3));
  }

  async organisationExists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
  }

  // Cases and versions --------------------------------------------------------------------

  findCase(state: string, id: string, options: { forUpdate?: boolean } = {}) {
    let q = this.db.selectFrom('incident_cases').selectAll().where('reporting_state', '=', state).where('id', '=', id).where(visibleCase('incident_cases'));
    if (options.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  findByExternalId(state: string, entityType: string, entityName: string, externalId: string) {
    return this.db
      .selectFrom('incident_cases')
      .select(['id'])
      .where('reporting_state', '=', state)
      .where('entity_type', '=', entityType)
      .where('entity_name', '=', entityName)
      .where('external_id', '=', externalId)
      .where(visibleCase('incident_cases'))
      .executeTakeFirst();
  }

  async insertCase(row: Insertable<'incident_cases'>): Promise<string> {
    const inserted = await this.db.insertInto('incident_cases').values(row as never).returning('id').executeTakeFirstOrThrow();
    return inserted.id;
  }

  async updateCase(state: string, id: string, patch: Insertable<'incident_cases'>): Promise<void> {
    await this.db
      .updateTable('incident_cases')
      .set({ ...(patch as object), updated_at: sql`now()` } as never)
      .where('reporting_state', '=', state)
      .where('id', '=', id)
      .execute();
  }

  async insertVersion(row: { reporting_state: string; case_id: string; version: number; document: unknown; identifiers: Record<string, string>; created_by: string | null }): Promise<void> {
    await this.db
      .insertInto('incident_case_versions')
      .values({ ...row, document: json(row.document), identifiers: json(row.identifiers) })
      .execute();
  }

  findVersion(state: string, id: string, version: number) {
    return this.db
      .selectFrom('incident_case_versions')
      .selectAll()
      .where('reporting_state', '=', state)
      .where('case_id', '=', id)
      .where('version', '=', version)
      .where(ofVisibleCase('incident_case_versions'))
      .executeTakeFirst();
  }

  listVersions(state: string, id: string) {
    return this.db
      .selectFrom('incident_case_versions')
      .select(['version', 'document', 'created_at', 'created_by'])
      .where('reporting_state', '=', state)
      .where('case_id', '=', id)
      .where(ofVisibleCase('incident_case_versions'))
      .orderBy('version')
      .execute();
  }

  /** Replaces the current-version projection of one case. */
  async replaceProjection(state: string, caseId: string, p: Projection): Promise<void> {
    const key = { reporting_state: state, case_id: caseId };
    for (const table of ['incident_links', 'incident_victims', 'incident_perpetrators', 'incident_event_places', 'incident_events'] as const) {
      await this.db.deleteFrom(table).where('reporting_state', '=', state).where('case_id', '=', caseId).execute();
    }
    await this.db
      .insertInto('incident_events')
      .values({ ...key, ...p.event, reasons: json(p.event.reasons) })
      .execute();
    if (p.places.length) await this.db.insertInto('incident_event_places').values(p.places.map((r) => ({ ...key, ...r, reasons: json(r.reasons) }))).execute();
    if (p.victims.length) await this.db.insertInto('incident_victims').values(p.victims.map((r) => ({ ...key, ...r, reasons: json(r.reasons) }))).execute();
    if (p.perpetrators.length) await this.db.insertInto('incident_perpetrators').values(p.perpetrators.map((r) => ({ ...key, ...r, reasons: json(r.reasons) }))).execute();
    if (p.links.length) await this.db.insertInto('incident_links').values(p.links.map((r) => ({ ...key, ...r }))).execute();
  }

  /** Sealed identifiers of the current version's people, by `victim:<ref>` / `perpetrator:<ref>`. */
  async currentIdentifiers(state: string, caseId: string): Promise<Map<string, { sealed: string; personKey: string | null }>> {
    const out = new Map<string, { sealed: string; personKey: string | null }>();
    for (const [role, table] of [['victim', 'incident_victims'], ['perpetrator', 'incident_perpetrators']] as const) {
      const rows = await this.db.selectFrom(table).select(['ref', 'identifiers_sealed', 'person_key']).where('reporting_state', '=', state).where('case_id', '=', caseId).where(ofVisibleCase(table)).execute();
      for (const r of rows) if (r.identifiers_sealed) out.set(`${role}:${r.ref}`, { sealed: r.identifiers_sealed, personKey: r.person_key });
    }
    return out;
  }

  private listQuery(filter: Omit<CaseListFilter, 'limit' | 'offset'>) {
    let q = this.db.selectFrom('incident_cases as c').where(visibleCase('c'));
    if (filter.states) q = filter.states.length ? q.where('c.reporting_state', 'in', filter.states) : q.where(sql<boolean>`false`);
    if (filter.state) q = q.where('c.reporting_state', '=', filter.state);
    if (filter.status) q = q.where('c.status', '=', filter.status);
    if (filter.year !== undefined) {
      const year = filter.year;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('incident_events as e')
            .select(sql`1`.as('one'))
            .whereRef('e.reporting_state', '=', 'c.reporting_state')
            .whereRef('e.case_id', '=', 'c.id')
            .where(sql<number>`extract(year from coalesce(e.detection_date, e.exploitation_start_date, c.created_at::date))::int`, '=', year),
        ),
      );
    }
    return q;
  }

  listCases(filter: CaseListFilter) {
    const counted = (table: 'incident_victims' | 'incident_perpetrators', extra?: string) =>
      sql<number>`(select count(*)::int from ${sql.table(table)} x where x.reporting_state = c.reporting_state and x.case_id = c.id ${extra ? sql.raw(extra) : sql``})`;
    return this.listQuery(filter)
      .select([
        'c.reporting_state',
        'c.id',
        'c.entity_type',
        'c.entity_name',
        'c.entity_organisation_id',
        'c.external_id',
        'c.status',
        'c.version',
        'c.created_at',
        'c.updated_at',
        'c.submitted_at',
        'c.reviewed_at',
        'c.review_comments',
        'c.identifiers_erased_at',
        counted('incident_victims').as('victims'),
        counted('incident_perpetrators').as('perpetrators'),
        counted('incident_victims', 'and not x.consent_to_count').as('uncounted_victims'),
      ])
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  }

  async countCases(filter: Omit<CaseListFilter, 'limit' | 'offset'>): Promise<number> {
    const row = await this.listQuery(filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  }

  // Shares ----------------------------------------------------------------------------------

  async insertShare(state: string, caseId: string, organisationId: string, sharedBy: string): Promise<void> {
    await this.db
      .insertInto('case_shares')
      .values({ reporting_state: state, case_id: caseId, organisation_id: organisationId, shared_by: sharedBy })
      .onConflict((oc) => oc.columns(['reporting_state', 'case_id', 'organisation_id']).doNothing())
      .execute();
  }

  /** Removes one share; false when there was none. */
  async deleteShare(state: string, caseId: string, organisationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('case_shares')
      .where('reporting_state', '=', state)
      .where('case_id', '=', caseId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The organisations a case is shared with. */
  sharesOf(state: string, caseId: string) {
    return this.db
      .selectFrom('case_shares as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['s.organisation_id', 'o.name', 's.shared_at'])
      .where('s.reporting_state', '=', state)
      .where('s.case_id', '=', caseId)
      .orderBy('s.shared_at')
      .execute();
  }

  /** Cases shared with these organisations (null: with anyone), with their current version. */
  sharedCases(organisations: string[] | null) {
    let q = this.db
      .selectFrom('case_shares as s')
      .innerJoin('incident_cases as c', (j) => j.onRef('c.reporting_state', '=', 's.reporting_state').onRef('c.id', '=', 's.case_id'))
      .innerJoin('incident_case_versions as v', (j) => j.onRef('v.reporting_state', '=', 'c.reporting_state').onRef('v.case_id', '=', 'c.id').onRef('v.version', '=', 'c.version'))
      .select(['c.reporting_state', 'c.id', 'c.status', 'c.version', 's.shared_at', 'v.document'])
      .where(visibleCase('c'));
    if (organisations) q = organisations.length ? q.where('s.organisation_id', 'in', organisations) : q.where(sql<boolean>`false`);
    return q.orderBy('s.shared_at', 'desc').limit(500).execute();
  }

  // Duplicates, statistics, retention ----------------------------------------------------

  /** Person keys seen in more than one case (cross-State: a Coordinator's job, not a hot path). */
  async duplicates() {
    const one = (table: 'incident_victims' | 'incident_perpetrators') =>
      this.db
        .selectFrom(table)
        .select(['person_key', 'reporting_state', 'case_id', 'ref'])
        .where(ofVisibleCase(table))
        .where(
          'person_key',
          'in',
          sql<string>`(SELECT p.person_key FROM ${sql.table(table)} p WHERE p.person_key IS NOT NULL AND ${ofVisibleCase('p')}
                        GROUP BY p.person_key HAVING count(distinct (p.reporting_state, p.case_id)) > 1)`,
        )
        .orderBy('person_key')
        .orderBy('reporting_state')
        .orderBy('case_id')
        .execute();
    return { victims: await one('incident_victims'), perpetrators: await one('incident_perpetrators') };
  }

  /**
   * Victims that statistics may count: consent to be counted given, case accepted by the
   * Coordinator (unless other statuses are asked for). De-identified rows only.
   */
  async countableVictims(filter: { states?: string[] | undefined; statuses?: CaseStatus[] | undefined; fromYear?: number | undefined; toYear?: number | undefined } = {}): Promise<CountableVictim[]> {
    const year = sql<number>`extract(year from coalesce(e.detection_date, e.exploitation_start_date, c.created_at::date))::int`;
    let q = this.db
      .selectFrom('incident_victims as v')
      .innerJoin('incident_cases as c', (j) => j.onRef('c.reporting_state', '=', 'v.reporting_state').onRef('c.id', '=', 'v.case_id'))
      .innerJoin('incident_events as e', (j) => j.onRef('e.reporting_state', '=', 'v.reporting_state').onRef('e.case_id', '=', 'v.case_id'))
      .select([
        'v.reporting_state',
        'v.case_id',
        'v.ref',
        'v.gender',
        'v.age_band',
        'v.minor_at_exploitation',
        'v.citizenships',
        'v.exploitation_forms',
        'v.trafficking_status',
        'v.reasons',
        year.as('year'),
      ])
      .where('v.consent_to_count', '=', true)
      .where(visibleCase('c'))
      .where('c.status', 'in', filter.statuses?.length ? filter.statuses : ['accepted']);
    if (filter.states) q = filter.states.length ? q.where('v.reporting_state', 'in', filter.states) : q.where(sql<boolean>`false`);
    if (filter.fromYear !== undefined) q = q.where(year, '>=', filter.fromYear);
    if (filter.toYear !== undefined) q = q.where(year, '<=', filter.toYear);
    const rows = await q.orderBy('v.reporting_state').orderBy('v.case_id').orderBy('v.ref').execute();
    return rows.map((r) => ({
      reportingState: r.reporting_state,
      caseId: r.case_id,
      ref: r.ref,
      gender: r.gender,
      ageBand: r.age_band,
      minorAtExploitation: r.minor_at_exploitation,
      citizenships: r.citizenships,
      exploitationForms: r.exploitation_forms,
      traffickingStatus: r.trafficking_status,
      year: r.year,
      reasons: r.reasons,
    }));
  }

  /**
   * One State's own figures for its views: victims who consented to be counted, in cases of
   * the given statuses, counted by year and by one dimension (form, sex, age band). Forms are
   * multi-valued: a victim counts once under each of its forms. Missing values count under
   * the key null.
   */
  async stateCounts(state: string, statuses: CaseStatus[]): Promise<{ dimension: 'form' | 'sex' | 'ageBand' | 'total'; year: number; key: string | null; n: number }[]> {
    const rows = await sql<{ dimension: 'form' | 'sex' | 'ageBand' | 'total'; year: number; key: string | null; n: number }>`
      WITH v AS (
        SELECT v.gender, v.age_band, v.exploitation_forms,
               extract(year from coalesce(e.detection_date, e.exploitation_start_date, c.created_at::date))::int AS year
          FROM incident_victims v
          JOIN incident_cases c ON c.reporting_state = v.reporting_state AND c.id = v.case_id
          JOIN incident_events e ON e.reporting_state = v.reporting_state AND e.case_id = v.case_id
         WHERE v.reporting_state = ${state} AND v.consent_to_count AND c.status IN (${sql.join(statuses)}) AND ${visibleCase('c')}
      )
      SELECT 'total' AS dimension, year, NULL AS key, count(*)::int AS n FROM v GROUP BY year
      UNION ALL SELECT 'sex', year, gender, count(*)::int FROM v GROUP BY year, gender
      UNION ALL SELECT 'ageBand', year, age_band, count(*)::int FROM v GROUP BY year, age_band
      UNION ALL SELECT 'form', year, f.form, count(*)::int
          FROM v LEFT JOIN LATERAL unnest(coalesce(v.exploitation_forms, ARRAY[]::text[])) AS f(form) ON true
         GROUP BY year, f.form
      ORDER BY 1, 2, 3`.execute(this.db);
    return rows.rows;
  }

  /** Cases of a State reported before `before` whose identifiers are still there. */
  casesPastRetention(state: string, before: Date) {
    return this.db
      .selectFrom('incident_cases')
      .select('id')
      .where('reporting_state', '=', state)
      .where('created_at', '<', before)
      .where('identifiers_erased_at', 'is', null)
      .where(visibleCase('incident_cases'))
      .execute();
  }

  /** Erases identifiers and person keys of one case, in every version; the rest stays. */
  async eraseIdentifiers(state: string, caseId: string): Promise<void> {
    for (const table of ['incident_victims', 'incident_perpetrators'] as const) {
      await this.db.updateTable(table).set({ identifiers_sealed: null, person_key: null }).where('reporting_state', '=', state).where('case_id', '=', caseId).execute();
    }
    await this.db.updateTable('incident_case_versions').set({ identifiers: '{}' }).where('reporting_state', '=', state).where('case_id', '=', caseId).execute();
    await this.db
      .updateTable('incident_cases')
      .set({ identifiers_erased_at: sql`now()` })
      .where('reporting_state', '=', state)
      .where('id', '=', caseId)
      .execute();
  }
}
