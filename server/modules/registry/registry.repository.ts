import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OrganisationType } from './registry.tables.ts';

/** All SQL of the registry module. */
export class RegistryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listOrganisations(filter: { type?: OrganisationType | undefined; countryIso3?: string | undefined }) {
    let q = this.db.selectFrom('organisations').select(['id', 'type', 'name', 'acronym', 'country_iso3', 'is_demo']).orderBy('name');
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.countryIso3) q = q.where('country_iso3', '=', filter.countryIso3.toUpperCase());
    return q.execute();
  }

  countByType() {
    return this.db
      .selectFrom('organisations')
      .select(['type', sql<number>`count(*)::int`.as('count')])
      .groupBy('type')
      .orderBy('type')
      .execute();
  }
}
