import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { MembershipBody, OrganisationType, PartialLanguageNames, RegistryTables } from './registry.tables.ts';

export type OrganisationRow = Selectable<RegistryTables['organisations']>;
export type MembershipRow = Selectable<RegistryTables['organisation_memberships']>;

export interface OrganisationFilter {
  type?: OrganisationType | undefined;
  countryIso3?: string | undefined;
  q?: string | undefined;
  member?: MembershipBody | undefined;
  limit: number;
  offset: number;
}

export interface OrganisationValues {
  type: OrganisationType;
  name: string;
  acronym: string | null;
  names: PartialLanguageNames;
  acronyms: PartialLanguageNames;
  aliases: string[];
  iati_org_id: string | null;
  country_iso3: string | null;
  parent_id: string | null;
  website: string | null;
}

/** One existing organisation that looks like a new one. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  country_iso3: string | null;
  /** Best trigram similarity between any of their names/aliases and any of ours, 0 to 1. */
  score: number;
  acronym_match: boolean;
}

/** The threshold the registry warns at (pg_trgm similarity of normalised names). */
export const DUPLICATE_SIMILARITY = 0.5;

// Accent- and case-insensitive form used for every comparison; unaccent is not immutable, so
// it is applied at query time (organisations are hundreds, not millions).
const norm = (e: ReturnType<typeof sql>) => sql`lower(unaccent(${e}))`;
/** Every name an organisation goes by, as one text for search. */
const searchText = sql`lower(unaccent(concat_ws(' ', o.name, o.acronym, array_to_string(o.aliases, ' '), (SELECT string_agg(value, ' ') FROM jsonb_each_text(o.names)), (SELECT string_agg(value, ' ') FROM jsonb_each_text(o.acronyms)))))`;
const isMember = (body: MembershipBody) =>
  sql<boolean>`EXISTS (SELECT 1 FROM organisation_memberships m WHERE m.organisation_id = o.id AND m.body = ${body} AND m.left_on IS NULL)`;

