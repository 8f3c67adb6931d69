// The write half of the GLOTIP import: a file's values merged into the States' aggregate
// reports (a new version for each report the file changes; nothing overwritten) and into the
// sub-regional figures, all or nothing. Planned with plain reads outside any transaction, then
// written in one transaction of set-based statements (COPY, one UPDATE, one DELETE) that first
// locks the reports and checks that none changed since they were read. On the embedded database,
// one session for everyone, the old way (a few statements per report, all in the transaction)
// held the session for 23 s with a 90,000-row file; see bench/RESULTS.md for this way.
import type { Actor } from '../../../platform/access/actor.ts';
import { can, reach } from '../../../platform/access/policy.ts';
import { auditActorOf } from '../../../platform/access/request-context.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Database } from '../../../platform/db/database.ts';
import { makeWayForOthers } from '../../../platform/db/make-way.ts';
import type { ImportProblem } from '../import/import-types.ts';
import { AggregatesRepository, reportKey, valueColumns, valueRow, type ReportKey, type ReportRow } from './aggregates.repository.ts';
import { cellKey } from './aggregates.rules.ts';
import type { StoredValue } from './aggregates.tables.ts';

/** One value read from an import file, with where it came from. */
export interface ImportCell {
  line: number;
  year: number;
  /** A State's report, or a sub-regional figure (an area, not a State). */
  reporter: { state: string } | { area: string; areaCode: string | null };
  value: StoredValue;
}

