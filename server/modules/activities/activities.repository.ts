import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ActivityDocument } from './activities.schema.ts';
import type { VersionSource } from './activities.tables.ts';

/** Which unpublished activities a reader may see besides the published ones. */
export type DraftVisibility = { all: true } | { all: false; organisations: string[] };

export interface ActivityFilter {
  countryIso2?: string | undefined;
  organisationId?: string | undefined;
  pillar?: string | undefined;
  status?: number | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The indexed copies of a document, kept beside it in the activities row. */
export interface ActivityColumns {
  iati_identifier: string;
  reporting_org_id: string;
  document: ActivityDocument;
  title_text: string;
  status: number;
  published: boolean;
  country_codes: string[];
  pillars: string[];
  start_date: string | null;
  end_date: string | null;
}

const summaryColumns = ['id', 'iati_identifier', 'reporting_org_id', 'status', 'published', 'country_codes', 'pillars', 'start_date', 'end_date', 'version', 'updated_at'] as const;

/** All SQL of the activities module. */
export class ActivitiesRepository {
  /** `tx` (its bulk loader) is needed only by insertMany. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly tx?: Pick<Tx, 'bulkLoad'>,
  ) {}

  private filtered(filter: Omit<ActivityFilter, 'limit' | 'offset'>, drafts: DraftVisibility) {
    let q = this.db.selectFrom('activities');
    if (!drafts.all) {
      const orgs = drafts.organisations;
      q = q.where((eb) => (orgs.length ? eb.or([eb('published', '=', true), eb('reporting_org_id', 'in', orgs)]) : eb('published', '=', true)));
    }
    if (filter.countryIso2) q = q.where(sql<boolean>`country_codes @> ARRAY[${filter.countryIso2}]::text[]`);
    if (filter.pillar) q = q.where(sql<boolean>`pillars @> ARRAY[${filter.pillar}]::text[]`);
    if (filter.organisationId) q = q.where('reporting_org_id', '=', filter.organisationId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.q) {
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`unaccent(lower(title_text)) LIKE unaccent(${pattern})`);
    }
    return q;
  }

  async list(filter: ActivityFilter, drafts: DraftVisibility) {
    const [rows, count] = await Promise.all([
      this.filtered(filter, drafts)
        .select([...summaryColumns, sql<ActivityDocument['title']>`document->'title'`.as('title')])
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      this.filtered(filter, drafts).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: count.n };
  }

  find(id: string) {
    return this.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction (concurrent edits make versions in turn). */
  findForUpdate(id: string) {
    return this.db.selectFrom('activities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findByIdentifiers(identifiers: string[]) {
    if (identifiers.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('activities').select(['id', 'iati_identifier', 'reporting_org_id', 'document', 'published', 'version']).where('iati_identifier', 'in', identifiers).forUpdate().execute();
  }

  /** The organisation that already reports activities under this IATI organisation ref, if one does. */
  async organisationOfReportingRef(ref: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('activities')
      .select('reporting_org_id')
      .where(sql<boolean>`document->'reportingOrg'->>'ref' = ${ref}`)
      .limit(1)
      .executeTakeFirst();
    return row?.reporting_org_id ?? null;
  }

  async insert(columns: ActivityColumns, isDemo = false): Promise<string> {
    const row = await this.db
      .insertInto('activities')
      .values({ ...columns, document: JSON.stringify(columns.document), version: 1, is_demo: isDemo })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Inserts new activities with their first version (large IATI and 3W files): the activities
   * go in with COPY (ids made here, so none has to be read back), then every first version is
   * copied from the stored rows in one statement, so each document crosses the wire and is
   * parsed into jsonb once. COPY fires the search trigger like any insert. Measured in
   * bench/RESULTS.md (IATI import): cheaper than 250-row INSERTs sending each document twice.
   */
  async insertMany(items: ActivityColumns[], version: { changedBy: string | null; source: VersionSource }): Promise<Map<string, string>> {
    if (!this.tx) throw new Error('insertMany runs inside a transaction (new ActivitiesRepository(tx.db, tx))');
    const ids = new Map<string, string>();
    if (items.length === 0) return ids;
    const rows = items.map((c) => {
      const id = randomUUID();
      ids.set(c.iati_identifier, id);
      return [id, c.iati_identifier, c.reporting_org_id, JSON.stringify(c.document), c.title_text, c.status, c.published, c.country_codes, c.pillars, c.start_date, c.end_date, 1];
    });
    await this.tx.bulkLoad({ table: 'activities', columns: ['id', 'iati_identifier', 'reporting_org_id', 'document', 'title_text', 'status', 'published', 'country_codes', 'pillars', 'start_date', 'end_date', 'version'] }, rows);
    await sql`
      INSERT INTO activity_versions (activity_id, version, document, published, source, changed_by)
      SELECT a.id, 1, a.document, a.published, ${version.source}, ${version.changedBy}::uuid
      FROM activities a WHERE a.id = ANY(${[...ids.values()]}::uuid[])`.execute(this.db);
    return ids;
  }

  async update(id: string, columns: ActivityColumns, version: number): Promise<void> {
    await this.db
      .updateTable('activities')
      .set({ ...columns, document: JSON.stringify(columns.document), version, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async insertVersion(v: { activityId: string; version: number; document: ActivityDocument; published: boolean; source: VersionSource; changedBy: string | null; isDemo?: boolean }): Promise<void> {
    await this.db
      .insertInto('activity_versions')
      .values({
        activity_id: v.activityId,
        version: v.version,
        document: JSON.stringify(v.document),
        published: v.published,
        source: v.source,
        changed_by: v.changedBy,
        is_demo: v.isDemo ?? false,
      })
      .execute();
  }

  versions(activityId: string) {
    return this.db
      .selectFrom('activity_versions')
      .select(['version', 'published', 'source', 'changed_by', 'created_at'])
      .where('activity_id', '=', activityId)
      .orderBy('version')
      .execute();
  }

  versionDocuments(activityId: string, versions: number[]) {
    return this.db.selectFrom('activity_versions').select(['version', 'document', 'published']).where('activity_id', '=', activityId).where('version', 'in', versions).execute();
  }

  /** Published activities in identifier order, for export. */
  publishedDocuments(organisationId?: string) {
    let q = this.db.selectFrom('activities').select(['document', 'updated_at']).where('published', '=', true);
    if (organisationId) q = q.where('reporting_org_id', '=', organisationId);
    return q.orderBy('iati_identifier').execute();
  }
}
