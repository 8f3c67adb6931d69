// Synthetic aggregate reports: about forty States' counts for 2003-2025 with plausible shares
// by sex, age, form of exploitation and citizenship, small counts suppressed as `<5` (with a
// second cell suppressed so the first cannot be recovered from the total), and some unknown
// breakdowns. Every row is flagged `is_demo`; every report is marked synthetic in the API.
import type { DemoContributor } from '../../../platform/demo/demo.ts';
import type { Random } from '../../../platform/demo/random.ts';
import type { StoredValue } from './aggregates.tables.ts';
import type { Age, Dimension, Indicator, ReportStatus, Sex } from './aggregates.values.ts';

const demoStates = [
  'NGA', 'GHA', 'KEN', 'UGA', 'ETH', 'ZAF', 'EGY', 'MAR', 'SEN', 'CIV', 'BRA', 'ARG', 'MEX', 'COL',
  'PER', 'USA', 'CAN', 'GBR', 'FRA', 'DEU', 'ITA', 'ESP', 'NLD', 'POL', 'ROU', 'BGR', 'UKR', 'TUR',
  'IND', 'BGD', 'NPL', 'THA', 'VNM', 'PHL', 'IDN', 'CHN', 'JPN', 'AUS', 'ARE', 'MDA',
];
const FIRST = 2003;
const LAST = 2025;
const SUPPRESS_BELOW = 5;
const valueColumns = ['reporting_state', 'year', 'indicator', 'dimension', 'category', 'category_kind', 'sex', 'age', 'value_kind', 'count', 'bound', 'external_id', 'is_demo'] as const;

type Part = { category?: string; categoryKind?: StoredValue['categoryKind']; sex?: Sex; age?: Age; count: number | null };

/** Counts below the threshold become `<5`; when one part of a breakdown is suppressed, the next smallest is too. */
function cells(indicator: Indicator, dimension: Dimension, parts: Part[], complementary: boolean): StoredValue[] {
  const out = parts.map((p): StoredValue => {
    const base = { indicator, dimension, category: p.category ?? 'total', categoryKind: p.categoryKind ?? (dimension === 'total' ? 'total' : 'form'), sex: p.sex ?? 'total', age: p.age ?? 'total', externalId: null };
    if (p.count === null) return { ...base, kind: 'unknown', count: null, bound: null };
    if (p.count > 0 && p.count < SUPPRESS_BELOW) return { ...base, kind: 'suppressed', count: null, bound: SUPPRESS_BELOW };
    return { ...base, kind: 'count', count: p.count, bound: null };
  });
  if (complementary && out.filter((v) => v.kind === 'suppressed').length === 1) {
    const next = out.filter((v) => v.kind === 'count' && v.count! > 0).sort((a, b) => a.count! - b.count!)[0];
    if (next) Object.assign(next, { kind: 'suppressed', count: null, bound: SUPPRESS_BELOW });
  }
  return out;
}

/** Splits a total into parts by shares, the last part taking the rest (so parts add up). */
function split(total: number, shares: number[]): number[] {
  const parts = shares.slice(0, -1).map((s) => Math.round(total * s));
  const used = parts.reduce((a, b) => a + b, 0);
  return [...parts, Math.max(0, total - used)];
}

function yearValues(rng: Random, state: string, neighbour: string, detected: number, profile: { female: number; minors: number; sexual: number; labour: number; nationals: number }): StoredValue[] {
  const values: StoredValue[] = [];
  const T = detected;
  values.push(...cells('detected_victims', 'total', [{ count: T }], false));
  const unknownSex = rng.chance(0.3) ? Math.round(T * 0.02) : 0;
  const [f, m] = split(T - unknownSex, [profile.female, 1 - profile.female]);
  values.push(...cells('detected_victims', 'total', [{ sex: 'female', count: f! }, { sex: 'male', count: m! }, { sex: 'unknown', count: unknownSex }], true));
  if (rng.chance(0.08)) {
    // Some years the age breakdown was not collected: unknown, not zero.
    values.push(...cells('detected_victims', 'total', [{ age: 'minor', count: null }, { age: 'adult', count: null }], false));
  } else {
    const [minor, adult] = split(T, [profile.minors, 1 - profile.minors]);
    values.push(...cells('detected_victims', 'total', [{ age: 'minor', count: minor! }, { age: 'adult', count: adult! }, { age: 'unknown', count: 0 }], true));
    const [fm] = split(minor!, [Math.min(0.95, profile.female + 0.05), 0]);
    values.push(...cells('detected_victims', 'total', [{ sex: 'female', age: 'minor', count: fm! }], false));
  }
  const [se, fl, other] = split(T, [profile.sexual, profile.labour, 1 - profile.sexual - profile.labour]);
  values.push(
    ...cells('detected_victims', 'form', [
      { category: 'sexual_exploitation', count: se! },
      { category: 'forced_labour', count: fl! },
      { category: 'other', count: other! },
    ], true),
  );
  const [own, near, rest] = split(T, [profile.nationals, (1 - profile.nationals) * 0.6, 0]);
  values.push(
    ...cells('detected_victims', 'citizenship', [
      { category: state, categoryKind: 'country', count: own! },
      { category: neighbour, categoryKind: 'country', count: near! },
      { category: 'Other countries', categoryKind: 'area', count: rest! },
    ], true),
  );
  const prosecuted = Math.round(T * (0.15 + rng.next() * 0.35));
  const convicted = Math.round(prosecuted * (0.25 + rng.next() * 0.45));
  values.push(...cells('prosecuted', 'total', [{ count: prosecuted }], false));
  const [pf, pm] = split(prosecuted, [0.3, 0.7]);
  values.push(...cells('prosecuted', 'total', [{ sex: 'female', count: pf! }, { sex: 'male', count: pm! }, { sex: 'unknown', count: 0 }], true));
  values.push(...cells('convicted', 'total', [{ count: rng.chance(0.05) ? null : convicted }], false));
  values.push(...cells('formal_contact', 'total', [{ count: Math.round(prosecuted * (1.2 + rng.next())) }], false));
  values.push(...cells('offences', 'total', [{ count: Math.round(T * (0.4 + rng.next() * 0.4)) }], false));
  return values;
}

