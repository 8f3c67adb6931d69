import { sql, type Kysely } from 'kysely';
import { organisationTypes } from './registry.tables.ts';

/** Organisations: the tenants of the system (State bodies, UN entities, IGOs, NGOs, the secretariat). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = sql.join(organisationTypes.map((t) => sql.lit(t)));
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in (${types})`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('country_iso3', 'char(3)', (c) => c.references('countries.iso3'))
    .addColumn('parent_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('website', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('organisations_country_idx').on('organisations').column('country_iso3').execute();
  await sql`CREATE INDEX organisations_name_trgm_idx ON organisations USING gin (name gin_trgm_ops)`.execute(db);
}
