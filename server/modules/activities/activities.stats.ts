// Aggregate figures over the activity register for monitoring and transparency (para 6,
// second function): scorecards per organisation, a country's activities, the map. The
// activities module owns these tables, so every aggregate over them lives here; other
// modules call ActivitiesStats and never read the tables themselves.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DraftVisibility } from './activities.repository.ts';
import type { Narratives } from './activities.schema.ts';

/**
 * The fields an activity must have to count as complete, each with the SQL test of it.
 * Keep docs/monitoring.md in step: this list is the definition.
 */
export const requiredFields = ['title', 'description', 'status', 'dates', 'geography', 'pillar', 'budget', 'participatingOrg'] as const;
export type RequiredField = (typeof requiredFields)[number];

const nonEmptyObject = (path: string) => sql<SqlBool>`coalesce(document->${sql.lit(path)}, '{}'::jsonb) <> '{}'::jsonb`;
const nonEmptyArray = (path: string) => sql<SqlBool>`jsonb_array_length(coalesce(document->${sql.lit(path)}, '[]'::jsonb)) > 0`;
const recipients = sql`coalesce(document->'recipientCountries', '[]'::jsonb) || coalesce(document->'recipientRegions', '[]'::jsonb)`;

const requiredFieldChecks: Record<RequiredField, RawBuilder<SqlBool>> = {
  /** A title in at least one language. */
  title: nonEmptyObject('title'),
  /** A description in at least one language. */
  description: nonEmptyObject('description'),
  /** An IATI activity status (1 to 6); the table refuses anything else, so always true. */
  status: sql<SqlBool>`status between 1 and 6`,
  /** A start date and an end date, planned or actual. */
  dates: sql<SqlBool>`start_date is not null and end_date is not null`,
  /**
   * At least one recipient country or region, with percentages summing to 100 (IATI's rule
   * over countries and regions together); a single recipient may leave its percentage out.
   */
  geography: sql<SqlBool>`(
    jsonb_array_length(${recipients}) = 1 and coalesce((${recipients})->0->'percentage', 'null'::jsonb) in ('null'::jsonb, '100'::jsonb)
  ) or (
    jsonb_array_length(${recipients}) > 0
    and abs(100 - (select coalesce(sum((e->>'percentage')::numeric), 0) from jsonb_array_elements(${recipients}) e)) < 0.01
  )`,
  /** At least one of the anti-trafficking pillars (our sector vocabulary). */
  pillar: sql<SqlBool>`cardinality(pillars) > 0`,
  /** At least one budget. */
  budget: nonEmptyArray('budgets'),
  /** At least one participating organisation. */
  participatingOrg: nonEmptyArray('participatingOrgs'),
};

const complete = sql.join(
  requiredFields.map((f) => sql`(${requiredFieldChecks[f]})`),
  sql` and `,
);
const linkedToMandate = nonEmptyArray('mandateLinks');

export interface OrganisationFigures {
  organisationId: string;
  activities: number;
  published: number;
  drafts: number;
  complete: number;
  /** Activities having each required field. */
  fieldCounts: Record<RequiredField, number>;
  linkedToMandate: number;
  medianDaysSinceUpdate: number | null;
  oldestDaysSinceUpdate: number | null;
  lastUpdatedAt: Date | null;
  firstCreatedAt: Date | null;
}

/** A reporting round as the timeliness query needs it (dates as YYYY-MM-DD). */
export interface RoundWindow {
  id: string;
  periodEnd: string;
  dueDate: string;
}

export interface CountryFigures {
  byPillar: { pillar: string; count: number }[];
  byStatus: { status: number; count: number }[];
  byOrganisation: { organisationId: string; count: number }[];
  total: number;
  latest: { id: string; iatiIdentifier: string; reportingOrgId: string; title: Narratives; status: number; published: boolean; pillars: string[]; updatedAt: Date }[];
}

/** All aggregate SQL over the activities tables used outside the activities module. */
export class ActivitiesStats {
  constructor(private readonly db: Kysely<DB>) {}

  /** Published activities, plus the drafts the reader may see. */
  private visible(drafts: DraftVisibility, table = 'activities'): Expression<SqlBool> {
    const published = sql.ref(`${table}.published`);
    if (drafts.all) return sql<SqlBool>`true`;
    if (drafts.organisations.length === 0) return sql<SqlBool>`${published}`;
    return sql<SqlBool>`(${published} or ${sql.ref(`${table}.reporting_org_id`)} in (${sql.join(drafts.organisations)}))`;
  }

