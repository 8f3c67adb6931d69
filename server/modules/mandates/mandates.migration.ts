import { sql, type Kysely } from 'kysely';
import { mandateBodies } from './mandates.tables.ts';

/**
 * Mandates: decisions of intergovernmental bodies and their operative paragraphs. Activities
 * keep their links as text references inside their versioned document ("A/RES/61/180 para
 * 6(b)"); two SQL functions turn those references into canonical keys, and a GIN index on the
 * keys of every activity document answers "which activities implement this paragraph" without
 * a second copy of the links to keep in step. Cross-State, small: reference tables under Citus.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // "<symbol> para <label>" → "A/RES/61/180 para 6(b)": symbol upper-cased, label lower-cased,
  // whitespace dropped from both; "paragraph" and "para." are tolerated. NULL when malformed.
  await sql`
    CREATE FUNCTION mandate_ref_key(ref text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN m IS NULL OR regexp_replace(m[1], '\\s+', '', 'g') = '' THEN NULL
             ELSE upper(regexp_replace(m[1], '\\s+', '', 'g')) || ' para ' || lower(regexp_replace(m[2], '\\s+', '', 'g')) END
      FROM regexp_match(ref, '^\\s*(.+?)\\s+para(?:graph)?\\.?\\s*(\\S.*?)\\s*$', 'i') AS m
    $$`.execute(db);
  await sql`
    CREATE FUNCTION mandate_link_keys(doc jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT k) FILTER (WHERE k IS NOT NULL), '{}'::text[])
      FROM (
        SELECT public.mandate_ref_key(r) AS k
        FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(doc->'mandateLinks') = 'array' THEN doc->'mandateLinks' ELSE '[]'::jsonb END) AS r
      ) AS refs
    $$`.execute(db);
  // Index builds run with search_path = pg_catalog (PostgreSQL 17): qualify the functions.
  await sql`CREATE INDEX activities_mandate_keys_idx ON activities USING gin (public.mandate_link_keys(document))`.execute(db);

  const bodies = sql.join(mandateBodies.map((b) => sql.lit(b)));
  await db.schema
    .createTable('mandates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('symbol_key', 'text', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull().check(sql`body in (${bodies})`))
    .addColumn('adopted_on', 'date', (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('demonstration_summaries', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('mandates_body_idx').on('mandates').columns(['body', 'adopted_on']).execute();

  await db.schema
    .createTable('mandate_paragraphs')
    .addColumn('mandate_id', 'uuid', (c) => c.notNull().references('mandates.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    // mandate_ref_key(symbol || ' para ' || label): what activity references are matched on.
    .addColumn('ref_key', 'text', (c) => c.notNull().unique())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('mandate_paragraphs_pk', ['mandate_id', 'label'])
    .execute();
}
