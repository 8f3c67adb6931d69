// Mandates: the decisions activities implement, paragraph by paragraph. The links themselves
// live in each activity's versioned document (document.mandateLinks); this service resolves
// them, answers coverage, and changes them only through ActivitiesService (which versions).
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import { auditActorOf } from '../../platform/access/request-context.ts';
import { recordAudit, type AuditRequestContext } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { ActivitiesService } from '../activities/activities.service.ts';
import { MandatesRepository, type ResolvedReference } from './mandates.repository.ts';
import type { Coverage, CreateMandateInput, LinkedActivity, Mandate, MandateList, UpdateMandateInput } from './mandates.schema.ts';
import type { MandateBody } from './mandates.tables.ts';

type MandateRow = NonNullable<Awaited<ReturnType<MandatesRepository['find']>>>;
type ParagraphRow = Awaited<ReturnType<MandatesRepository['paragraphs']>>[number];

/** How an activity refers to a paragraph, in the canonical spelling. */
export const referenceOf = (symbol: string, label: string) => `${symbol} para ${label}`;

/** Two paragraphs with the same label (after canonicalising) make the whole request invalid. */
function duplicateLabelProblems(paragraphs: { label: string }[]): { field: string; reason: string }[] {
  const first = new Map<string, number>();
  const problems: { field: string; reason: string }[] = [];
  paragraphs.forEach((p, i) => {
    const earlier = first.get(p.label);
    if (earlier === undefined) first.set(p.label, i);
    else problems.push({ field: `body.paragraphs[${i}].label`, reason: `duplicate label "${p.label}" (also paragraphs[${earlier}])` });
  });
  return problems;
}

function whyUnresolved(r: ResolvedReference): string {
  if (!r.key) return 'not of the form "<symbol> para <label>", e.g. "A/RES/61/180 para 6(b)"';
  const [symbol, label] = r.key.split(' para ');
  if (!r.mandate_known) return `no mandate with symbol ${symbol}`;
  return `${symbol} has no operative paragraph ${label}`;
}

export class MandatesService {
  private readonly activities: ActivitiesService;

  constructor(private readonly database: Database) {
    this.activities = new ActivitiesService(database);
  }

  private get repo(): MandatesRepository {
    return new MandatesRepository(this.database.db);
  }

