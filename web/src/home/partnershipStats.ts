// Pure figures for the home page, computed from the reference data (no React, easy to test).
import type { Country, Region } from '../api.ts';

export interface AreaCount {
  area: Region;
  countries: number;
  unMembers: number;
  children: AreaCount[];
}

export interface PartnershipStats {
  countries: number;
  unMembers: number;
  /** Top-level M49 regions, each with its subregions and intermediate regions. */
  regions: AreaCount[];
}

/** Counts countries and UN Member States for every M49 area; `compare` orders names. */
export function partnershipStats(countries: Country[], areas: Region[], areaName: (a: Region) => string, compare: (a: string, b: string) => number): PartnershipStats {
  const countsByArea = new Map<string, { countries: number; unMembers: number }>();
  for (const country of countries) {
    // A country counts once in each of its areas; the three codes are distinct levels.
    for (const code of [country.regionCode, country.subregionCode, country.intermediateRegionCode]) {
      if (!code) continue;
      const counts = countsByArea.get(code) ?? { countries: 0, unMembers: 0 };
      counts.countries += 1;
      if (country.unMember) counts.unMembers += 1;
      countsByArea.set(code, counts);
    }
  }

  const byName = (a: AreaCount, b: AreaCount) => compare(areaName(a.area), areaName(b.area));
  const build = (area: Region): AreaCount => ({
    area,
    countries: countsByArea.get(area.code)?.countries ?? 0,
    unMembers: countsByArea.get(area.code)?.unMembers ?? 0,
    children: areas.filter((child) => child.parentCode === area.code).map(build).sort(byName),
  });

  return {
    countries: countries.length,
    unMembers: countries.filter((c) => c.unMember).length,
    regions: areas.filter((a) => a.type === 'region').map(build).sort(byName),
  };
}