  /** Scorecard figures per reporting organisation (one organisation, or every one with a visible activity). */
  async organisationFigures(drafts: DraftVisibility, asOf: Date, organisationId?: string): Promise<OrganisationFigures[]> {
    const days = sql<number>`floor(extract(epoch from (${asOf.toISOString()}::timestamptz - updated_at)) / 86400)`;
    const fieldColumns = requiredFields.map((f) => sql`count(*) filter (where ${requiredFieldChecks[f]})::int`.as(`field_${f}`));
    let q = this.db
      .selectFrom('activities')
      .select([
        'reporting_org_id',
        sql<number>`count(*)::int`.as('activities'),
        sql<number>`count(*) filter (where published)::int`.as('published'),
        sql<number>`count(*) filter (where (${complete}))::int`.as('complete'),
        sql<number>`count(*) filter (where ${linkedToMandate})::int`.as('linked'),
        sql<number | null>`percentile_cont(0.5) within group (order by ${days})`.as('median_days'),
        sql<number | null>`max(${days})::int`.as('oldest_days'),
        sql<Date | null>`max(updated_at)`.as('last_updated_at'),
        sql<Date | null>`min(created_at)`.as('first_created_at'),
        ...fieldColumns,
      ])
      .where(this.visible(drafts))
      .groupBy('reporting_org_id');
    if (organisationId) q = q.where('reporting_org_id', '=', organisationId);
    const rows = (await q.execute()) as unknown as Record<string, unknown>[];
    return rows.map((r) => ({
      organisationId: r.reporting_org_id as string,
      activities: r.activities as number,
      published: r.published as number,
      drafts: (r.activities as number) - (r.published as number),
      complete: r.complete as number,
      fieldCounts: Object.fromEntries(requiredFields.map((f) => [f, r[`field_${f}`] as number])) as Record<RequiredField, number>,
      linkedToMandate: r.linked as number,
      medianDaysSinceUpdate: r.median_days === null ? null : Number(r.median_days),
      oldestDaysSinceUpdate: r.oldest_days === null ? null : Number(r.oldest_days),
      lastUpdatedAt: (r.last_updated_at as Date | null) ?? null,
      firstCreatedAt: (r.first_created_at as Date | null) ?? null,
    }));
  }

  /**
   * For each round, the organisations that recorded a version of one of their (visible)
   * activities between the end of the period and the due date, both days included (UTC).
   */
  async updatesInRounds(drafts: DraftVisibility, rounds: readonly RoundWindow[], organisationId?: string): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>(rounds.map((r) => [r.id, new Set<string>()]));
    if (rounds.length === 0) return result;
    const ids = rounds.map((r) => r.id);
    const ends = rounds.map((r) => r.periodEnd);
    const dues = rounds.map((r) => r.dueDate);
    const rows = await sql<{ round_id: string; reporting_org_id: string }>`
      select distinct r.round_id, a.reporting_org_id
      from unnest(${ids}::text[], ${ends}::date[], ${dues}::date[]) as r(round_id, period_end, due_date)
      join activity_versions v
        on v.created_at >= (r.period_end::timestamp at time zone 'UTC')
       and v.created_at < ((r.due_date + 1)::timestamp at time zone 'UTC')
      join activities a on a.id = v.activity_id
      where ${this.visible(drafts, 'a')} ${organisationId ? sql`and a.reporting_org_id = ${organisationId}` : sql``}
    `.execute(this.db);
    for (const row of rows.rows) result.get(row.round_id)?.add(row.reporting_org_id);
    return result;
  }

  /** Activities in one country (ISO alpha-2): counts by pillar, status and organisation, and the latest ones. */
  async countryFigures(drafts: DraftVisibility, iso2: string, latestLimit: number): Promise<CountryFigures> {
    const inCountry = sql<SqlBool>`country_codes @> ARRAY[${iso2}]::text[]`;
    const base = () => this.db.selectFrom('activities').where(this.visible(drafts)).where(inCountry);
    const [byPillar, byStatus, byOrganisation, latest] = await Promise.all([
      sql<{ pillar: string; count: number }>`
        select p as pillar, count(*)::int as count
        from activities, unnest(pillars) as p
        where ${this.visible(drafts)} and ${inCountry}
        group by p order by p`.execute(this.db),
      base().select(['status', sql<number>`count(*)::int`.as('count')]).groupBy('status').orderBy('status').execute(),
      base().select(['reporting_org_id', sql<number>`count(*)::int`.as('count')]).groupBy('reporting_org_id').orderBy(sql`count(*)`, 'desc').orderBy('reporting_org_id').execute(),
      base()
        .select(['id', 'iati_identifier', 'reporting_org_id', 'status', 'published', 'pillars', 'updated_at', sql<Narratives>`document->'title'`.as('title')])
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(latestLimit)
        .execute(),
    ]);
    return {
      byPillar: byPillar.rows,
      byStatus: byStatus.map((r) => ({ status: r.status, count: r.count })),
      byOrganisation: byOrganisation.map((r) => ({ organisationId: r.reporting_org_id, count: r.count })),
      total: byStatus.reduce((s, r) => s + r.count, 0),
      latest: latest.map((r) => ({ id: r.id, iatiIdentifier: r.iati_identifier, reportingOrgId: r.reporting_org_id, title: r.title, status: r.status, published: r.published, pillars: r.pillars, updatedAt: r.updated_at })),
    };
  }

  /** Activities per recipient country (ISO alpha-2): in all, and per pillar. */
  async countryPillarCounts(drafts: DraftVisibility): Promise<{ totals: { country: string; count: number }[]; byPillar: { country: string; pillar: string; count: number }[] }> {
    const [totals, byPillar] = await Promise.all([
      sql<{ country: string; count: number }>`
        select c as country, count(*)::int as count
        from activities, unnest(country_codes) as c
        where ${this.visible(drafts)}
        group by c order by c`.execute(this.db),
      sql<{ country: string; pillar: string; count: number }>`
        select c as country, p as pillar, count(*)::int as count
        from activities, unnest(country_codes) as c, unnest(pillars) as p
        where ${this.visible(drafts)}
        group by c, p order by c, p`.execute(this.db),
    ]);
    return { totals: totals.rows, byPillar: byPillar.rows };
  }
}