export interface ImportWrite {
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

type Importer = Actor | { kind: 'system' };

/** A report the file changes: what it was when read (null: new) and its next version's values. */
interface ReportChange extends ReportKey {
  line: number;
  seen: Pick<ReportRow, 'version' | 'status'> | null;
  values: StoredValue[];
}

export interface Plan extends ImportWrite {
  reports: ReportChange[];
  areaValues: { area: string; areaCode: string | null; year: number; value: StoredValue }[];
}

const sameValue = (a: StoredValue, b: StoredValue) => a.kind === b.kind && a.count === b.count && a.bound === b.bound && a.categoryKind === b.categoryKind;
const what = (state: string, year: number) => `Aggregate report ${state}/${year}`;

/** Writes an import's values: counts of what was created, updated, unchanged, or the problems (then nothing is written). */
export async function importAggregateValues(database: Database, importer: Importer, cells: ImportCell[], opts: { dryRun: boolean; source: string }): Promise<ImportWrite> {
  const refused = scopeProblems(importer, cells);
  if (refused.length) return { created: 0, updated: 0, unchanged: 0, problems: refused };
  const plan = await planImport(new AggregatesRepository(database.db), cells);
  if (plan.problems.length) return { created: 0, updated: 0, unchanged: 0, problems: plan.problems };
  if (opts.dryRun) return { created: plan.created, updated: plan.updated, unchanged: plan.unchanged, problems: [] };
  return writePlan(database, importer, plan, opts.source, cells.length);
}

/**
 * Writes a plan in one transaction, unless a report it changes was saved by someone else since
 * it was read (then nothing, and a problem per such report).
 */
export async function writePlan(database: Database, importer: Importer, plan: Plan, source: string, rows: number): Promise<ImportWrite> {
  const userId = importer.kind === 'user' ? importer.userId : null;
  const counts = { created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
  await makeWayForOthers(database);
  const stale = await database.transaction(async (tx) => {
    const repo = new AggregatesRepository(tx.db);
    const now = new Map((await repo.reportsAt(plan.reports, { forUpdate: true })).map((r) => [reportKey(r.reporting_state, r.year), r]));
    const changed = plan.reports.filter((r) => {
      const current = now.get(reportKey(r.state, r.year));
      return current?.version !== r.seen?.version || current?.status !== r.seen?.status;
    });
    if (changed.length) return changed;
    await repo.insertReports(plan.reports.filter((r) => !r.seen).map((r) => ({ reporting_state: r.state, year: r.year, version: 1, created_by: userId })));
    await repo.advanceReports(plan.reports.filter((r) => r.seen).map((r) => ({ state: r.state, year: r.year, version: r.seen!.version + 1 })));
    await tx.bulkLoad(
      { table: 'aggregate_report_versions', columns: ['reporting_state', 'year', 'version', 'source', 'values', 'created_by'] },
      plan.reports.map((r) => [r.state, r.year, (r.seen?.version ?? 0) + 1, source, JSON.stringify(r.values), userId]),
    );
    await repo.deleteValuesAt(plan.reports);
    await tx.bulkLoad({ table: 'aggregate_values', columns: valueColumns }, valuesOf(plan.reports));
    await repo.upsertAreaValues(plan.areaValues);
    await recordAudit(tx.db, {
      action: 'aggregate.import',
      actor: importer.kind === 'user' ? auditActorOf(importer) : null,
      entityType: 'aggregate_import',
      entityId: source,
      changes: { rows, ...counts, reports: plan.reports.map((r) => `${r.state}/${r.year}`).slice(0, 500) },
    });
    return [];
  });
  if (stale.length) {
    const problems = stale.map((r) => ({ line: r.line, column: 'Year', value: String(r.year), reason: `${what(r.state, r.year)} changed while the file was being imported; nothing was saved. Import the file again.` }));
    return { created: 0, updated: 0, unchanged: 0, problems };
  }
  return { ...counts, problems: [] };
}

function* valuesOf(reports: ReportChange[]): Generator<unknown[]> {
  for (const r of reports) for (const v of r.values) yield valueRow(r.state, r.year, v);
}

/** What the file does to each report and sub-regional figure, from plain reads (no locks). */
export async function planImport(repo: AggregatesRepository, cells: ImportCell[]): Promise<Plan> {
  const plan: Plan = { created: 0, updated: 0, unchanged: 0, problems: [], reports: [], areaValues: [] };
  const reports = new Map<string, { key: ReportKey; cells: ImportCell[] }>();
  const areas = new Map<string, { area: string; areaCode: string | null; year: number; cells: ImportCell[] }>();
  for (const c of cells) {
    if ('state' in c.reporter) {
      const k = reportKey(c.reporter.state, c.year);
      const group = reports.get(k) ?? { key: { state: c.reporter.state, year: c.year }, cells: [] };
      group.cells.push(c);
      reports.set(k, group);
    } else {
      const k = reportKey(c.reporter.area, c.year);
      const group = areas.get(k) ?? { area: c.reporter.area, areaCode: c.reporter.areaCode, year: c.year, cells: [] };
      group.cells.push(c);
      areas.set(k, group);
    }
  }

  const keys = [...reports.values()].map((g) => g.key);
  const existing = new Map((await repo.reportsAt(keys)).map((r) => [reportKey(r.reporting_state, r.year), r]));
  const currentValues = await repo.valuesAt(keys.filter((k) => existing.has(reportKey(k.state, k.year))));
  for (const [k, { key, cells: group }] of reports) {
    const current = existing.get(k);
    const merged = new Map((currentValues.get(k) ?? []).map((v) => [cellKey(v), v]));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const c of group) {
      const before = merged.get(cellKey(c.value));
      if (!before) counts.created++;
      else if (sameValue(before, c.value) && before.externalId === c.value.externalId) {
        counts.unchanged++;
        continue;
      } else counts.updated++;
      merged.set(cellKey(c.value), c.value);
    }
    plan.unchanged += counts.unchanged;
    if (counts.created + counts.updated === 0) continue;
    if (current?.status === 'submitted') {
      plan.problems.push({ line: group[0]!.line, column: 'Year', value: String(key.year), reason: `${what(key.state, key.year)} is submitted and under review; import corrections after it is accepted or returned` });
      continue;
    }
    plan.created += counts.created;
    plan.updated += counts.updated;
    plan.reports.push({ ...key, line: group[0]!.line, seen: current ? { version: current.version, status: current.status } : null, values: [...merged.values()] });
  }

  const stored = await repo.areaValuesAt([...areas.values()]);
  for (const [k, group] of areas) {
    const before = new Map((stored.get(k) ?? []).map((v) => [cellKey(v), v]));
    for (const c of group.cells) {
      const was = before.get(cellKey(c.value));
      if (was && sameValue(was, c.value)) {
        plan.unchanged++;
        continue;
      }
      if (was) plan.updated++;
      else plan.created++;
      plan.areaValues.push({ area: group.area, areaCode: group.areaCode, year: group.year, value: c.value });
    }
  }
  return plan;
}

/** The States (and sub-regional figures) this importer may not submit for. */
function scopeProblems(importer: Importer, cells: ImportCell[]): ImportProblem[] {
  if (importer.kind === 'system') return [];
  const problems: ImportProblem[] = [];
  const refused = new Set<string>();
  for (const c of cells) {
    if ('state' in c.reporter) {
      const state = c.reporter.state;
      if (refused.has(state) || can(importer, 'state_reports.submit', { countryIso3: state })) continue;
      refused.add(state);
      problems.push({ line: c.line, column: 'Iso3_code', value: state, reason: `you may not submit reports for ${state}` });
    } else if (!refused.has('*area') && !reach(importer, 'state_reports.submit').all) {
      refused.add('*area');
      problems.push({ line: c.line, column: 'Subregion', value: c.reporter.area, reason: 'sub-regional figures (no country) may be imported only by the Coordinator' });
    }
  }
  return problems;
}
