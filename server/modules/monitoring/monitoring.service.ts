// Monitoring and transparency (para 6 of the resolution, second function): the reporting
// calendar the Coordinator sets, a scorecard per agency, a page per country, a map. Figures
// over activities come from ActivitiesStats (the activities module owns those tables);
// public readers see published activities only, drafts count for those who may see them.
import type { Actor } from '../../platform/access/actor.ts';
import { authorize, reach } from '../../platform/access/policy.ts';
import { auditActorOf } from '../../platform/access/request-context.ts';
import { recordAudit, type AuditRequestContext } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { DraftVisibility } from '../activities/activities.repository.ts';
import { pillars } from '../activities/activities.schema.ts';
import { ActivitiesStats, requiredFields, type OrganisationFigures } from '../activities/activities.stats.ts';
import { ReferenceService } from '../reference/reference.service.ts';
import type { Country } from '../reference/reference.schema.ts';
import { RegistryService } from '../registry/registry.service.ts';
import type { OrganisationType } from '../registry/registry.tables.ts';
import { TreatiesService } from '../treaties/treaties.service.ts';
import { MonitoringRepository, type RoundValues } from './monitoring.repository.ts';
import type { ActivityMap, CountryProfile, Round, RoundInput, RoundUpdate, Scorecard, ScorecardList, ScorecardListQuery } from './monitoring.schema.ts';

/** How many of a country's most recently updated activities its page lists. */
const LATEST_ACTIVITIES = 10;

type RoundRow = Awaited<ReturnType<MonitoringRepository['rounds']>>[number];
interface OrganisationName {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

function presentRound(r: RoundRow): Round {
  return { id: r.id, name: r.name, periodStart: r.period_start, periodEnd: r.period_end, dueDate: r.due_date, demo: r.is_demo, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() };
}

/** Problems with a round's dates, naming the request field. */
export function roundProblems(r: RoundValues): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.period_end < r.period_start) problems.push({ field: 'body.periodEnd', value: r.period_end, reason: `the period ends before it starts (${r.period_start})` });
  if (r.due_date < r.period_end) problems.push({ field: 'body.dueDate', value: r.due_date, reason: `the due date is before the end of the period (${r.period_end})` });
  return problems;
}

/**
 * A scorecard from an organisation's figures and the past rounds. A round counts for an
 * organisation once its due date has passed and only if the organisation had reported
 * before that date: nobody is late for a round that closed before they joined.
 */
export function scorecardOf(org: OrganisationName, f: OrganisationFigures | undefined, pastRounds: readonly RoundRow[], updated: Map<string, Set<string>>, withRounds: boolean): Scorecard {
  const activities = f?.activities ?? 0;
  const firstDay = f?.firstCreatedAt ? dayOf(f.firstCreatedAt) : null;
  const due = firstDay ? pastRounds.filter((r) => r.due_date >= firstDay) : [];
  const outcomes = due.map((r) => ({ roundId: r.id, name: r.name, periodEnd: r.period_end, dueDate: r.due_date, onTime: updated.get(r.id)?.has(org.id) ?? false }));
  const onTime = outcomes.filter((o) => o.onTime).length;
  return {
    organisation: org,
    activities,
    published: f?.published ?? 0,
    drafts: f?.drafts ?? 0,
    complete: {
      count: f?.complete ?? 0,
      share: ratio(f?.complete ?? 0, activities),
      byField: Object.fromEntries(requiredFields.map((field) => [field, { count: f?.fieldCounts[field] ?? 0, share: ratio(f?.fieldCounts[field] ?? 0, activities) }])) as Scorecard['complete']['byField'],
    },
    freshness: { medianDays: f?.medianDaysSinceUpdate ?? null, oldestDays: f?.oldestDaysSinceUpdate ?? null, lastUpdatedAt: f?.lastUpdatedAt?.toISOString() ?? null },
    mandate: { count: f?.linkedToMandate ?? 0, share: ratio(f?.linkedToMandate ?? 0, activities) },
    timeliness: { roundsDue: outcomes.length, onTime, share: ratio(onTime, outcomes.length), rounds: withRounds ? outcomes : [] },
  };
}

/** The value a scorecard is sorted by; null sorts last whatever the order. */
const sortValue: Record<ScorecardListQuery['sort'], (s: Scorecard) => number | string | null> = {
  name: (s) => s.organisation.name,
  activities: (s) => s.activities,
  complete: (s) => s.complete.share,
  freshness: (s) => s.freshness.medianDays,
  mandate: (s) => s.mandate.share,
  timeliness: (s) => s.timeliness.share,
};