export const aggregatesDemo: DemoContributor = {
  name: 'incident-aggregates',
  tables: ['aggregate_values', 'aggregate_report_versions', 'aggregate_reports'],
  async seed(tx, rng: Random) {
    const known = new Set((await tx.db.selectFrom('countries').select('iso3').execute()).map((c) => c.iso3));
    // The demo State focal point's State always has reports, so its pages show something.
    const focal = await tx.db.selectFrom('role_grants').select('country_iso3').where('role', '=', 'state_focal_point').where('is_demo', '=', true).execute();
    const states = [...new Set([...demoStates, ...focal.flatMap((g) => (g.country_iso3 ? [g.country_iso3] : []))])].filter((s) => known.has(s));
    const reports: { reporting_state: string; year: number; status: ReportStatus; version: number; submitted_at: Date | null; reviewed_at: Date | null; review_comments: string | null; is_demo: boolean }[] = [];
    const versions: { reporting_state: string; year: number; version: number; source: string; values: string; is_demo: boolean }[] = [];
    const rows: unknown[][] = [];
    for (const state of states) {
      const base = Math.round(Math.exp(3 + rng.next() * 4.5)); // about 20 to 1,800 victims a year
      const firstYear = rng.chance(0.6) ? FIRST : rng.int(FIRST + 1, 2014);
      const neighbour = rng.pick(states.filter((s) => s !== state));
      const profile = { female: 0.5 + rng.next() * 0.3, minors: 0.15 + rng.next() * 0.35, sexual: 0.3 + rng.next() * 0.35, labour: 0.2 + rng.next() * 0.25, nationals: 0.3 + rng.next() * 0.6 };
      for (let year = firstYear; year <= LAST; year++) {
        if (rng.chance(0.06)) continue; // a year not reported
        const growth = Math.min(1.8, 0.5 + (year - FIRST) * 0.06);
        const covid = year === 2020 ? 0.7 : year === 2021 ? 0.85 : 1;
        const detected = Math.max(0, Math.round(base * growth * covid * (0.8 + rng.next() * 0.4)));
        const values = yearValues(rng, state, neighbour, detected, profile);
        const returned = year === LAST - 1 && rng.chance(0.15);
        const status: ReportStatus = year < LAST - 1 ? 'accepted' : year === LAST - 1 ? (returned ? 'returned' : 'submitted') : 'draft';
        const day = new Date(Date.UTC(Math.min(year + 1, LAST), 5, 30));
        reports.push({
          reporting_state: state,
          year,
          status,
          version: 1,
          submitted_at: status === 'draft' ? null : day,
          reviewed_at: status === 'accepted' || status === 'returned' ? day : null,
          review_comments: returned ? 'Synthetic demonstration: please check the breakdown by citizenship.' : null,
          is_demo: true,
        });
        versions.push({ reporting_state: state, year, version: 1, source: 'demo', values: JSON.stringify(values), is_demo: true });
        for (const v of values) {
          rows.push([state, year, v.indicator, v.dimension, v.category, v.categoryKind, v.sex, v.age, v.kind, v.count, v.bound, null, true]);
        }
      }
    }
    for (let k = 0; k < reports.length; k += 500) await tx.db.insertInto('aggregate_reports').values(reports.slice(k, k + 500)).execute();
    for (let k = 0; k < versions.length; k += 200) await tx.db.insertInto('aggregate_report_versions').values(versions.slice(k, k + 200)).execute();
    // Some 25,000 values: COPY, not INSERT, so seeding stays quick on the embedded database.
    await tx.bulkLoad({ table: 'aggregate_values', columns: valueColumns }, rows);
  },
};
