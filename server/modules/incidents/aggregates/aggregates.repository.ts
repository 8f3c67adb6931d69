// All SQL of aggregate reports and the GLOTIP name mapping.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ValuesQuery } from './aggregates.schema.ts';
import type { AggregatesTables, StoredValue } from './aggregates.tables.ts';
import type { ReportStatus } from './aggregates.values.ts';

export type ReportRow = Selectable<AggregatesTables['aggregate_reports']>;
export type MappingRow = Selectable<AggregatesTables['glotip_name_mappings']>;
type ValueRow = Selectable<AggregatesTables['aggregate_values']>;

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

  // Sub-regional figures ---------------------------------------------------------------------

  async areaValues(area: string, year: number): Promise<StoredValue[]> {
    const rows = await this.db.selectFrom('aggregate_area_values').selectAll().where('area', '=', area).where('year', '=', year).execute();
    return rows.map(fromRow);
  }

  async upsertAreaValue(area: string, areaCode: string | null, year: number, v: StoredValue): Promise<void> {
    const cols = toColumns(v);
    await this.db
      .insertInto('aggregate_area_values')
      .values({ area, area_code: areaCode, year, ...cols })
      .onConflict((oc) =>
        oc.columns(['area', 'year', 'indicator', 'dimension', 'category', 'sex', 'age']).doUpdateSet({ value_kind: cols.value_kind, count: cols.count, bound: cols.bound, external_id: cols.external_id, updated_at: new Date() }),
      )
      .execute();
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