export function sortScorecards(items: Scorecard[], sort: ScorecardListQuery['sort'], order: ScorecardListQuery['order']): Scorecard[] {
  const key = sortValue[sort];
  const direction = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y)) * direction;
    }
    return a.organisation.name.localeCompare(b.organisation.name);
  });
}

export class MonitoringService {
  private readonly reference: ReferenceService;
  private readonly registry: RegistryService;
  private readonly treaties: TreatiesService;

  constructor(
    private readonly database: Database,
    /** The clock, so tests can fix "today". */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.reference = new ReferenceService(database.db);
    this.registry = new RegistryService(database);
    this.treaties = new TreatiesService(database);
  }

  private get repo(): MonitoringRepository {
    return new MonitoringRepository(this.database.db);
  }

  private get stats(): ActivitiesStats {
    return new ActivitiesStats(this.database.db);
  }

  private drafts(actor: Actor): DraftVisibility {
    const r = reach(actor, 'activities.read_unpublished');
    return r.all ? { all: true } : { all: false, organisations: r.organisations };
  }

  // ---- Reporting calendar ----

  async rounds(): Promise<Round[]> {
    return (await this.repo.rounds()).map(presentRound);
  }

  async createRound(actor: Actor, input: RoundInput, request: AuditRequestContext): Promise<Round> {
    authorize(actor, 'monitoring.manage_calendar');
    const values: RoundValues = { name: input.name, period_start: input.periodStart, period_end: input.periodEnd, due_date: input.dueDate };
    const problems = roundProblems(values);
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The reporting round is not valid', problems);
    return this.database.transaction(async (tx) => {
      const repo = new MonitoringRepository(tx.db);
      if (await repo.roundNamed(values.name)) throw new AppError('CONFLICT', `A reporting round named "${values.name}" already exists`, [{ field: 'body.name', reason: 'already used' }]);
      const row = await repo.insertRound(values);
      await recordAudit(tx.db, { action: 'monitoring.round_create', actor: auditActorOf(actor), entityType: 'reporting_round', entityId: row.id, changes: { added: values }, request });
      return presentRound(row);
    });
  }

  async updateRound(actor: Actor, id: string, input: RoundUpdate, request: AuditRequestContext): Promise<Round> {
    authorize(actor, 'monitoring.manage_calendar');
    return this.database.transaction(async (tx) => {
      const repo = new MonitoringRepository(tx.db);
      const existing = await repo.findRoundForUpdate(id);
      if (!existing) throw AppError.notFound('Reporting round');
      const before: RoundValues = { name: existing.name, period_start: existing.period_start, period_end: existing.period_end, due_date: existing.due_date };
      const after: RoundValues = {
        name: input.name ?? before.name,
        period_start: input.periodStart ?? before.period_start,
        period_end: input.periodEnd ?? before.period_end,
        due_date: input.dueDate ?? before.due_date,
      };
      const problems = roundProblems(after);
      if (problems.length) throw new AppError('VALIDATION_FAILED', 'The reporting round is not valid', problems);
      if (after.name !== before.name) {
        const clash = await repo.roundNamed(after.name);
        if (clash && clash.id !== id) throw new AppError('CONFLICT', `A reporting round named "${after.name}" already exists`, [{ field: 'body.name', reason: 'already used' }]);
      }
      const changed = (Object.keys(after) as (keyof RoundValues)[]).filter((k) => after[k] !== before[k]);
      if (changed.length === 0) return presentRound(existing);
      const row = await repo.updateRound(id, after);
      await recordAudit(tx.db, {
        action: 'monitoring.round_update',
        actor: auditActorOf(actor),
        entityType: 'reporting_round',
        entityId: id,
        changes: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
        request,
      });
      return presentRound(row);
    });
  }

  // ---- Scorecards ----

  private async allOrganisations(): Promise<Map<string, OrganisationName>> {
    const byId = new Map<string, OrganisationName>();
    for (let offset = 0; ; offset += 1000) {
      const page = await this.registry.organisations({ limit: 1000, offset });
      for (const o of page.items) byId.set(o.id, { id: o.id, name: o.name, acronym: o.acronym, type: o.type });
      if (page.items.length < 1000) return byId;
    }
  }