/** All SQL of the registry module. */
export class RegistryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private filtered(filter: Omit<OrganisationFilter, 'limit' | 'offset'>) {
    let q = this.db.selectFrom('organisations as o');
    if (filter.type) q = q.where('o.type', '=', filter.type);
    if (filter.countryIso3) q = q.where('o.country_iso3', '=', filter.countryIso3);
    if (filter.member) q = q.where(isMember(filter.member));
    if (filter.q) {
      const needle = sql`lower(unaccent(${filter.q}))`;
      q = q.where(sql<boolean>`(strpos(${searchText}, ${needle}) > 0 OR word_similarity(${needle}, ${searchText}) >= 0.5)`);
    }
    return q;
  }

  async listOrganisations(filter: OrganisationFilter) {
    let q = this.filtered(filter).select([
      'o.id',
      'o.type',
      'o.name',
      'o.acronym',
      'o.country_iso3',
      'o.parent_id',
      'o.iati_org_id',
      'o.is_demo',
      isMember('global_partnership').as('gp_member'),
      isMember('iawg').as('iawg_member'),
    ]);
    if (filter.q) q = q.orderBy(sql`word_similarity(lower(unaccent(${filter.q})), ${searchText})`, 'desc');
    return q.orderBy('o.name').orderBy('o.id').limit(filter.limit).offset(filter.offset).execute();
  }

  async countOrganisations(filter: Omit<OrganisationFilter, 'limit' | 'offset'>): Promise<number> {
    const row = await this.filtered(filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  }

  countByType() {
    return this.db
      .selectFrom('organisations')
      .select(['type', sql<number>`count(*)::int`.as('count')])
      .groupBy('type')
      .orderBy('type')
      .execute();
  }

  findOrganisation(id: string): Promise<OrganisationRow | undefined> {
    return this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction (concurrent edits of one organisation queue). */
  findOrganisationForUpdate(id: string): Promise<OrganisationRow | undefined> {
    return this.db.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findByIatiOrgId(iatiOrgId: string) {
    return this.db.selectFrom('organisations').select(['id', 'name']).where('iati_org_id', '=', iatiOrgId).executeTakeFirst();
  }

  /** The chain of parents above an organisation, nearest first (stops at 50 to survive bad data). */
  async ancestorIds(id: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM organisations WHERE id = ${id}
        UNION ALL
        SELECT o.id, o.parent_id, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 50
      )
      SELECT id FROM up WHERE depth > 0 ORDER BY depth`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * Organisations whose names, aliases or acronyms look like the given ones: trigram
   * similarity of the normalised (unaccented, lower-case) texts at or above the threshold,
   * or an equal acronym. Best first.
   */
  async duplicateCandidates(labels: string[], acronyms: string[], excludeId: string | null, limit = 10): Promise<DuplicateCandidate[]> {
    if (labels.length === 0 && acronyms.length === 0) return [];
    const result = await sql<DuplicateCandidate>`
      WITH input_labels AS (SELECT ${norm(sql`x`)} AS l FROM unnest(${labels}::text[]) AS x),
           input_acronyms AS (SELECT ${norm(sql`x`)} AS a FROM unnest(${[...acronyms, ...labels]}::text[]) AS x),
           scored AS (
             SELECT o.id, o.name, o.acronym, o.type, o.country_iso3,
               coalesce((
                 SELECT max(similarity(${norm(sql`e`)}, il.l))
                 FROM input_labels il, unnest(ARRAY[o.name] || o.aliases || ARRAY(SELECT value FROM jsonb_each_text(o.names))) AS e
               ), 0)::float8 AS score,
               EXISTS (
                 SELECT 1 FROM input_acronyms ia, unnest(array_remove(ARRAY[o.acronym], NULL) || ARRAY(SELECT value FROM jsonb_each_text(o.acronyms))) AS e
                 WHERE ${norm(sql`e`)} = ia.a
               ) AS acronym_match
             FROM organisations o
             WHERE o.id IS DISTINCT FROM ${excludeId}::uuid
           )
      SELECT * FROM scored WHERE score >= ${DUPLICATE_SIMILARITY} OR acronym_match
      ORDER BY acronym_match DESC, score DESC, name LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }

  async insertOrganisation(values: OrganisationValues): Promise<string> {
    const row = await this.db
      .insertInto('organisations')
      .values({ ...values, names: JSON.stringify(values.names) as never, acronyms: JSON.stringify(values.acronyms) as never })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateOrganisation(id: string, values: Partial<OrganisationValues>): Promise<void> {
    const set: Record<string, unknown> = { ...values, updated_at: sql`now()` };
    if (values.names) set.names = JSON.stringify(values.names);
    if (values.acronyms) set.acronyms = JSON.stringify(values.acronyms);
    await this.db.updateTable('organisations').set(set).where('id', '=', id).execute();
  }

  listMemberships(organisationId: string): Promise<MembershipRow[]> {
    return this.db
      .selectFrom('organisation_memberships')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('joined_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
  }

  findMembership(organisationId: string, membershipId: string): Promise<MembershipRow | undefined> {
    return this.db
      .selectFrom('organisation_memberships')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', membershipId)
      .forUpdate()
      .executeTakeFirst();
  }

  async insertMembership(values: { organisation_id: string; body: MembershipBody; joined_on: string; notes: string | null }): Promise<string> {
    const row = await this.db.insertInto('organisation_memberships').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async endMembership(id: string, leftOn: string, notes: string | null): Promise<void> {
    await this.db.updateTable('organisation_memberships').set({ left_on: leftOn, notes, updated_at: sql`now()` }).where('id', '=', id).execute();
  }

  /** Users of the organisation who are not suspended, with their roles: its focal points. */
  focalPoints(organisationId: string) {
    return this.db
      .selectFrom('users as u')
      .leftJoin('role_grants as g', 'g.user_id', 'u.id')
      .select([
        'u.id',
        'u.display_name',
        'u.email',
        'u.status',
        'u.is_demo',
        sql<string[]>`coalesce(array_agg(DISTINCT g.role) FILTER (WHERE g.role IS NOT NULL), '{}')`.as('roles'),
      ])
      .where('u.organisation_id', '=', organisationId)
      .where('u.status', '<>', 'suspended')
      .groupBy(['u.id', 'u.display_name', 'u.email', 'u.status', 'u.is_demo'])
      .orderBy('u.display_name')
      .execute();
  }
}
