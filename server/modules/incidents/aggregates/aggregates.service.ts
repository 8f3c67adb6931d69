// Aggregate reports: a State's counts per year, saved as versions (nothing overwritten), the
// submit → review workflow with its validation rules, summaries and the GLOTIP name mapping
// (the GLOTIP import writes through aggregates.import.ts). Every change is authorised here and
// audited in the same transaction.
import type { Actor, UserActor } from '../../../platform/access/actor.ts';
import { authorize, authorizeRecord, reach } from '../../../platform/access/policy.ts';
import { auditActorOf, type RequestContext } from '../../../platform/access/request-context.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { AggregatesRepository, type MappingRow, type ReportRow } from './aggregates.repository.ts';
import { toStoredValues, validateForSubmission } from './aggregates.rules.ts';
import type { AggregateCell, AggregateValue, MappingView, ReportHead, ReportView, StateValues, StoredCell, Summary, ValuesQuery } from './aggregates.schema.ts';
import type { StoredValue } from './aggregates.tables.ts';
import type { ReportStatus } from './aggregates.values.ts';
import { ensureDefaultMappings, nameKey } from './glotip-names.ts';

const ENTITY = 'aggregate_report';
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const what = (state: string, year: number) => `Aggregate report ${state}/${year}`;

export function valueOf(v: Pick<StoredValue, 'kind' | 'count' | 'bound'>): AggregateValue {
  if (v.kind === 'count') return { kind: 'count', count: v.count! };
  if (v.kind === 'suppressed') return { kind: 'suppressed', below: v.bound! };
  return { kind: 'unknown' };
}

export function presentCell(v: StoredValue): StoredCell {
  return { indicator: v.indicator, dimension: v.dimension, category: v.category, categoryKind: v.categoryKind, sex: v.sex, age: v.age, value: valueOf(v), externalId: v.externalId };
}

function head(r: ReportRow): ReportHead {
  return {
    reportingState: r.reporting_state,
    year: r.year,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    reviewedAt: iso(r.reviewed_at),
    reviewComments: r.review_comments,
    synthetic: r.is_demo,
  };
}

