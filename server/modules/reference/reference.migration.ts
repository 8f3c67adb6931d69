import { sql, type Kysely } from 'kysely';

/** Reference tables: UN M49 areas and ISO 3166-1 countries. Filled by `syncReferenceData`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('m49_areas')
    .addColumn('code', 'char(3)', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('world', 'region', 'subregion', 'intermediate')`))
    .addColumn('parent_code', 'char(3)', (c) => c.references('m49_areas.code'))
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('countries')
    .addColumn('iso2', 'char(2)', (c) => c.primaryKey())
    .addColumn('iso3', 'char(3)', (c) => c.notNull().unique())
    .addColumn('numeric', 'char(3)', (c) => c.notNull().unique())
    .addColumn('region_code', 'char(3)', (c) => c.references('m49_areas.code'))
    .addColumn('subregion_code', 'char(3)', (c) => c.references('m49_areas.code'))
    .addColumn('intermediate_region_code', 'char(3)', (c) => c.references('m49_areas.code'))
    .addColumn('un_status', 'text', (c) => c.notNull().check(sql`un_status in ('member', 'observer', 'none')`))
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .execute();
}
