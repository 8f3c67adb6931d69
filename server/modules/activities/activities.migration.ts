import { sql, type Kysely } from 'kysely';
import { versionSources } from './activities.tables.ts';

/**
 * Activities: one validated jsonb document per activity plus indexed copies of what lists
 * filter on, and every version of the document. An activity spans several States, so these
 * are cross-State tables (coordinator-local under Citus), pointing only at reference tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('iati_identifier', 'text', (c) => c.notNull().unique())
    .addColumn('reporting_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('title_text', 'text', (c) => c.notNull())
    .addColumn('status', 'smallint', (c) => c.notNull().check(sql`status between 1 and 6`))
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('country_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('pillars', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('activities_reporting_org_idx').on('activities').column('reporting_org_id').execute();
  await sql`CREATE INDEX activities_country_codes_idx ON activities USING gin (country_codes)`.execute(db);
  await sql`CREATE INDEX activities_pillars_idx ON activities USING gin (pillars)`.execute(db);
  await sql`CREATE INDEX activities_title_trgm_idx ON activities USING gin (title_text gin_trgm_ops)`.execute(db);

  const sources = sql.join(versionSources.map((s) => sql.lit(s)));
  await db.schema
    .createTable('activity_versions')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('published', 'boolean', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in (${sources})`))
    .addColumn('changed_by', 'uuid')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_versions_pk', ['activity_id', 'version'])
    .execute();
}
