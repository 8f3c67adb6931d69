import { sql, type Kysely } from 'kysely';
import { membershipBodies } from './registry.tables.ts';

/**
 * The canonical organisations registry: names and acronyms per language, aliases, IATI
 * organisation identifier; memberships of the Global Partnership and the IAWG with dates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE organisations
    ADD COLUMN names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
    ADD COLUMN acronyms jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(acronyms) = 'object'),
    ADD COLUMN aliases text[] NOT NULL DEFAULT '{}',
    ADD COLUMN iati_org_id text`.execute(db);
  // Unique only when present: NULLs never collide in a unique index.
  await sql`CREATE UNIQUE INDEX organisations_iati_org_id_key ON organisations (iati_org_id)`.execute(db);
  await sql`UPDATE organisations SET names = jsonb_build_object('en', name), acronyms = CASE WHEN acronym IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('en', acronym) END`.execute(db);
  await sql`CREATE INDEX organisations_parent_idx ON organisations (parent_id)`.execute(db);

  const bodies = sql.join(membershipBodies.map((b) => sql.lit(b)));
  await db.schema
    .createTable('organisation_memberships')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`body in (${bodies})`))
    .addColumn('joined_on', 'date', (c) => c.notNull())
    .addColumn('left_on', 'date')
    .addColumn('notes', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('organisation_memberships_dates', sql`left_on IS NULL OR left_on >= joined_on`)
    .execute();
  // One current membership per organisation and body.
  await sql`CREATE UNIQUE INDEX organisation_memberships_current_key ON organisation_memberships (organisation_id, body) WHERE left_on IS NULL`.execute(db);
}
