import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { buildAreas, buildCountries } from './reference-data.ts';
import { ReferenceRepository } from './reference.repository.ts';
import type { Country, Region } from './reference.schema.ts';

/** Countries and M49 regions: public reference data, the same for everybody. */
export class ReferenceService {
  private readonly repo: ReferenceRepository;

  constructor(db: Kysely<DB>) {
    this.repo = new ReferenceRepository(db);
  }

  /** Brings the tables in line with the packaged reference data; safe to run on every start. */
  async sync(): Promise<void> {
    await this.repo.upsertAreas(buildAreas());
    await this.repo.upsertCountries(buildCountries());
  }

  async regions(): Promise<Region[]> {
    const rows = await this.repo.listAreas();
    return rows.map((r) => ({ code: r.code, type: r.type, parentCode: r.parent_code, names: r.names }));
  }

  async countries(): Promise<Country[]> {
    return (await this.repo.listCountries()).map(present);
  }

  async country(code: string): Promise<Country> {
    const row = await this.repo.findCountry(code);
    if (!row) throw AppError.notFound(`Country ${code}`);
    return present(row);
  }
}

function present(r: Awaited<ReturnType<ReferenceRepository['listCountries']>>[number]): Country {
  return {
    iso2: r.iso2,
    iso3: r.iso3,
    numeric: r.numeric,
    names: r.names,
    regionCode: r.region_code,
    subregionCode: r.subregion_code,
    intermediateRegionCode: r.intermediate_region_code,
    unMember: r.un_status === 'member',
    unStatus: r.un_status,
  };
}
