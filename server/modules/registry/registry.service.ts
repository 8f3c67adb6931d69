// The partnership's organisations: the canonical registry, its memberships and focal points.
// Every change is authorised here and audited in the same transaction.
import type { Actor } from '../../platform/access/actor.ts';
import { can, authorize } from '../../platform/access/policy.ts';
import { auditActorOf } from '../../platform/access/request-context.ts';
import { recordAudit, type AuditRequestContext } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { ReferenceService } from '../reference/reference.service.ts';
import { RegistryRepository, type DuplicateCandidate, type MembershipRow, type OrganisationRow, type OrganisationValues } from './registry.repository.ts';
import type {
  AddMembershipInput,
  CreateOrganisationInput,
  EndMembershipInput,
  FocalPoint,
  Membership,
  Organisation,
  OrganisationDetail,
  OrganisationListQuery,
  UpdateOrganisationInput,
} from './registry.schema.ts';
import type { OrganisationType, PartialLanguageNames } from './registry.tables.ts';

const invalid = (field: string, reason: string, value?: unknown) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field: `body.${field}`, reason, ...(value === undefined ? {} : { value }) }]);

/** True for PostgreSQL's unique_violation on the given constraint or index. */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === '23505' && e.constraint === constraint;
}

const today = () => new Date().toISOString().slice(0, 10);
const present = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
const compact = (names: PartialLanguageNames | undefined): PartialLanguageNames =>
  Object.fromEntries(Object.entries(names ?? {}).filter(([, v]) => typeof v === 'string' && v.length > 0));

/** The partnership's organisations. */
export class RegistryService {
  constructor(private readonly database: Database) {}

  private get repo(): RegistryRepository {
    return new RegistryRepository(this.database.db);
  }

