import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { RegistryRepository } from './registry.repository.ts';
import type { Organisation } from './registry.schema.ts';
import type { OrganisationType } from './registry.tables.ts';

/** The partnership's organisations. */
export class RegistryService {
  private readonly repo: RegistryRepository;

  constructor(db: Kysely<DB>) {
    this.repo = new RegistryRepository(db);
  }

  async organisations(filter: { type?: OrganisationType | undefined; country?: string | undefined }): Promise<Organisation[]> {
    const rows = await this.repo.listOrganisations({ type: filter.type, countryIso3: filter.country });
    return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, acronym: r.acronym, countryIso3: r.country_iso3, demo: r.is_demo }));
  }

  async countsByType(): Promise<{ type: OrganisationType; count: number }[]> {
    return this.repo.countByType();
  }
}