export class AggregatesService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // Reports ------------------------------------------------------------------------------------

  /** Creates the year's report or replaces its values with a new version (only while not under review). */
  async put(actor: Actor, state: string, year: number, cells: AggregateCell[], ctx: RequestContext): Promise<ReportView> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, year));
    return this.database.transaction(async (tx) => {
      const repo = new AggregatesRepository(tx.db);
      const { values, problems } = toStoredValues(cells, await repo.countryCodes());
      if (problems.length) throw new AppError('VALIDATION_FAILED', `The report has ${problems.length} problem(s)`, problems.map((p) => ({ ...p, field: `body.${p.field}` })));
      const current = await repo.findReport(state, year, { forUpdate: true });
      if (current?.status === 'submitted') throw new AppError('CONFLICT', `${what(state, year)} is submitted; it can be corrected after it is accepted or returned`);
      const version = (current?.version ?? 0) + 1;
      if (current) await repo.updateReport(state, year, { version, status: 'draft', submitted_at: null });
      else await repo.insertReport({ reporting_state: state, year, version, created_by: actor.userId });
      await repo.saveVersion(state, year, version, 'api', values, actor.userId);
      await recordAudit(tx.db, {
        action: current ? 'aggregate.update' : 'aggregate.create',
        actor: auditActorOf(actor),
        entityType: ENTITY,
        entityId: `${state}/${year}`,
        changes: { version: current ? { from: current.version, to: version } : version, status: current ? { from: current.status, to: 'draft' } : 'draft', values: values.length },
        request: ctx,
      });
      return { ...head((await repo.findReport(state, year))!), values: values.map(presentCell) };
    });
  }

  async report(actor: Actor, state: string, year: number): Promise<ReportView> {
    authorizeRecord(actor, 'state_reports.read', { countryIso3: state }, what(state, year));
    const repo = new AggregatesRepository(this.database.db);
    const row = await repo.findReport(state, year);
    if (!row) throw AppError.notFound(what(state, year));
    return { ...head(row), values: (await repo.currentValues(state, year)).map(presentCell) };
  }

  /** A State's reports and their current values, filtered by indicator, dimension and years. */
  async stateValues(actor: Actor, state: string, q: ValuesQuery): Promise<StateValues> {
    authorizeRecord(actor, 'state_reports.read', { countryIso3: state }, `Aggregate reports of ${state}`);
    const repo = new AggregatesRepository(this.database.db);
    const reports = await repo.listReports({ state, from: q.from, to: q.to });
    const values = await repo.values(state, q);
    return { reportingState: state, reports: reports.map(head), values: values.map((v) => ({ ...presentCell(v), year: v.year })) };
  }

  /** The reports the actor may read (all for the Coordinator; their State's for a focal point). */
  async list(actor: Actor, q: { state?: string | undefined; status?: ReportStatus | undefined }): Promise<ReportHead[]> {
    authorize(actor, 'state_reports.read');
    const r = reach(actor, 'state_reports.read');
    const rows = await new AggregatesRepository(this.database.db).listReports({ ...(r.all ? {} : { states: r.countries }), state: q.state, status: q.status });
    return rows.map(head);
  }

  async versions(actor: Actor, state: string, year: number) {
    authorizeRecord(actor, 'state_reports.read', { countryIso3: state }, what(state, year));
    const repo = new AggregatesRepository(this.database.db);
    if (!(await repo.findReport(state, year))) throw AppError.notFound(what(state, year));
    const rows = await repo.versions(state, year);
    return { items: rows.map((v) => ({ version: v.version, source: v.source, createdAt: v.created_at.toISOString(), values: v.values.map(presentCell) })) };
  }

  /** Per indicator and year: the total and how many values were reported, suppressed or unknown. */
  async summary(actor: Actor, state: string, q: ValuesQuery): Promise<Summary> {
    const { values } = await this.stateValues(actor, state, { ...q, dimension: undefined });
    const groups = new Map<string, Summary['items'][number]>();
    for (const v of values) {
      if (q.dimension && v.dimension !== q.dimension && v.dimension !== 'total') continue;
      const k = `${v.indicator}|${v.year}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { indicator: v.indicator, year: v.year, total: null, values: 0, suppressed: 0, unknown: 0 }));
      g.values++;
      if (v.value.kind === 'suppressed') g.suppressed++;
      if (v.value.kind === 'unknown') g.unknown++;
      if (v.dimension === 'total' && v.sex === 'total' && v.age === 'total') g.total = v.value;
    }
    return { reportingState: state, items: [...groups.values()].sort((a, b) => a.indicator.localeCompare(b.indicator) || a.year - b.year) };
  }

  // Workflow -----------------------------------------------------------------------------------

  /** Runs the validation rules; submits when there is no problem, else refuses listing each. */
  async submit(actor: Actor, state: string, year: number, ctx: RequestContext): Promise<ReportView> {
    authorizeRecord(actor, 'state_reports.submit', { countryIso3: state }, what(state, year));
    return this.transition(actor, state, year, ['draft', 'returned'], 'submitted', ctx, (_row, values) => {
      const problems = validateForSubmission(values);
      if (problems.length) throw new AppError('VALIDATION_FAILED', `${what(state, year)} cannot be submitted: ${problems.length} problem(s)`, problems);
      return { submitted_at: this.now() };
    });
  }

  async accept(actor: Actor, state: string, year: number, ctx: RequestContext): Promise<ReportView> {
    authorizeRecord(actor, 'state_reports.review', { countryIso3: state }, what(state, year));
    return this.transition(actor, state, year, ['submitted'], 'accepted', ctx, () => ({ reviewed_at: this.now(), reviewed_by: actor.userId, review_comments: null }));
  }

  async returnToState(actor: Actor, state: string, year: number, comments: string, ctx: RequestContext): Promise<ReportView> {
    authorizeRecord(actor, 'state_reports.review', { countryIso3: state }, what(state, year));
    return this.transition(actor, state, year, ['submitted'], 'returned', ctx, () => ({ reviewed_at: this.now(), reviewed_by: actor.userId, review_comments: comments }), { comments });
  }

  private async transition(
    actor: UserActor,
    state: string,
    year: number,
    from: ReportStatus[],
    to: ReportStatus,
    ctx: RequestContext,
    apply: (row: ReportRow, values: StoredValue[]) => Partial<ReportRow>,
    extra: Record<string, unknown> = {},
  ): Promise<ReportView> {
    return this.database.transaction(async (tx) => {
      const repo = new AggregatesRepository(tx.db);
      const row = await repo.findReport(state, year, { forUpdate: true });
      if (!row) throw AppError.notFound(what(state, year));
      if (!from.includes(row.status)) throw new AppError('CONFLICT', `${what(state, year)} is ${row.status}; it must be ${from.join(' or ')} to become ${to}`);
      const values = await repo.currentValues(state, year);
      await repo.updateReport(state, year, { ...apply(row, values), status: to });
      await recordAudit(tx.db, {
        action: to === 'submitted' ? 'aggregate.submit' : to === 'accepted' ? 'aggregate.accept' : 'aggregate.return',
        actor: auditActorOf(actor),
        entityType: ENTITY,
        entityId: `${state}/${year}`,
        changes: { status: { from: row.status, to }, version: row.version, ...extra },
        request: ctx,
      });
      return { ...head((await repo.findReport(state, year))!), values: values.map(presentCell) };
    });
  }

  // Sub-regional figures -----------------------------------------------------------------------

  /** Sub-regional figures are not a State's: only readers who reach every State see them. */
  async areaValues(actor: Actor, q: ValuesQuery & { area?: string | undefined }) {
    authorize(actor, 'state_reports.read');
    if (!reach(actor, 'state_reports.read').all) throw new AppError('FORBIDDEN', 'Sub-regional figures are for the Coordinator');
    const rows = await new AggregatesRepository(this.database.db).listAreaValues(q);
    return { items: rows.map((r) => ({ ...presentCell({ indicator: r.indicator, dimension: r.dimension, category: r.category, categoryKind: r.category_kind, sex: r.sex, age: r.age, kind: r.value_kind, count: r.count, bound: r.bound, externalId: r.external_id }), area: r.area, areaCode: r.area_code, year: r.year })) };
  }

  // The GLOTIP name mapping ------------------------------------------------------------------------

  async mappings(actor: Actor, status: 'mapped' | 'unmapped' | 'all'): Promise<MappingView[]> {
    authorize(actor, 'state_reports.read');
    await this.database.transaction(async (tx) => ensureDefaultMappings(tx.db));
    const rows = await new AggregatesRepository(this.database.db).listMappings(status);
    return rows.map(presentMapping);
  }

  async setMapping(actor: Actor, input: { name: string; kind: 'country' | 'area'; iso3?: string | undefined }, ctx: RequestContext): Promise<MappingView> {
    authorize(actor, 'state_reports.review');
    return this.database.transaction(async (tx) => {
      await ensureDefaultMappings(tx.db);
      const repo = new AggregatesRepository(tx.db);
      const iso3 = input.kind === 'country' ? input.iso3! : null;
      if (iso3 && !(await repo.countryCodes()).has(iso3)) {
        throw new AppError('VALIDATION_FAILED', 'Unknown country', [{ field: 'body.iso3', value: iso3, reason: 'not an ISO 3166-1 alpha-3 code of a country' }]);
      }
      const key = nameKey(input.name);
      if (!key) throw new AppError('VALIDATION_FAILED', 'Empty name', [{ field: 'body.name', value: input.name, reason: 'has no letters or digits' }]);
      const before = await repo.findMapping(key);
      await repo.setMapping({ name_key: key, name: input.name, kind: input.kind, iso3, updated_by: actor.userId });
      await recordAudit(tx.db, {
        action: 'aggregate.mapping_set',
        actor: auditActorOf(actor),
        entityType: 'glotip_name_mapping',
        entityId: key,
        changes: { name: input.name, kind: { from: before?.kind ?? null, to: input.kind }, iso3: { from: before?.iso3 ?? null, to: iso3 } },
        request: ctx,
      });
      return presentMapping((await repo.findMapping(key))!);
    });
  }

  // Import (the write half; glotip.ts reads and checks the file) ------------------------------------

  /**
   * Writes imported values in one transaction: merged into each State's report for the year by
   * their key (the external id derives from it, so a re-import changes nothing), a new version
   * when anything changed. Any problem (scope, a report under review) means nothing is written.
   */
  /** Names an import could not map are kept for review even when the import itself fails. */
  async recordUnmappedNames(names: Map<string, number>): Promise<void> {
    if (names.size === 0) return;
    await this.database.transaction(async (tx) => {
      await ensureDefaultMappings(tx.db);
      await new AggregatesRepository(tx.db).recordUnmapped([...names].map(([name, times]) => ({ name_key: nameKey(name), name, times })));
    });
  }
}

function presentMapping(m: MappingRow): MappingView {
  return { name: m.name, kind: m.kind, iso3: m.iso3, source: m.source, timesSeen: m.times_seen, updatedAt: m.updated_at.toISOString() };
}

