// The activity register: rules, permission checks, versions and audit events. Every change
// of a document makes a new version in the same transaction as the change and its audit event.
import type { Actor } from '../../platform/access/actor.ts';
import { authorize, authorizeRecord, can, reach } from '../../platform/access/policy.ts';
import { auditActorOf } from '../../platform/access/request-context.ts';
import { recordAudit, type AuditRequestContext } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { ReferenceService } from '../reference/reference.service.ts';
import { RegistryService } from '../registry/registry.service.ts';
import { diffDocuments, sameJson } from './activities.diff.ts';
import { ActivitiesRepository, type ActivityColumns, type DraftVisibility } from './activities.repository.ts';
import { pillarsOf, ruleProblems } from './activities.rules.ts';
import {
  activityDocumentSchema,
  emptyDocument,
  type Activity,
  type ActivityDiff,
  type ActivityDocument,
  type ActivityListQuery,
  type ActivitySummary,
  type CreateActivityInput,
  type ImportReport,
  type Problem,
  type UpdateActivityInput,
} from './activities.schema.ts';
import type { ActivitySearchCsvQuery, ActivitySearchQuery, ActivitySearchResult } from './activities.search.schema.ts';
import { ActivitySearchService } from './activities.search.service.ts';
import { toIatiXml } from './iati/iati-export.ts';
import { parseIati, type ImportSource } from './iati/iati-parse.ts';

/** Who runs an import: a signed-in user (scope-checked) or the system (the command line). */
export type Importer = Actor | { kind: 'system' };

export interface ImportOptions {
  dryRun: boolean;
  /** Report every activity of the file as this organisation instead of matching reporting-org. */
  asOrganisationId?: string | undefined;
}

type ActivityRow = NonNullable<Awaited<ReturnType<ActivitiesRepository['find']>>>;

const iso = (d: Date) => d.toISOString();
const invalid = (problems: { path: string; reason: string }[], prefix = 'body') =>
  new AppError(
    'VALIDATION_FAILED',
    `The activity is not valid: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`,
    problems.map((p) => ({ field: `${prefix}.${p.path}`, reason: p.reason })),
  );

/** The indexed copies kept beside a document. */
export function columnsOf(doc: ActivityDocument, reportingOrgId: string, published: boolean): ActivityColumns {
  const { plannedStart, actualStart, plannedEnd, actualEnd } = doc.dates;
  return {
    iati_identifier: doc.iatiIdentifier,
    reporting_org_id: reportingOrgId,
    document: doc,
    title_text: Object.values(doc.title).join(' \u2016 '),
    status: doc.status,
    published,
    country_codes: [...new Set(doc.recipientCountries.map((c) => c.code))].sort(),
    pillars: pillarsOf(doc),
    start_date: actualStart ?? plannedStart,
    end_date: actualEnd ?? plannedEnd,
  };
}

export class ActivitiesService {
  private readonly reference: ReferenceService;
  private readonly registry: RegistryService;

  constructor(private readonly database: Database) {
    this.reference = new ReferenceService(database.db);
    this.registry = new RegistryService(database);
  }

  private get repo(): ActivitiesRepository {
    return new ActivitiesRepository(this.database.db);
  }

  /** ISO alpha-2 → alpha-3 for every country; read before a transaction (one connection on PGlite). */
  private async countryCodes(): Promise<Map<string, string>> {
    return new Map((await this.reference.countries()).map((c) => [c.iso2, c.iso3]));
  }

  /** Which drafts the actor may see besides published activities (also used by the mandates module). */
  draftVisibility(actor: Actor): DraftVisibility {
    const r = reach(actor, 'activities.read_unpublished');
    return r.all ? { all: true } : { all: false, organisations: r.organisations };
  }

  private canSeeDrafts(actor: Actor, row: { reporting_org_id: string }): boolean {
    return can(actor, 'activities.read_unpublished', { organisationId: row.reporting_org_id });
  }

  /** A row the actor may read: published, or a draft of an organisation in their reach; else 404. */
  private async visible(actor: Actor, id: string): Promise<ActivityRow> {
    const row = await this.repo.find(id);
    if (!row || (!row.published && !this.canSeeDrafts(actor, row))) throw AppError.notFound('Activity');
    return row;
  }

