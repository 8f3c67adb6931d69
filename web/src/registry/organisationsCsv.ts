import Papa from 'papaparse';
import type { Organisation } from './registryApi.ts';

/** The directory as CSV: codes rather than translated labels, so any spreadsheet can filter it. */
export function organisationsCsv(items: readonly Organisation[]): string {
  return Papa.unparse({
    fields: ['id', 'name', 'acronym', 'type', 'country_iso3', 'iati_org_id', 'global_partnership', 'iawg', 'demo'],
    data: items.map((o) => [o.id, o.name, o.acronym ?? '', o.type, o.countryIso3 ?? '', o.iatiOrgId ?? '', o.members.globalPartnership, o.members.iawg, o.demo]),
  });
}
