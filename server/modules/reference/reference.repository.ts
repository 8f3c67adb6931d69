import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaRow, CountryRow } from './reference-data.ts';

/** All SQL of the reference module. */
export class ReferenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async upsertAreas(rows: AreaRow[]): Promise<void> {
    // Parents first, one at a time in order, so the foreign key to the parent holds.
    for (const row of rows) {
      await this.db
        .insertInto('m49_areas')
        .values({ ...row, names: JSON.stringify(row.names) as never })
        .onConflict((oc) => oc.column('code').doUpdateSet({ type: row.type, parent_code: row.parent_code, names: JSON.stringify(row.names) as never }))
        .execute();
    }
  }

  async upsertCountries(rows: CountryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('countries')
      .values(rows.map((r) => ({ ...r, names: JSON.stringify(r.names) as never })))
      .onConflict((oc) =>
        oc.column('iso2').doUpdateSet((eb) => ({
          iso3: eb.ref('excluded.iso3'),
          numeric: eb.ref('excluded.numeric'),
          region_code: eb.ref('excluded.region_code'),
          subregion_code: eb.ref('excluded.subregion_code'),
          intermediate_region_code: eb.ref('excluded.intermediate_region_code'),
          un_status: eb.ref('excluded.un_status'),
          names: eb.ref('excluded.names'),
        })),
      )
      .execute();
  }

  listAreas() {
    return this.db.selectFrom('m49_areas').selectAll().orderBy('code').execute();
  }

  listCountries() {
    return this.db.selectFrom('countries').selectAll().orderBy('iso2').execute();
  }

  findCountry(code: string) {
    const upper = code.toUpperCase();
    return this.db
      .selectFrom('countries')
      .selectAll()
      .where((eb) => eb.or([eb('iso2', '=', upper), eb('iso3', '=', upper), eb('numeric', '=', code)]))
      .executeTakeFirst();
  }

  async countCountries(): Promise<number> {
    const row = await this.db.selectFrom('countries').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  }
}
