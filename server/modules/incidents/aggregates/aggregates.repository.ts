// All SQL of aggregate reports and the GLOTIP name mapping.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ValuesQuery } from './aggregates.schema.ts';
import type { AggregatesTables, StoredValue } from './aggregates.tables.ts';
import type { ReportStatus } from './aggregates.values.ts';

export type ReportRow = Selectable<AggregatesTables['aggregate_reports']>;
export type MappingRow = Selectable<AggregatesTables['glotip_name_mappings']>;
type ValueRow = Selectable<AggregatesTables['aggregate_values']>;
type AreaValueRow = Selectable<AggregatesTables['aggregate_area_values']>;

const CHUNK = 1000;

export function fromRow(r: Pick<ValueRow, 'indicator' | 'dimension' | 'category' | 'category_kind' | 'sex' | 'age' | 'value_kind' | 'count' | 'bound' | 'external_id'>): StoredValue {
  return { indicator: r.indicator, dimension: r.dimension, category: r.category, categoryKind: r.category_kind, sex: r.sex, age: r.age, kind: r.value_kind, count: r.count, bound: r.bound, externalId: r.external_id };
}

const toColumns = (v: StoredValue) => ({
  indicator: v.indicator,
  dimension: v.dimension,
  category: v.category,
  category_kind: v.categoryKind,
  sex: v.sex,
  age: v.age,
  value_kind: v.kind,
  count: v.count,
  bound: v.bound,
  external_id: v.externalId,
});

/** A State's report for a year. */
export interface ReportKey {
  state: string;
  year: number;
}

/** One string per report (or per area and year), for maps. */
export const reportKey = (who: string, year: number) => `${who}|${year}`;

/** aggregate_values columns in COPY order (the import loads new versions' values with COPY). */
export const valueColumns = ['reporting_state', 'year', 'indicator', 'dimension', 'category', 'category_kind', 'sex', 'age', 'value_kind', 'count', 'bound', 'external_id'] as const;

/** A value as a row of valueColumns. */
export const valueRow = (state: string, year: number, v: StoredValue): unknown[] => [state, year, v.indicator, v.dimension, v.category, v.categoryKind, v.sex, v.age, v.kind, v.count, v.bound, v.externalId];

function groupValues<R extends Parameters<typeof fromRow>[0]>(rows: R[], keyOf: (r: R) => string): Map<string, StoredValue[]> {
  const out = new Map<string, StoredValue[]>();
  for (const r of rows) {
    const list = out.get(keyOf(r));
    if (list) list.push(fromRow(r));
    else out.set(keyOf(r), [fromRow(r)]);
  }
  return out;
}