  async list(actor: Actor, query: ActivityListQuery): Promise<{ items: ActivitySummary[]; total: number }> {
    let countryIso2: string | undefined;
    if (query.country) {
      const code = query.country.toUpperCase();
      const codes = await this.countryCodes();
      countryIso2 = code.length === 2 ? code : [...codes].find(([, iso3]) => iso3 === code)?.[0];
      if (!countryIso2 || !codes.has(countryIso2)) throw new AppError('VALIDATION_FAILED', `Unknown country ${query.country}`, [{ field: 'querystring.country', reason: 'unknown country code' }]);
    }
    const { rows, total } = await this.repo.list({ ...query, countryIso2, organisationId: query.organisation }, this.draftVisibility(actor));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        iatiIdentifier: r.iati_identifier,
        reportingOrgId: r.reporting_org_id,
        title: r.title,
        status: r.status,
        published: r.published,
        countries: r.country_codes,
        pillars: r.pillars,
        startDate: r.start_date,
        endDate: r.end_date,
        version: r.version,
        updatedAt: iso(r.updated_at),
      })),
    };
  }

  /** Full-text search with filters (activities.search.service.ts); drafts as for the list. */
  search(actor: Actor, query: ActivitySearchQuery): Promise<ActivitySearchResult> {
    return new ActivitySearchService(this.database).search(this.draftVisibility(actor), query);
  }

  searchCsv(actor: Actor, query: ActivitySearchCsvQuery): Promise<string> {
    return new ActivitySearchService(this.database).csv(this.draftVisibility(actor), query);
  }

  async get(actor: Actor, id: string): Promise<Activity> {
    return present(await this.visible(actor, id));
  }

  async create(actor: Actor, input: CreateActivityInput, request: AuditRequestContext): Promise<Activity> {
    authorize(actor, 'activities.manage', { organisationId: input.reportingOrgId });
    const organisation = await this.registry.organisation(input.reportingOrgId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalid([{ path: 'reportingOrgId', reason: 'unknown organisation' }]);
      throw err;
    });
    const { reportingOrgId, published, ...fields } = input;
    const doc: ActivityDocument = {
      ...emptyDocument(input.iatiIdentifier),
      reportingOrg: { ref: organisation.iatiOrgId, type: null, name: { en: organisation.name } },
      ...fields,
    };
    await this.check(doc);
    await this.checkParticipants(doc.participatingOrgs, 'body.participatingOrgs');
    const id = await this.database.transaction(async (tx) => {
      const repo = new ActivitiesRepository(tx.db);
      if ((await repo.findByIdentifiers([doc.iatiIdentifier])).length) throw new AppError('CONFLICT', `An activity with IATI identifier ${doc.iatiIdentifier} exists`);
      const newId = await repo.insert(columnsOf(doc, reportingOrgId, published));
      await repo.insertVersion({ activityId: newId, version: 1, document: doc, published, source: 'api', changedBy: actor.userId });
      await recordAudit(tx.db, { action: 'activity.create', actor: auditActorOf(actor), entityType: 'activity', entityId: newId, changes: { iatiIdentifier: doc.iatiIdentifier, published }, request });
      return newId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateActivityInput, request: AuditRequestContext): Promise<Activity> {
    const existing = await this.repo.find(id);
    if (!existing) throw AppError.notFound('Activity');
    authorizeRecord(actor, 'activities.manage', { organisationId: existing.reporting_org_id }, 'Activity');
    const codes = await this.countryCodes();
    if (input.participatingOrgs) await this.checkParticipants(input.participatingOrgs, 'body.participatingOrgs');
    await this.database.transaction(async (tx) => {
      const repo = new ActivitiesRepository(tx.db);
      const row = (await repo.findForUpdate(id))!;
      const { published: nextPublished, ...fields } = input;
      const doc = this.validated({ ...row.document, ...fields }, codes);
      const published = nextPublished ?? row.published;
      if (sameJson(doc, row.document) && published === row.published) return;
      const version = row.version + 1;
      await repo.update(id, columnsOf(doc, row.reporting_org_id, published), version);
      await repo.insertVersion({ activityId: id, version, document: doc, published, source: 'api', changedBy: actor.userId });
      const changed = diffDocuments(row.document, doc).map((c) => c.path);
      if (published !== row.published) changed.push('published');
      await recordAudit(tx.db, { action: 'activity.update', actor: auditActorOf(actor), entityType: 'activity', entityId: id, changes: { version, fields: changed.slice(0, 100) }, request });
    });
    return this.get(actor, id);
  }

  /** Participating organisations given by id must be in the registry (read before any transaction). */
  private async checkParticipants(orgs: ActivityDocument['participatingOrgs'], field: string): Promise<void> {
    const unknown = await this.unknownOrganisations(orgs.flatMap((o) => (o.organisationId ? [o.organisationId] : [])));
    const problems = orgs.flatMap((o, i) => (o.organisationId && unknown.has(o.organisationId) ? [{ field: `${field}[${i}].organisationId`, reason: 'unknown organisation' }] : []));
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'Unknown participating organisation', problems);
  }

  private async unknownOrganisations(ids: string[]): Promise<Set<string>> {
    const unknown = new Set<string>();
    for (const id of new Set(ids)) {
      const found = await this.registry.organisation(id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
        throw err;
      });
      if (!found) unknown.add(id);
    }
    return unknown;
  }

  private async check(doc: ActivityDocument): Promise<void> {
    this.validated(doc, await this.countryCodes());
  }

  private validated(candidate: unknown, codes: Map<string, string>): ActivityDocument {
    const parsed = activityDocumentSchema.safeParse(candidate);
    if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), reason: i.message })));
    const problems = ruleProblems(parsed.data, (c) => codes.has(c));
    if (problems.length) throw invalid(problems);
    return parsed.data;
  }

  async history(actor: Actor, id: string) {
    const row = await this.visible(actor, id);
    const drafts = this.canSeeDrafts(actor, row);
    const versions = await this.repo.versions(id);
    return {
      items: versions
        .filter((v) => drafts || v.published)
        .map((v) => ({ version: v.version, published: v.published, source: v.source, changedBy: drafts ? v.changed_by : null, createdAt: iso(v.created_at) })),
    };
  }

  async diff(actor: Actor, id: string, from: number, to: number): Promise<ActivityDiff> {
    const row = await this.visible(actor, id);
    const drafts = this.canSeeDrafts(actor, row);
    const found = await this.repo.versionDocuments(id, [from, to]);
    const pick = (n: number, field: string) => {
      const v = found.find((f) => f.version === n);
      if (!v || (!v.published && !drafts)) throw new AppError('NOT_FOUND', `Version ${n} of this activity was not found`, [{ field: `querystring.${field}`, reason: 'no such version' }]);
      return v;
    };
    const a = pick(from, 'from');
    const b = pick(to, 'to');
    const changes = diffDocuments(a.document, b.document);
    if (a.published !== b.published) changes.push({ path: 'published', kind: 'changed', from: a.published, to: b.published });
    return { from, to, changes };
  }

  /** IATI 2.03 XML of the published activities (optionally of one reporting organisation). */
  async exportIati(organisationId?: string): Promise<string> {
    const rows = await this.repo.publishedDocuments(organisationId);
    return toIatiXml(rows.map((r) => ({ document: r.document, updatedAt: r.updated_at })));
  }

  /**
   * Imports an IATI activity file. Activities with critical problems are rejected, the others
   * commit together; an activity whose document did not change is left alone (idempotent).
   */
  async importIati(importer: Importer, xml: ImportSource, options: ImportOptions, request: AuditRequestContext | null): Promise<ImportReport> {
    if (importer.kind !== 'system') authorize(importer, 'activities.manage');
    const codes = await this.countryCodes();
    const parsed = await parseIati(xml, [...codes.keys()]);
    const report: ImportReport = { dryRun: options.dryRun, activities: [], fileProblems: parsed.fileProblems, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } };

    let forced: string | null = null;
    if (options.asOrganisationId) {
      forced = (await this.registry.organisation(options.asOrganisationId).catch(() => null))?.id ?? null;
      if (!forced) throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [{ field: 'querystring.organisationId', reason: 'unknown organisation' }]);
      if (importer.kind !== 'system') authorize(importer, 'activities.manage', { organisationId: forced });
    }

    // Reporting organisations are looked up before the transaction: PGlite has one connection.
    const orgCache = new Map<string, string | null>();
    const resolve = async (ref: string | null, names: string[]): Promise<string | null> => {
      if (forced) return forced;
      const key = JSON.stringify([ref, names]);
      if (!orgCache.has(key)) {
        const matched = (await this.registry.matchIatiOrganisation(ref, names))?.id ?? (ref ? await this.repo.organisationOfReportingRef(ref) : null);
        orgCache.set(key, matched);
      }
      return orgCache.get(key) ?? null;
    };

    interface Candidate {
      entry: ImportReport['activities'][number];
      document: ActivityDocument;
      organisationId: string;
    }
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const activity of parsed.activities) {
      const problems: Problem[] = [...activity.problems];
      const entry: ImportReport['activities'][number] = { index: activity.index, iatiIdentifier: activity.iatiIdentifier, outcome: 'rejected', activityId: null, problems };
      report.activities.push(entry);
      const path = `iati-activity[${activity.index}]`;
      const doc = activity.document;
      if (!doc) continue;
      if (seen.has(doc.iatiIdentifier)) {
        problems.push({ severity: 'critical', path: `${path}/iati-identifier`, reason: `${doc.iatiIdentifier} appears earlier in the file` });
        continue;
      }
      seen.add(doc.iatiIdentifier);
      const names = Object.values(doc.reportingOrg.name);
      const organisationId = await resolve(doc.reportingOrg.ref, names);
      if (!organisationId) {
        problems.push({ severity: 'critical', path: `${path}/reporting-org`, reason: `no organisation in the registry has IATI identifier "${doc.reportingOrg.ref ?? ''}" or the name "${names[0] ?? ''}"` });
        continue;
      }
      if (importer.kind !== 'system' && !can(importer, 'activities.manage', { organisationId })) {
        problems.push({ severity: 'critical', path: `${path}/reporting-org`, reason: 'you may not report activities for this organisation' });
        continue;
      }
      const unknownIds = await this.unknownOrganisations(doc.participatingOrgs.flatMap((o) => (o.organisationId ? [o.organisationId] : [])));
      doc.participatingOrgs.forEach((o, i) => {
        if (o.organisationId && unknownIds.has(o.organisationId)) {
          problems.push({ severity: 'warning', path: `${path} (participatingOrgs[${i}].organisationId)`, reason: 'no such organisation here; kept by ref and name only' });
          o.organisationId = null;
        }
      });
      for (const p of ruleProblems(doc, (c) => codes.has(c))) problems.push({ severity: 'critical', path: `${path} (${p.path})`, reason: p.reason });
      if (problems.some((p) => p.severity === 'critical')) continue;
      candidates.push({ entry, document: doc, organisationId });
    }

    const apply = async (repo: ActivitiesRepository, write: boolean) => {
      const existing = new Map((await repo.findByIdentifiers(candidates.map((c) => c.document.iatiIdentifier))).map((r) => [r.iati_identifier, r]));
      const changedBy = importer.kind === 'user' ? importer.userId : null;
      const created: Candidate[] = [];
      for (const c of candidates) {
        const old = existing.get(c.document.iatiIdentifier);
        if (old && old.reporting_org_id !== c.organisationId) {
          c.entry.problems.push({ severity: 'critical', path: `iati-activity[${c.entry.index}]/iati-identifier`, reason: 'this identifier belongs to an activity of another organisation' });
          continue;
        }
        if (!old) {
          c.entry.outcome = 'created';
          created.push(c);
        } else if (sameJson(old.document, c.document)) {
          c.entry.outcome = 'unchanged';
          c.entry.activityId = old.id;
        } else {
          c.entry.outcome = 'updated';
          c.entry.activityId = old.id;
          if (write) {
            await repo.update(old.id, columnsOf(c.document, c.organisationId, old.published), old.version + 1);
            await repo.insertVersion({ activityId: old.id, version: old.version + 1, document: c.document, published: old.published, source: 'import', changedBy });
          }
        }
      }
      if (write && created.length) {
        // An IATI file is a publication: what it holds is public.
        const ids = await repo.insertMany(
          created.map((c) => columnsOf(c.document, c.organisationId, true)),
          { changedBy, source: 'import' },
        );
        for (const c of created) c.entry.activityId = ids.get(c.document.iatiIdentifier) ?? null;
      }
    };

    if (options.dryRun) {
      await apply(this.repo, false);
    } else {
      await this.database.transaction(async (tx) => {
        await apply(new ActivitiesRepository(tx.db, tx), true);
        const touched = report.activities.filter((a) => a.outcome === 'created' || a.outcome === 'updated');
        if (touched.length) {
          await recordAudit(tx.db, {
            action: 'activity.import',
            actor: importer.kind === 'user' ? auditActorOf(importer) : null,
            entityType: 'activity',
            // Counts, and the first identifiers: a file may hold thousands.
            changes: {
              created: touched.filter((a) => a.outcome === 'created').length,
              updated: touched.filter((a) => a.outcome === 'updated').length,
              identifiers: touched.slice(0, 100).map((a) => a.iatiIdentifier),
            },
            request,
          });
        }
      });
    }
    for (const a of report.activities) report.counts[a.outcome]++;
    return report;
  }

  /** Inserts a whole activity with its first version (demonstration data, inside its transaction). */
  static async insertDemo(repo: ActivitiesRepository, doc: ActivityDocument, reportingOrgId: string, published: boolean): Promise<string> {
    const id = await repo.insert(columnsOf(doc, reportingOrgId, published), true);
    await repo.insertVersion({ activityId: id, version: 1, document: doc, published, source: 'demo', changedBy: null, isDemo: true });
    return id;
  }
}

function present(row: ActivityRow): Activity {
  return {
    id: row.id,
    reportingOrgId: row.reporting_org_id,
    published: row.published,
    version: row.version,
    demo: row.is_demo,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    document: row.document,
  };
}
