import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DraftVisibility } from '../activities/activities.repository.ts';
import type { MandateBody } from './mandates.tables.ts';

export interface MandateColumns {
  body: MandateBody;
  adopted_on: string;
  title: Record<string, string>;
  demonstration_summaries: boolean;
}

/** A reference resolved against the paragraphs: key is null when the text is not "<symbol> para <label>". */
export interface ResolvedReference {
  ord: number;
  ref: string;
  key: string | null;
  symbol: string | null;
  label: string | null;
  mandate_known: boolean;
}

export interface LinkedRow {
  ref_key: string;
  id: string;
  iati_identifier: string;
  title: Record<string, string>;
  org_name: Record<string, string>;
  status: number;
  published: boolean;
  total: number;
}

/**
 * Activities the reader may see: the activities module's rule (published, or a draft of an
 * organisation in reach), given to us by ActivitiesService.draftVisibility.
 */
function visibleTo(drafts: DraftVisibility) {
  if (drafts.all) return sql<boolean>`true`;
  if (drafts.organisations.length === 0) return sql<boolean>`a.published`;
  return sql<boolean>`(a.published OR a.reporting_org_id = ANY(${drafts.organisations}::uuid[]))`;
}

/**
 * All SQL of the mandates module. The activity queries read the activities table only through
 * the mandate_link_keys(document) expression its GIN index covers, and a few display fields.
 */
export class MandatesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(body?: MandateBody) {
    let q = this.db
      .selectFrom('mandates as m')
      .select(['m.id', 'm.symbol', 'm.body', 'm.adopted_on', 'm.title', 'm.demonstration_summaries'])
      .select((eb) => eb.selectFrom('mandate_paragraphs as p').whereRef('p.mandate_id', '=', 'm.id').select(sql<string[]>`coalesce(array_agg(p.ref_key), '{}')`.as('k')).as('keys'));
    if (body) q = q.where('m.body', '=', body);
    return q.orderBy('m.adopted_on', 'desc').orderBy('m.symbol').execute();
  }

  /** Which of these paragraph keys at least one visible activity refers to (the && uses the GIN index). */
  async coveredKeys(keys: string[], drafts: DraftVisibility): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await sql<{ k: string }>`
      SELECT DISTINCT k FROM activities a CROSS JOIN LATERAL unnest(mandate_link_keys(a.document)) AS k
      WHERE mandate_link_keys(a.document) && ${keys}::text[] AND k = ANY(${keys}::text[]) AND ${visibleTo(drafts)}`.execute(this.db);
    return new Set(rows.map((r) => r.k));
  }

  find(id: string) {
    return this.db.selectFrom('mandates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findForUpdate(id: string) {
    return this.db.selectFrom('mandates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findBySymbol(symbol: string) {
    return this.db.selectFrom('mandates').selectAll().where('symbol_key', '=', symbolKey(symbol)).executeTakeFirst();
  }

  paragraphs(mandateId: string) {
    return this.db.selectFrom('mandate_paragraphs').select(['label', 'position', 'summary', 'ref_key']).where('mandate_id', '=', mandateId).orderBy('position').execute();
  }

  async insert(symbol: string, columns: MandateColumns, isDemo = false): Promise<string> {
    const row = await this.db
      .insertInto('mandates')
      .values({ ...columns, symbol, symbol_key: symbolKey(symbol), title: JSON.stringify(columns.title), is_demo: isDemo })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: string, columns: Partial<MandateColumns>): Promise<void> {
    const { title, ...rest } = columns;
    await this.db
      .updateTable('mandates')
      .set({ ...rest, ...(title ? { title: JSON.stringify(title) } : {}), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Replaces the paragraphs; each one's key comes from the same SQL function that reads activity references. */
  async replaceParagraphs(mandateId: string, symbol: string, paragraphs: { label: string; summary: Record<string, string> }[], isDemo = false): Promise<void> {
    await this.db.deleteFrom('mandate_paragraphs').where('mandate_id', '=', mandateId).execute();
    if (paragraphs.length === 0) return;
    await this.db
      .insertInto('mandate_paragraphs')
      .values(
        paragraphs.map((p, i) => ({
          mandate_id: mandateId,
          label: p.label,
          position: i + 1,
          summary: JSON.stringify(p.summary),
          ref_key: sql<string>`mandate_ref_key(${`${symbol} para ${p.label}`})`,
          is_demo: isDemo,
        })),
      )
      .execute();
  }

  /** Which of these paragraph keys any activity (published or not, any version's current document) refers to. */
  async referencedKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await sql<{ k: string }>`
      SELECT DISTINCT k FROM activities a CROSS JOIN LATERAL unnest(mandate_link_keys(a.document)) AS k
      WHERE mandate_link_keys(a.document) && ${keys}::text[] AND k = ANY(${keys}::text[])`.execute(this.db);
    return new Set(rows.map((r) => r.k));
  }

  /** Each reference with its canonical key and, when it exists, the paragraph it names. */
  async resolve(refs: string[]): Promise<ResolvedReference[]> {
    if (refs.length === 0) return [];
    const { rows } = await sql<ResolvedReference>`
      SELECT r.ord::int AS ord, r.ref, k.key, m.symbol, p.label, (mm.id IS NOT NULL) AS mandate_known
      FROM unnest(${refs}::text[]) WITH ORDINALITY AS r(ref, ord)
      CROSS JOIN LATERAL (SELECT mandate_ref_key(r.ref) AS key) AS k
      LEFT JOIN mandate_paragraphs p ON p.ref_key = k.key
      LEFT JOIN mandates m ON m.id = p.mandate_id
      LEFT JOIN mandates mm ON mm.symbol_key = split_part(k.key, ' para ', 1)
      ORDER BY r.ord`.execute(this.db);
    return rows;
  }

  /** Per paragraph key: the first `limit` visible activities referring to it (by title), each row carrying the total. */
  async linkedActivities(keys: string[], drafts: DraftVisibility, limit: number): Promise<LinkedRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await sql<LinkedRow>`
      SELECT p.ref_key, x.*
      FROM unnest(${keys}::text[]) AS p(ref_key)
      CROSS JOIN LATERAL (
        SELECT a.id, a.iati_identifier, a.document->'title' AS title, coalesce(a.document->'reportingOrg'->'name', '{}'::jsonb) AS org_name,
               a.status::int AS status, a.published, (count(*) OVER ())::int AS total
        FROM activities a
        WHERE mandate_link_keys(a.document) @> ARRAY[p.ref_key] AND ${visibleTo(drafts)}
        ORDER BY a.title_text, a.id
        LIMIT ${limit}
      ) AS x`.execute(this.db);
    return rows;
  }
}

/** Upper case without whitespace: the form symbols are compared in (as mandate_ref_key does). */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}