  async organisations(filter: OrganisationListQuery): Promise<{ items: Organisation[]; total: number }> {
    const where = { type: filter.type, countryIso3: filter.country, q: filter.q, member: filter.member };
    const [rows, total] = await Promise.all([this.repo.listOrganisations({ ...where, limit: filter.limit, offset: filter.offset }), this.repo.countOrganisations(where)]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        type: r.type,
        name: r.name,
        acronym: r.acronym,
        countryIso3: r.country_iso3,
        parentId: r.parent_id,
        iatiOrgId: r.iati_org_id,
        members: { globalPartnership: r.gp_member, iawg: r.iawg_member },
        demo: r.is_demo,
      })),
      total,
    };
  }

  async countsByType(): Promise<{ type: OrganisationType; count: number }[]> {
    return this.repo.countByType();
  }

  async organisation(id: string): Promise<OrganisationDetail> {
    return detail(this.repo, id);
  }

  /** The organisation an IATI reporting-org names: by IATI organisation identifier, else by exact name or acronym. */
  async matchIatiOrganisation(ref: string | null, names: string[]): Promise<{ id: string; name: string } | null> {
    const byRef = ref ? await this.repo.findByIatiOrgId(ref) : undefined;
    if (byRef) return byRef;
    for (const name of names) {
      const wanted = name.trim().toLowerCase();
      const { items } = await this.organisations({ q: name, limit: 50, offset: 0 });
      const exact = items.find((o) => o.name.toLowerCase() === wanted || o.acronym?.toLowerCase() === wanted);
      if (exact) return { id: exact.id, name: exact.name };
    }
    return null;
  }

  /** Creates an organisation; answers CONFLICT with the look-alikes unless `confirmDuplicate`. */
  async create(actor: Actor, input: CreateOrganisationInput, request: AuditRequestContext): Promise<OrganisationDetail> {
    authorize(actor, 'organisations.manage');
    const values: OrganisationValues = {
      type: input.type,
      name: input.name,
      acronym: input.acronym ?? null,
      names: { en: input.name, ...compact(input.names) },
      acronyms: compact({ ...(input.acronym ? { en: input.acronym } : {}), ...input.acronyms }),
      aliases: [...new Set(input.aliases ?? [])],
      iati_org_id: input.iatiOrgId ?? null,
      country_iso3: input.countryIso3 ?? null,
      parent_id: input.parentId ?? null,
      website: input.website ?? null,
    };
    return this.database
      .transaction(async (tx) => {
        const repo = new RegistryRepository(tx.db);
        await checkReferences(tx.db, repo, values, null);
        if (!input.confirmDuplicate) await refuseLookAlikes(repo, values, null);
        const id = await repo.insertOrganisation(values);
        await recordAudit(tx.db, { action: 'organisation.create', actor: auditActorOf(actor), entityType: 'organisation', entityId: id, changes: values, request });
        return detail(repo, id);
      })
      .catch(iatiConflict);
  }

  /** Changes some fields; a changed name, acronym or alias is checked for look-alikes again. */
  async update(actor: Actor, id: string, input: UpdateOrganisationInput, request: AuditRequestContext): Promise<OrganisationDetail> {
    authorize(actor, 'organisations.manage');
    return this.database
      .transaction(async (tx) => {
        const repo = new RegistryRepository(tx.db);
        const before = await repo.findOrganisationForUpdate(id);
        if (!before) throw AppError.notFound('Organisation');
        const old = valuesOf(before);
        const next: OrganisationValues = {
          type: present(input.type, old.type),
          name: present(input.name, old.name),
          acronym: present(input.acronym, old.acronym),
          names: input.names ? compact(input.names) : old.names,
          acronyms: input.acronyms ? compact(input.acronyms) : old.acronyms,
          aliases: input.aliases ? [...new Set(input.aliases)] : old.aliases,
          iati_org_id: present(input.iatiOrgId, old.iati_org_id),
          country_iso3: present(input.countryIso3, old.country_iso3),
          parent_id: present(input.parentId, old.parent_id),
          website: present(input.website, old.website),
        };
        // The display name is the English name unless an English name was given separately.
        if (input.name !== undefined && !input.names?.en) next.names = { ...next.names, en: input.name };
        if (input.acronym !== undefined && !input.acronyms?.en) {
          const { en: _old, ...others } = next.acronyms;
          next.acronyms = input.acronym === null ? others : { ...others, en: input.acronym };
        }
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of Object.keys(next) as (keyof OrganisationValues)[]) {
          if (JSON.stringify(old[key]) !== JSON.stringify(next[key])) changes[key] = { from: old[key], to: next[key] };
        }
        if (Object.keys(changes).length === 0) return detail(repo, id);
        await checkReferences(tx.db, repo, next, id);
        const renamed = ['name', 'acronym', 'names', 'acronyms', 'aliases'].some((k) => k in changes);
        if (renamed && !input.confirmDuplicate) await refuseLookAlikes(repo, next, id);
        const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof OrganisationValues]])) as Partial<OrganisationValues>;
        await repo.updateOrganisation(id, set);
        await recordAudit(tx.db, { action: 'organisation.update', actor: auditActorOf(actor), entityType: 'organisation', entityId: id, changes, request });
        return detail(repo, id);
      })
      .catch(iatiConflict);
  }

  /** Records that the organisation joined the Global Partnership or the IAWG. */
  async addMembership(actor: Actor, id: string, input: AddMembershipInput, request: AuditRequestContext): Promise<OrganisationDetail> {
    authorize(actor, 'organisations.manage');
    if (input.joinedOn > today()) throw invalid('joinedOn', 'must not be in the future', input.joinedOn);
    return this.database
      .transaction(async (tx) => {
        const repo = new RegistryRepository(tx.db);
        if (!(await repo.findOrganisationForUpdate(id))) throw AppError.notFound('Organisation');
        const overlapping = (await repo.listMemberships(id)).find((m) => m.body === input.body && (m.left_on === null || m.left_on >= input.joinedOn));
        if (overlapping) {
          throw new AppError('CONFLICT', overlapping.left_on === null ? 'The organisation is already a current member of this body' : 'This membership would overlap an earlier one', [
            { field: 'body.joinedOn', value: input.joinedOn, reason: `overlaps membership ${overlapping.id} (${overlapping.joined_on} to ${overlapping.left_on ?? 'now'})` },
          ]);
        }
        const membershipId = await repo.insertMembership({ organisation_id: id, body: input.body, joined_on: input.joinedOn, notes: input.notes ?? null });
        await recordAudit(tx.db, {
          action: 'organisation.membership_start',
          actor: auditActorOf(actor),
          entityType: 'organisation',
          entityId: id,
          changes: { membershipId, body: input.body, joinedOn: input.joinedOn, notes: input.notes ?? null },
          request,
        });
        return detail(repo, id);
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'organisation_memberships_current_key')) throw new AppError('CONFLICT', 'The organisation is already a current member of this body');
        throw err;
      });
  }

  /** Ends a current membership on the given date. */
  async endMembership(actor: Actor, id: string, membershipId: string, input: EndMembershipInput, request: AuditRequestContext): Promise<OrganisationDetail> {
    authorize(actor, 'organisations.manage');
    if (input.leftOn > today()) throw invalid('leftOn', 'must not be in the future', input.leftOn);
    return this.database.transaction(async (tx) => {
      const repo = new RegistryRepository(tx.db);
      const membership = await repo.findMembership(id, membershipId);
      if (!membership) throw AppError.notFound('Membership');
      if (membership.left_on !== null) throw new AppError('CONFLICT', `This membership already ended on ${membership.left_on}`);
      if (input.leftOn < membership.joined_on) throw invalid('leftOn', `must not be before the joining date ${membership.joined_on}`, input.leftOn);
      const notes = input.notes ?? membership.notes;
      await repo.endMembership(membershipId, input.leftOn, notes);
      await recordAudit(tx.db, {
        action: 'organisation.membership_end',
        actor: auditActorOf(actor),
        entityType: 'organisation',
        entityId: id,
        changes: { membershipId, body: membership.body, leftOn: input.leftOn },
        request,
      });
      return detail(repo, id);
    });
  }

  /**
   * The organisation's users (not suspended) with their roles. Personal data: visible to the
   * organisation's own users and to those who may read users (the secretariat).
   */
  async focalPoints(actor: Actor, id: string): Promise<FocalPoint[]> {
    authorize(actor, 'account.manage_own');
    if (actor.organisationId !== id && !can(actor, 'users.read')) throw new AppError('FORBIDDEN', "Only the organisation's own users and the secretariat see its focal points");
    if (!(await this.repo.findOrganisation(id))) throw AppError.notFound('Organisation');
    const rows = await this.repo.focalPoints(id);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, status: r.status === 'active' ? 'active' : 'invited', roles: r.roles, demo: r.is_demo }));
  }
}