  async list(actor: Actor, body?: MandateBody): Promise<MandateList> {
    const rows = await this.repo.list(body);
    const covered = await this.repo.coveredKeys(
      rows.flatMap((r) => r.keys ?? []),
      this.activities.draftVisibility(actor),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        symbol: r.symbol,
        body: r.body,
        adoptedOn: r.adopted_on,
        title: r.title,
        demonstrationSummaries: r.demonstration_summaries,
        paragraphs: (r.keys ?? []).length,
        covered: (r.keys ?? []).filter((k) => covered.has(k)).length,
      })),
    };
  }

  async get(id: string): Promise<Mandate> {
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound('Mandate');
    return present(row, await this.repo.paragraphs(id));
  }

  /** A mandate with, per paragraph, the activities the reader may see that implement it. */
  async coverage(actor: Actor, symbol: string, perParagraph: number): Promise<Coverage> {
    const row = await this.repo.findBySymbol(symbol);
    if (!row) throw AppError.notFound('Mandate');
    const paragraphs = await this.repo.paragraphs(row.id);
    const linked = await this.repo.linkedActivities(
      paragraphs.map((p) => p.ref_key),
      this.activities.draftVisibility(actor),
      perParagraph,
    );
    const byKey = new Map<string, { total: number; activities: LinkedActivity[] }>();
    for (const l of linked) {
      const entry = byKey.get(l.ref_key) ?? { total: l.total, activities: [] };
      entry.activities.push({ id: l.id, iatiIdentifier: l.iati_identifier, title: l.title, reportingOrgName: l.org_name, status: l.status, published: l.published });
      byKey.set(l.ref_key, entry);
    }
    const { paragraphs: plain, ...mandate } = present(row, paragraphs);
    const withActivities = plain.map((p, i) => ({ ...p, ...(byKey.get(paragraphs[i]!.ref_key) ?? { total: 0, activities: [] }) }));
    const covered = withActivities.filter((p) => p.total > 0).length;
    return { ...mandate, paragraphs: withActivities, covered, uncovered: withActivities.length - covered };
  }

  async create(actor: Actor, input: CreateMandateInput, request: AuditRequestContext): Promise<Mandate> {
    authorize(actor, 'mandates.manage');
    const problems = duplicateLabelProblems(input.paragraphs);
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'Paragraph labels must be unique within a mandate', problems);
    const id = await this.database.transaction(async (tx) => {
      const repo = new MandatesRepository(tx.db);
      if (await repo.findBySymbol(input.symbol)) throw new AppError('CONFLICT', `A mandate with symbol ${input.symbol} exists`, [{ field: 'body.symbol', reason: 'already registered' }]);
      const newId = await repo.insert(input.symbol, { body: input.body, adopted_on: input.adoptedOn, title: input.title, demonstration_summaries: input.demonstrationSummaries });
      await repo.replaceParagraphs(newId, input.symbol, input.paragraphs);
      await recordAudit(tx.db, {
        action: 'mandate.create',
        actor: auditActorOf(actor),
        entityType: 'mandate',
        entityId: newId,
        changes: { symbol: input.symbol, body: input.body, paragraphs: input.paragraphs.map((p) => p.label) },
        request,
      });
      return newId;
    });
    return this.get(id);
  }

  /**
   * Changes a mandate. Paragraphs, when given, replace the list; a paragraph that an activity
   * still refers to cannot be dropped (the activity's link would point at nothing).
   */
  async update(actor: Actor, id: string, input: UpdateMandateInput, request: AuditRequestContext): Promise<Mandate> {
    authorize(actor, 'mandates.manage');
    if (input.paragraphs) {
      const problems = duplicateLabelProblems(input.paragraphs);
      if (problems.length) throw new AppError('VALIDATION_FAILED', 'Paragraph labels must be unique within a mandate', problems);
    }
    await this.database.transaction(async (tx) => {
      const repo = new MandatesRepository(tx.db);
      const row = await repo.findForUpdate(id);
      if (!row) throw AppError.notFound('Mandate');
      const changes: Record<string, unknown> = {};
      const { paragraphs, ...fields } = input;
      const columns = {
        ...(fields.body !== undefined ? { body: fields.body } : {}),
        ...(fields.adoptedOn !== undefined ? { adopted_on: fields.adoptedOn } : {}),
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.demonstrationSummaries !== undefined ? { demonstration_summaries: fields.demonstrationSummaries } : {}),
      };
      Object.assign(changes, fields);
      if (paragraphs) {
        const before = await repo.paragraphs(id);
        const kept = new Set(paragraphs.map((p) => p.label));
        const dropped = before.filter((p) => !kept.has(p.label));
        const stillUsed = await repo.referencedKeys(dropped.map((p) => p.ref_key));
        const blocked = dropped.filter((p) => stillUsed.has(p.ref_key));
        if (blocked.length)
          throw new AppError(
            'CONFLICT',
            `Activities still implement paragraph${blocked.length > 1 ? 's' : ''} ${blocked.map((p) => p.label).join(', ')}; unlink them first`,
            blocked.map((p) => ({ field: 'body.paragraphs', reason: `paragraph ${p.label} is linked to activities` })),
          );
        await repo.replaceParagraphs(id, row.symbol, paragraphs, row.is_demo);
        changes.paragraphs = { before: before.map((p) => p.label), after: paragraphs.map((p) => p.label) };
      }
      if (Object.keys(columns).length || paragraphs) await repo.update(id, columns);
      await recordAudit(tx.db, { action: 'mandate.update', actor: auditActorOf(actor), entityType: 'mandate', entityId: id, changes, request });
    });
    return this.get(id);
  }

  /** Resolves references; throws 400 naming every one that does not name an existing paragraph. */
  async resolve(references: string[], field = 'body.references'): Promise<string[]> {
    const resolved = await this.repo.resolve(references);
    const unknown = resolved.filter((r) => !r.label || !r.symbol);
    if (unknown.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `Unknown mandate reference${unknown.length > 1 ? 's' : ''}: ${unknown.map((r) => `"${r.ref}"`).join(', ')}`,
        unknown.map((r) => ({ field: `${field}[${r.ord - 1}]`, reason: `"${r.ref}": ${whyUnresolved(r)}` })),
      );
    return [...new Set(resolved.map((r) => referenceOf(r.symbol!, r.label!)))];
  }

  /**
   * Replaces the paragraphs an activity implements. The references are checked here, then the
   * activity changes through ActivitiesService: its scope check, a new version, its audit event.
   */
  async setActivityLinks(actor: Actor, activityId: string, references: string[], request: AuditRequestContext) {
    const canonical = await this.resolve(references);
    const activity = await this.activities.update(actor, activityId, { mandateLinks: canonical }, request);
    return { activityId: activity.id, version: activity.version, references: activity.document.mandateLinks };
  }
}

function present(row: MandateRow, paragraphs: ParagraphRow[]): Mandate {
  return {
    id: row.id,
    symbol: row.symbol,
    body: row.body,
    adoptedOn: row.adopted_on,
    title: row.title,
    demonstrationSummaries: row.demonstration_summaries,
    demo: row.is_demo,
    paragraphs: paragraphs.map((p) => ({ label: p.label, position: p.position, summary: p.summary, reference: referenceOf(row.symbol, p.label) })),
    updatedAt: row.updated_at.toISOString(),
  };
}
