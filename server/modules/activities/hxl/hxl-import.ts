// Imports an HXL 3W CSV file: whole or not at all. Any bad cell rejects the file (a table is
// edited as one, unlike an IATI file of independent activities); re-importing the same file
// changes nothing, a changed row makes a new version of its activity.
import { can, authorize } from '../../../platform/access/policy.ts';
import { auditActorOf } from '../../../platform/access/request-context.ts';
import { recordAudit, type AuditRequestContext } from '../../../platform/audit/audit.service.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { ReferenceService } from '../../reference/reference.service.ts';
import { RegistryService } from '../../registry/registry.service.ts';
import { sameJson } from '../activities.diff.ts';
import { ActivitiesRepository } from '../activities.repository.ts';
import { ruleProblems } from '../activities.rules.ts';
import { activityDocumentSchema, type ActivityDocument, type ImportReport } from '../activities.schema.ts';
import { columnsOf, type Importer, type ImportOptions } from '../activities.service.ts';
import type { ImportSource } from '../iati/iati-parse.ts';
import { parseHxl } from './hxl-parse-file.ts';
import type { HxlRow } from './hxl-parse.ts';
import { documentFromRow } from './hxl-document.ts';

interface Planned {
  row: HxlRow;
  entry: ImportReport['activities'][number];
  organisationId: string;
}

export class HxlImporter {
  private readonly reference: ReferenceService;
  private readonly registry: RegistryService;

  constructor(private readonly database: Database) {
    this.reference = new ReferenceService(database.db);
    this.registry = new RegistryService(database);
  }

  async import(importer: Importer, source: ImportSource, options: ImportOptions, request: AuditRequestContext | null): Promise<ImportReport> {
    if (importer.kind !== 'system') authorize(importer, 'activities.manage');
    const countries = await this.reference.countries();
    const known = new Set(countries.map((c) => c.iso2));
    const parsed = await parseHxl(source, countries);
    const report: ImportReport = { dryRun: options.dryRun, activities: [], fileProblems: parsed.fileProblems, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } };

