import type { DemoContributor } from '../../platform/demo/demo.ts';
import type { Random } from '../../platform/demo/random.ts';
import type { MembershipBody, OrganisationType } from './registry.tables.ts';

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
  tables: ['organisation_memberships', 'organisations'],
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
    const inserted = await tx.db
      .insertInto('organisations')
      .values(rows.map((r) => ({ ...r, names: JSON.stringify({ en: r.name }) as never, acronyms: JSON.stringify(r.acronym ? { en: r.acronym } : {}) as never })))
      .returning(['id', 'type'])
      .execute();
    await tx.db.insertInto('organisation_memberships').values(demoMemberships(inserted, rng)).execute();
  },
};

const MEMBERSHIP_NOTE = 'Synthetic demonstration value';

function day(rng: Random, from: number, to: number): string {
  return `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/**
 * Synthetic memberships: the secretariat and agencies in the IAWG and the Global Partnership
 * from its early years; about half the State bodies and NGOs in the Partnership, a few left.
 */
function demoMemberships(organisations: { id: string; type: OrganisationType }[], rng: Random) {
  const rows: { organisation_id: string; body: MembershipBody; joined_on: string; left_on: string | null; notes: string; is_demo: boolean }[] = [];
  for (const o of organisations) {
    const agency = o.type === 'secretariat' || o.type === 'un_entity' || o.type === 'igo';
    if (agency) {
      rows.push({ organisation_id: o.id, body: 'iawg', joined_on: day(rng, 2007, 2010), left_on: null, notes: MEMBERSHIP_NOTE, is_demo: true });
      rows.push({ organisation_id: o.id, body: 'global_partnership', joined_on: day(rng, 2007, 2009), left_on: null, notes: MEMBERSHIP_NOTE, is_demo: true });
    } else if (rng.chance(0.5)) {
      const joined = day(rng, 2008, 2022);
      const left = rng.chance(0.15) ? day(rng, Number(joined.slice(0, 4)) + 1, 2025) : null;
      rows.push({ organisation_id: o.id, body: 'global_partnership', joined_on: joined, left_on: left, notes: MEMBERSHIP_NOTE, is_demo: true });
    }
  }
  return rows;
}