function valuesOf(r: OrganisationRow): OrganisationValues {
  return {
    type: r.type,
    name: r.name,
    acronym: r.acronym,
    names: r.names,
    acronyms: r.acronyms,
    aliases: r.aliases,
    iati_org_id: r.iati_org_id,
    country_iso3: r.country_iso3,
    parent_id: r.parent_id,
    website: r.website,
  };
}

/** The country must exist, the parent must exist and not be the organisation or below it. */
async function checkReferences(db: ConstructorParameters<typeof ReferenceService>[0], repo: RegistryRepository, values: OrganisationValues, selfId: string | null): Promise<void> {
  if (values.country_iso3) {
    const known = await new ReferenceService(db).country(values.country_iso3).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
        throw err;
      },
    );
    if (!known) throw invalid('countryIso3', 'unknown country', values.country_iso3);
  }
  if (values.parent_id) {
    if (values.parent_id === selfId) throw invalid('parentId', 'an organisation cannot be its own parent', values.parent_id);
    if (!(await repo.findOrganisation(values.parent_id))) throw invalid('parentId', 'unknown organisation', values.parent_id);
    if (selfId && (await repo.ancestorIds(values.parent_id)).includes(selfId)) throw invalid('parentId', 'would make a cycle: that organisation is below this one', values.parent_id);
  }
  if (values.iati_org_id) {
    const holder = await repo.findByIatiOrgId(values.iati_org_id);
    if (holder && holder.id !== selfId) throw new AppError('CONFLICT', `The IATI identifier ${values.iati_org_id} belongs to ${holder.name}`, [{ field: 'body.iatiOrgId', value: values.iati_org_id, reason: `already used by organisation ${holder.id}` }]);
  }
}

async function refuseLookAlikes(repo: RegistryRepository, values: OrganisationValues, selfId: string | null): Promise<void> {
  const labels = [...new Set([values.name, ...Object.values(values.names), ...values.aliases].filter((s): s is string => !!s))];
  const acronyms = [...new Set([values.acronym, ...Object.values(values.acronyms)].filter((s): s is string => !!s))];
  const candidates = await repo.duplicateCandidates(labels, acronyms, selfId);
  if (candidates.length === 0) return;
  throw new AppError(
    'CONFLICT',
    `${candidates.length} existing organisation${candidates.length === 1 ? ' looks' : 's look'} like this one; send confirmDuplicate: true to save it anyway`,
    candidates.map(candidateDetail),
  );
}

function candidateDetail(c: DuplicateCandidate): ErrorDetail {
  const why = c.acronym_match ? `same acronym${c.score >= 0.5 ? ` and similar name (${c.score.toFixed(2)})` : ''}` : `similar name (similarity ${c.score.toFixed(2)})`;
  return {
    field: 'body.name',
    value: { id: c.id, name: c.name, acronym: c.acronym, type: c.type, countryIso3: c.country_iso3, similarity: Math.round(c.score * 100) / 100, acronymMatch: c.acronym_match },
    reason: `looks like "${c.name}"${c.acronym ? ` (${c.acronym})` : ''}: ${why}`,
  };
}

function iatiConflict(err: unknown): never {
  // Two administrators saving the same identifier at once: the second one loses here.
  if (isUniqueViolation(err, 'organisations_iati_org_id_key')) throw new AppError('CONFLICT', 'This IATI organisation identifier is already used', [{ field: 'body.iatiOrgId', reason: 'already used' }]);
  throw err;
}

function membershipView(m: MembershipRow): Membership {
  return { id: m.id, body: m.body, joinedOn: m.joined_on, leftOn: m.left_on, notes: m.notes, demo: m.is_demo };
}

async function detail(repo: RegistryRepository, id: string): Promise<OrganisationDetail> {
  const r = await repo.findOrganisation(id);
  if (!r) throw AppError.notFound('Organisation');
  const [memberships, parent] = await Promise.all([repo.listMemberships(id), r.parent_id ? repo.findOrganisation(r.parent_id) : undefined]);
  const current = (body: MembershipRow['body']) => memberships.some((m) => m.body === body && m.left_on === null);
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    acronym: r.acronym,
    countryIso3: r.country_iso3,
    parentId: r.parent_id,
    iatiOrgId: r.iati_org_id,
    members: { globalPartnership: current('global_partnership'), iawg: current('iawg') },
    demo: r.is_demo,
    names: r.names,
    acronyms: r.acronyms,
    aliases: r.aliases,
    website: r.website,
    parent: parent ? { id: parent.id, name: parent.name, acronym: parent.acronym } : null,
    memberships: memberships.map(membershipView),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