  /** Rounds whose due date has passed, as of the service's clock. */
  private async pastRounds(asOf: Date): Promise<RoundRow[]> {
    const today = dayOf(asOf);
    return (await this.repo.rounds()).filter((r) => r.due_date < today);
  }

  /** Every organisation with at least one activity the reader may see, sorted as asked. */
  async scorecards(actor: Actor, query: ScorecardListQuery): Promise<ScorecardList> {
    const asOf = this.now();
    const drafts = this.drafts(actor);
    const [figures, rounds, organisations] = await Promise.all([this.stats.organisationFigures(drafts, asOf), this.pastRounds(asOf), this.allOrganisations()]);
    const updated = await this.stats.updatesInRounds(drafts, rounds.map((r) => ({ id: r.id, periodEnd: r.period_end, dueDate: r.due_date })));
    const items = figures.flatMap((f) => {
      const org = organisations.get(f.organisationId);
      return org ? [scorecardOf(org, f, rounds, updated, false)] : [];
    });
    return { asOf: asOf.toISOString(), requiredFields: [...requiredFields], items: sortScorecards(items, query.sort, query.order) };
  }

  /** One organisation's scorecard, with each past round; 404 for an unknown organisation. */
  async scorecard(actor: Actor, organisationId: string): Promise<Scorecard & { asOf: string; requiredFields: (typeof requiredFields)[number][] }> {
    const asOf = this.now();
    const drafts = this.drafts(actor);
    const org = await this.registry.organisation(organisationId);
    const [figures, rounds] = await Promise.all([this.stats.organisationFigures(drafts, asOf, organisationId), this.pastRounds(asOf)]);
    const updated = await this.stats.updatesInRounds(drafts, rounds.map((r) => ({ id: r.id, periodEnd: r.period_end, dueDate: r.due_date })), organisationId);
    const card = scorecardOf({ id: org.id, name: org.name, acronym: org.acronym, type: org.type }, figures[0], rounds, updated, true);
    return { ...card, asOf: asOf.toISOString(), requiredFields: [...requiredFields] };
  }

  // ---- Countries and the map ----

  private async knownCountry(iso3: string): Promise<Country> {
    const country = (await this.reference.countries()).find((c) => c.iso3 === iso3.toUpperCase());
    if (!country) throw new AppError('VALIDATION_FAILED', `Unknown country ${iso3}`, [{ field: 'params.iso3', value: iso3, reason: 'unknown country code' }]);
    return country;
  }

  /** A country's treaty status on every instrument and the activities there. */
  async country(actor: Actor, iso3: string): Promise<CountryProfile> {
    const country = await this.knownCountry(iso3);
    const [treaties, figures, organisations] = await Promise.all([this.treaties.country(country.iso3), this.stats.countryFigures(this.drafts(actor), country.iso2, LATEST_ACTIVITIES), this.allOrganisations()]);
    return {
      country: { iso3: country.iso3, iso2: country.iso2, numeric: country.numeric, names: country.names },
      treaties: treaties.instruments,
      activities: {
        total: figures.total,
        byPillar: figures.byPillar,
        byStatus: figures.byStatus,
        byOrganisation: figures.byOrganisation.map((o) => {
          const org = organisations.get(o.organisationId);
          return { organisationId: o.organisationId, name: org?.name ?? o.organisationId, acronym: org?.acronym ?? null, count: o.count };
        }),
        latest: figures.latest.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString() })),
      },
    };
  }

  /** Activities per country and pillar, for the map and its table. */
  async activityMap(actor: Actor): Promise<ActivityMap> {
    const [counts, countries] = await Promise.all([this.stats.countryPillarCounts(this.drafts(actor)), this.reference.countries()]);
    const byIso2 = new Map(countries.map((c) => [c.iso2, c]));
    const pillarCounts = new Map<string, Record<string, number>>();
    for (const row of counts.byPillar) pillarCounts.set(row.country, { ...pillarCounts.get(row.country), [row.pillar]: row.count });
    const items = counts.totals.flatMap((t) => {
      const c = byIso2.get(t.country);
      return c ? [{ countryIso3: c.iso3, numeric: c.numeric, names: c.names, total: t.count, byPillar: Object.fromEntries(pillars.map((p) => [p, pillarCounts.get(t.country)?.[p] ?? 0])) }] : [];
    });
    return { pillars: [...pillars], items: items.sort((a, b) => a.countryIso3.localeCompare(b.countryIso3)) };
  }
}