export class AggregatesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async countryCodes(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('countries').select('iso3').execute();
    return new Set(rows.map((r) => r.iso3));
  }

  findReport(state: string, year: number, opts: { forUpdate?: boolean } = {}): Promise<ReportRow | undefined> {
    let q = this.db.selectFrom('aggregate_reports').selectAll().where('reporting_state', '=', state).where('year', '=', year);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  listReports(filter: { states?: string[]; state?: string; status?: ReportStatus; from?: number; to?: number }): Promise<ReportRow[]> {
    let q = this.db.selectFrom('aggregate_reports').selectAll();
    if (filter.states) q = filter.states.length ? q.where('reporting_state', 'in', filter.states) : q.where(() => false as never);
    if (filter.state) q = q.where('reporting_state', '=', filter.state);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.from !== undefined) q = q.where('year', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('year', '<=', filter.to);
    return q.orderBy('reporting_state').orderBy('year').execute();
  }

  async insertReport(row: { reporting_state: string; year: number; version: number; created_by: string | null; is_demo?: boolean }): Promise<void> {
    await this.db.insertInto('aggregate_reports').values({ ...row, status: 'draft' }).execute();
  }

  async updateReport(state: string, year: number, patch: Partial<Omit<ReportRow, 'reporting_state' | 'year' | 'created_at'>>): Promise<void> {
    await this.db
      .updateTable('aggregate_reports')
      .set({ ...patch, updated_at: new Date() })
      .where('reporting_state', '=', state)
      .where('year', '=', year)
      .execute();
  }

  /** Saves a version whole and makes it the current projection. */
  async saveVersion(state: string, year: number, version: number, source: string, values: StoredValue[], createdBy: string | null, isDemo = false): Promise<void> {
    await this.db
      .insertInto('aggregate_report_versions')
      .values({ reporting_state: state, year, version, source, values: JSON.stringify(values), created_by: createdBy, is_demo: isDemo })
      .execute();
    await this.db.deleteFrom('aggregate_values').where('reporting_state', '=', state).where('year', '=', year).execute();
    for (let k = 0; k < values.length; k += CHUNK) {
      await this.db
        .insertInto('aggregate_values')
        .values(values.slice(k, k + CHUNK).map((v) => ({ reporting_state: state, year, ...toColumns(v), is_demo: isDemo })))
        .execute();
    }
  }

  async currentValues(state: string, year: number): Promise<StoredValue[]> {
    const rows = await this.db.selectFrom('aggregate_values').selectAll().where('reporting_state', '=', state).where('year', '=', year).execute();
    return rows.map(fromRow);
  }

  async values(state: string, q: ValuesQuery): Promise<(StoredValue & { year: number })[]> {
    let query = this.db.selectFrom('aggregate_values').selectAll().where('reporting_state', '=', state);
    if (q.indicator) query = query.where('indicator', '=', q.indicator);
    if (q.dimension) query = query.where('dimension', '=', q.dimension);
    if (q.from !== undefined) query = query.where('year', '>=', q.from);
    if (q.to !== undefined) query = query.where('year', '<=', q.to);
    const rows = await query.orderBy('year').orderBy('indicator').orderBy('dimension').orderBy('category').orderBy('sex').orderBy('age').execute();
    return rows.map((r) => ({ ...fromRow(r), year: r.year }));
  }

  versions(state: string, year: number) {
    return this.db.selectFrom('aggregate_report_versions').selectAll().where('reporting_state', '=', state).where('year', '=', year).orderBy('version').execute();
  }

  // What an import reads and writes, a set at a time ----------------------------------------------

  /** The reports of these (State, year) pairs that exist; locked when `forUpdate`. */
  async reportsAt(keys: ReportKey[], opts: { forUpdate?: boolean } = {}): Promise<ReportRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await sql<ReportRow>`
      SELECT r.* FROM aggregate_reports r
      JOIN unnest(${keys.map((k) => k.state)}::text[], ${keys.map((k) => k.year)}::int[]) AS k(s, y) ON r.reporting_state = k.s::char(3) AND r.year = k.y
      ${opts.forUpdate ? sql`FOR UPDATE OF r` : sql``}`.execute(this.db);
    return rows;
  }

  /** The current values of these reports, by report. */
  async valuesAt(keys: ReportKey[]): Promise<Map<string, StoredValue[]>> {
    if (keys.length === 0) return new Map();
    const { rows } = await sql<ValueRow>`
      SELECT v.* FROM aggregate_values v
      JOIN unnest(${keys.map((k) => k.state)}::text[], ${keys.map((k) => k.year)}::int[]) AS k(s, y) ON v.reporting_state = k.s::char(3) AND v.year = k.y`.execute(this.db);
    return groupValues(rows, (r) => reportKey(r.reporting_state, r.year));
  }

  /** The stored sub-regional figures of these (area, year) pairs, by pair. */
  async areaValuesAt(keys: { area: string; year: number }[]): Promise<Map<string, StoredValue[]>> {
    if (keys.length === 0) return new Map();
    const { rows } = await sql<AreaValueRow>`
      SELECT v.* FROM aggregate_area_values v
      JOIN unnest(${keys.map((k) => k.area)}::text[], ${keys.map((k) => k.year)}::int[]) AS k(a, y) ON v.area = k.a AND v.year = k.y`.execute(this.db);
    return groupValues(rows, (r) => reportKey(r.area, r.year));
  }

  async insertReports(rows: { reporting_state: string; year: number; version: number; created_by: string | null }[]): Promise<void> {
    for (let k = 0; k < rows.length; k += CHUNK) {
      await this.db
        .insertInto('aggregate_reports')
        .values(rows.slice(k, k + CHUNK).map((r) => ({ ...r, status: 'draft' as const })))
        .execute();
    }
  }

  /** Moves these reports to a new draft version (an import's correction reopens a returned or accepted report). */
  async advanceReports(items: (ReportKey & { version: number })[]): Promise<void> {
    if (items.length === 0) return;
    await sql`
      UPDATE aggregate_reports r SET version = k.v, status = 'draft', submitted_at = NULL, updated_at = now()
      FROM unnest(${items.map((i) => i.state)}::text[], ${items.map((i) => i.year)}::int[], ${items.map((i) => i.version)}::int[]) AS k(s, y, v)
      WHERE r.reporting_state = k.s::char(3) AND r.year = k.y`.execute(this.db);
  }

  /** Empties the current values of these reports (their new version's values are loaded next). */
  async deleteValuesAt(keys: ReportKey[]): Promise<void> {
    if (keys.length === 0) return;
    await sql`
      DELETE FROM aggregate_values v USING unnest(${keys.map((k) => k.state)}::text[], ${keys.map((k) => k.year)}::int[]) AS k(s, y)
      WHERE v.reporting_state = k.s::char(3) AND v.year = k.y`.execute(this.db);
  }

  async upsertAreaValues(rows: { area: string; areaCode: string | null; year: number; value: StoredValue }[]): Promise<void> {
    for (let k = 0; k < rows.length; k += CHUNK) {
      await this.db
        .insertInto('aggregate_area_values')
        .values(rows.slice(k, k + CHUNK).map((r) => ({ area: r.area, area_code: r.areaCode, year: r.year, ...toColumns(r.value) })))
        .onConflict((oc) =>
          oc.columns(['area', 'year', 'indicator', 'dimension', 'category', 'sex', 'age']).doUpdateSet((eb) => ({
            value_kind: eb.ref('excluded.value_kind'),
            count: eb.ref('excluded.count'),
            bound: eb.ref('excluded.bound'),
            external_id: eb.ref('excluded.external_id'),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
  }

  async listAreaValues(q: ValuesQuery & { area?: string }) {
    let query = this.db.selectFrom('aggregate_area_values').selectAll();
    if (q.area) query = query.where('area', '=', q.area);
    if (q.indicator) query = query.where('indicator', '=', q.indicator);
    if (q.dimension) query = query.where('dimension', '=', q.dimension);
    if (q.from !== undefined) query = query.where('year', '>=', q.from);
    if (q.to !== undefined) query = query.where('year', '<=', q.to);
    return query.orderBy('area').orderBy('year').orderBy('indicator').limit(50_000).execute();
  }

  // The GLOTIP name mapping -----------------------------------------------------------------------

  async insertDefaultMappings(rows: { name_key: string; name: string; kind: 'country' | 'area'; iso3: string | null }[]): Promise<void> {
    for (let k = 0; k < rows.length; k += CHUNK) {
      await this.db
        .insertInto('glotip_name_mappings')
        .values(rows.slice(k, k + CHUNK).map((r) => ({ ...r, source: 'default' as const })))
        .onConflict((oc) => oc.column('name_key').doNothing())
        .execute();
    }
  }

  async hasMappings(): Promise<boolean> {
    return !!(await this.db.selectFrom('glotip_name_mappings').select('name_key').where('source', '=', 'default').limit(1).executeTakeFirst());
  }

  async mappingsByKey(keys: string[]): Promise<Map<string, MappingRow>> {
    const out = new Map<string, MappingRow>();
    for (let k = 0; k < keys.length; k += CHUNK) {
      const rows = await this.db.selectFrom('glotip_name_mappings').selectAll().where('name_key', 'in', keys.slice(k, k + CHUNK)).execute();
      for (const r of rows) out.set(r.name_key, r);
    }
    return out;
  }

  listMappings(status: 'mapped' | 'unmapped' | 'all'): Promise<MappingRow[]> {
    let q = this.db.selectFrom('glotip_name_mappings').selectAll();
    if (status === 'mapped') q = q.where('kind', '!=', 'unmapped');
    if (status === 'unmapped') q = q.where('kind', '=', 'unmapped');
    return q.orderBy('kind', 'desc').orderBy('name').execute();
  }

  findMapping(key: string): Promise<MappingRow | undefined> {
    return this.db.selectFrom('glotip_name_mappings').selectAll().where('name_key', '=', key).executeTakeFirst();
  }

  async setMapping(row: { name_key: string; name: string; kind: 'country' | 'area'; iso3: string | null; updated_by: string }): Promise<void> {
    await this.db
      .insertInto('glotip_name_mappings')
      .values({ ...row, source: 'reviewed' })
      .onConflict((oc) => oc.column('name_key').doUpdateSet({ name: row.name, kind: row.kind, iso3: row.iso3, source: 'reviewed', updated_by: row.updated_by, updated_at: new Date() }))
      .execute();
  }

  /** Names an import met and could not map: listed for review (kept even when the import fails). */
  async recordUnmapped(names: { name_key: string; name: string; times: number }[]): Promise<void> {
    for (const n of names) {
      await this.db
        .insertInto('glotip_name_mappings')
        .values({ name_key: n.name_key, name: n.name, kind: 'unmapped', iso3: null, source: 'seen', times_seen: n.times })
        .onConflict((oc) => oc.column('name_key').doUpdateSet((eb) => ({ times_seen: eb('glotip_name_mappings.times_seen', '+', n.times), updated_at: new Date() })).where('glotip_name_mappings.kind', '=', 'unmapped'))
        .execute();
    }
  }
}