    let forced: string | null = null;
    if (options.asOrganisationId) {
      forced = (await this.registry.organisation(options.asOrganisationId).catch(() => null))?.id ?? null;
      if (!forced) throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [{ field: 'querystring.organisationId', reason: 'unknown organisation' }]);
      if (importer.kind !== 'system') authorize(importer, 'activities.manage', { organisationId: forced });
    }

    // Organisations are matched before any transaction: PGlite has one connection.
    const orgCache = new Map<string, string | null>();
    const planned: Planned[] = [];
    for (const row of parsed.rows) {
      const entry: ImportReport['activities'][number] = { index: row.index, iatiIdentifier: row.identifier, outcome: 'rejected', activityId: null, problems: [...row.problems] };
      report.activities.push(entry);
      const names = Object.values(row.org.name);
      const key = JSON.stringify([row.org.ref, names]);
      if (!forced && !orgCache.has(key)) {
        const matched = (await this.registry.matchIatiOrganisation(row.org.ref, names))?.id ?? (row.org.ref ? await new ActivitiesRepository(this.database.db).organisationOfReportingRef(row.org.ref) : null);
        orgCache.set(key, matched);
      }
      const organisationId = forced ?? orgCache.get(key) ?? null;
      if (!organisationId) {
        entry.problems.push({ severity: 'error', path: `line ${row.line} (#org)`, reason: `value "${row.org.ref ?? names[0] ?? ''}": no organisation in the registry has this IATI identifier, name or acronym` });
        continue;
      }
      if (importer.kind !== 'system' && !can(importer, 'activities.manage', { organisationId })) {
        entry.problems.push({ severity: 'error', path: `line ${row.line} (#org)`, reason: `value "${row.org.ref ?? names[0] ?? ''}": you may not report activities for this organisation` });
        continue;
      }
      planned.push({ row, entry, organisationId });
    }

    /** Works out every row's new document against the database; writes when `write`. */
    const apply = async (repo: ActivitiesRepository, write: boolean): Promise<boolean> => {
      const existing = new Map((await repo.findByIdentifiers(planned.map((p) => p.row.identifier))).map((r) => [r.iati_identifier, r]));
      const writes: (() => Promise<void>)[] = [];
      const created: { p: Planned; doc: ActivityDocument }[] = [];
      const changedBy = importer.kind === 'user' ? importer.userId : null;
      for (const p of planned) {
        const { row, entry } = p;
        const old = existing.get(row.identifier);
        if (old && old.reporting_org_id !== p.organisationId) {
          entry.problems.push({ severity: 'error', path: `line ${row.line} (#activity+code)`, reason: `value "${row.identifier}": this activity belongs to another organisation` });
          continue;
        }
        let doc = documentFor(row, old?.document ?? null, p.organisationId);
        const checked = activityDocumentSchema.safeParse(doc);
        if (!checked.success) {
          for (const issue of checked.error.issues) entry.problems.push({ severity: 'error', path: `line ${row.line} (${issue.path.join('.')})`, reason: issue.message });
          continue;
        }
        doc = checked.data;
        const rules = ruleProblems(doc, (c) => known.has(c));
        for (const r of rules) entry.problems.push({ severity: 'error', path: `line ${row.line} (${r.path})`, reason: r.reason });
        if (rules.length || entry.problems.some((x) => x.severity !== 'warning')) continue;
        if (!old) {
          entry.outcome = 'created';
          created.push({ p, doc });
        } else if (sameJson(old.document, doc)) {
          entry.outcome = 'unchanged';
          entry.activityId = old.id;
        } else {
          entry.outcome = 'updated';
          entry.activityId = old.id;
          const final = doc;
          writes.push(async () => {
            await repo.update(old.id, columnsOf(final, p.organisationId, old.published), old.version + 1);
            await repo.insertVersion({ activityId: old.id, version: old.version + 1, document: final, published: old.published, source: 'import', changedBy });
          });
        }
      }
      const failed = report.fileProblems.some((x) => x.severity !== 'warning') || report.activities.some((a) => a.problems.some((x) => x.severity !== 'warning'));
      if (failed || !write) return failed;
      for (const w of writes) await w();
      if (created.length) {
        // A 3W table is published information: what it holds is public, as with an IATI file.
        const ids = await repo.insertMany(
          created.map(({ p, doc }) => columnsOf(doc, p.organisationId, true)),
          { changedBy, source: 'import' },
        );
        for (const { p } of created) p.entry.activityId = ids.get(p.row.identifier) ?? null;
      }
      return false;
    };

    let failed: boolean;
    if (options.dryRun) failed = await apply(new ActivitiesRepository(this.database.db), false);
    else {
      failed = await this.database.transaction(async (tx) => {
        const f = await apply(new ActivitiesRepository(tx.db, tx), true);
        const touched = report.activities.filter((a) => a.outcome === 'created' || a.outcome === 'updated');
        if (!f && touched.length) {
          await recordAudit(tx.db, {
            action: 'activity.import',
            actor: importer.kind === 'user' ? auditActorOf(importer) : null,
            entityType: 'activity',
            changes: {
              format: 'hxl',
              created: touched.filter((a) => a.outcome === 'created').length,
              updated: touched.filter((a) => a.outcome === 'updated').length,
              identifiers: touched.slice(0, 100).map((a) => a.iatiIdentifier),
            },
            request,
          });
        }
        return f;
      });
    }
    if (failed) {
      const bad = report.activities.filter((a) => a.problems.some((x) => x.severity !== 'warning')).length;
      if (report.activities.length) {
        report.fileProblems.push({
          severity: 'critical',
          path: 'file',
          reason: `${bad} of ${report.activities.length} rows have errors${options.dryRun ? '' : ': nothing was imported'} (an HXL table is imported whole or not at all)`,
        });
      }
      for (const a of report.activities) {
        a.outcome = 'rejected';
        a.activityId = null;
      }
    }
    for (const a of report.activities) report.counts[a.outcome]++;
    return report;
  }
}

/** The row's document; a new activity names its organisation as the implementing one. */
function documentFor(row: HxlRow, existing: ActivityDocument | null, organisationId: string): ActivityDocument {
  const doc = documentFromRow(row, existing);
  if (!existing) for (const o of doc.participatingOrgs) o.organisationId = organisationId;
  return doc;
}
