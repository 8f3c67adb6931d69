import type { DemoContributor } from '../../platform/demo/demo.ts';
import type { OrganisationType } from './registry.tables.ts';

// Real members of the inter-agency work against trafficking; their presence here is
// demonstration data (flagged is_demo), not a statement of membership.
const agencies: { name: string; acronym: string; type: OrganisationType; seat: string }[] = [
  { name: 'Secretariat of the Inter-agency Working Group Coordinator', acronym: 'IAWG-SEC', type: 'secretariat', seat: 'AUT' },
  { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', type: 'un_entity', seat: 'AUT' },
  { name: 'International Organization for Migration', acronym: 'IOM', type: 'un_entity', seat: 'CHE' },
  { name: 'International Labour Organization', acronym: 'ILO', type: 'un_entity', seat: 'CHE' },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', type: 'un_entity', seat: 'USA' },
  { name: 'Office of the United Nations High Commissioner for Refugees', acronym: 'UNHCR', type: 'un_entity', seat: 'CHE' },
  { name: 'Office of the United Nations High Commissioner for Human Rights', acronym: 'OHCHR', type: 'un_entity', seat: 'CHE' },
  { name: 'United Nations Entity for Gender Equality and the Empowerment of Women', acronym: 'UN Women', type: 'un_entity', seat: 'USA' },
  { name: 'United Nations Development Programme', acronym: 'UNDP', type: 'un_entity', seat: 'USA' },
  { name: 'International Criminal Police Organization', acronym: 'INTERPOL', type: 'igo', seat: 'FRA' },
  { name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE', type: 'igo', seat: 'AUT' },
  { name: 'Council of Europe', acronym: 'CoE', type: 'igo', seat: 'FRA' },
];

const ngoWords = ['Freedom', 'Safe Passage', 'Dignity', 'Open Doors', 'Lantern', 'Harbour', 'Bridge', 'Compass'];
const ngoKinds = ['Network', 'Foundation', 'Alliance', 'Initiative', 'Coalition'];
const stateBodies = ['Ministry of Interior', 'National Rapporteur on Trafficking in Persons', 'Office of the Prosecutor General', 'Labour Inspectorate'];

/** Demo organisations: the secretariat, agencies, fictitious NGOs, State bodies in a sample of countries. */
export const registryDemo: DemoContributor = {
  name: 'registry',
  tables: ['organisations'],
  async seed(tx, rng) {
    const countries = await tx.db.selectFrom('countries').select(['iso3', 'names']).where('un_status', '=', 'member').orderBy('iso3').execute();
    const rows: { type: OrganisationType; name: string; acronym: string | null; country_iso3: string | null; is_demo: boolean }[] = agencies.map((a) => ({
      type: a.type,
      name: a.name,
      acronym: a.acronym,
      country_iso3: a.seat,
      is_demo: true,
    }));
    for (const country of rng.sample(countries, 40)) {
      rows.push({ type: 'state_body', name: `${rng.pick(stateBodies)} (${country.names.en})`, acronym: null, country_iso3: country.iso3, is_demo: true });
    }
    const ngoNames = new Set<string>();
    while (ngoNames.size < 15) ngoNames.add(`${rng.pick(ngoWords)} ${rng.pick(ngoKinds)} (fictitious)`);
    for (const name of ngoNames) rows.push({ type: 'ngo', name, acronym: null, country_iso3: rng.pick(countries).iso3, is_demo: true });
    await tx.db.insertInto('organisations').values(rows).execute();
  },
};
