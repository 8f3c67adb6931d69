import type { DemoContributor } from '../../platform/demo/demo.ts';
import type { Random } from '../../platform/demo/random.ts';
import type { MembershipBody, OrganisationType, PartialLanguageNames } from './registry.tables.ts';

interface DemoOrganisation {
  name: string;
  acronym: string | null;
  type: OrganisationType;
  seat: string;
  names?: PartialLanguageNames;
  acronyms?: PartialLanguageNames;
  aliases?: string[];
  iati?: string;
  website?: string;
  /** The acronym of the parent organisation, when it has one in this list. */
  parent?: string;
}

// Real members of the inter-agency work against trafficking (ICAT, the IAWG) and other bodies
// active in it. Their presence here is demonstration data (flagged is_demo), not a statement
// of membership; their activities are synthetic.
const agencies: DemoOrganisation[] = [
  { name: 'Secretariat of the Inter-agency Working Group Coordinator', acronym: 'IAWG-SEC', type: 'secretariat', seat: 'AUT' },
  {
    name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', type: 'un_entity', seat: 'AUT', website: 'https://www.unodc.org',
    names: { ar: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', zh: '联合国毒品和犯罪问题办公室', fr: 'Office des Nations Unies contre la drogue et le crime', ru: 'Управление Организации Объединенных Наций по наркотикам и преступности', es: 'Oficina de las Naciones Unidas contra la Droga y el Delito' },
    acronyms: { fr: 'ONUDC', ru: 'УНП ООН', es: 'UNODC' }, aliases: ['UN Office on Drugs and Crime'],
  },
  {
    name: 'International Organization for Migration', acronym: 'IOM', type: 'un_entity', seat: 'CHE', website: 'https://www.iom.int', iati: 'XM-DAC-47066',
    names: { ar: 'المنظمة الدولية للهجرة', zh: '国际移民组织', fr: 'Organisation internationale pour les migrations', ru: 'Международная организация по миграции', es: 'Organización Internacional para las Migraciones' },
    acronyms: { fr: 'OIM', ru: 'МОМ', es: 'OIM' }, aliases: ['UN Migration'],
  },
  {
    name: 'International Labour Organization', acronym: 'ILO', type: 'un_entity', seat: 'CHE', website: 'https://www.ilo.org', iati: 'XM-DAC-41302',
    names: { ar: 'منظمة العمل الدولية', zh: '国际劳工组织', fr: 'Organisation internationale du Travail', ru: 'Международная организация труда', es: 'Organización Internacional del Trabajo' },
    acronyms: { fr: 'OIT', ru: 'МОТ', es: 'OIT' }, aliases: ['International Labour Office'],
  },
  {
    name: "United Nations Children's Fund", acronym: 'UNICEF', type: 'un_entity', seat: 'USA', website: 'https://www.unicef.org', iati: 'XM-DAC-41122',
    names: { ar: 'منظمة الأمم المتحدة للطفولة', zh: '联合国儿童基金会', fr: "Fonds des Nations Unies pour l'enfance", ru: 'Детский фонд Организации Объединенных Наций', es: 'Fondo de las Naciones Unidas para la Infancia' },
    acronyms: { ar: 'اليونيسف', ru: 'ЮНИСЕФ' },
  },
  {
    name: 'Office of the United Nations High Commissioner for Refugees', acronym: 'UNHCR', type: 'un_entity', seat: 'CHE', website: 'https://www.unhcr.org', iati: 'XM-DAC-41121',
    names: { ar: 'مفوضية الأمم المتحدة لشؤون اللاجئين', zh: '联合国难民事务高级专员办事处', fr: 'Haut-Commissariat des Nations Unies pour les réfugiés', ru: 'Управление Верховного комиссара ООН по делам беженцев', es: 'Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados' },
    acronyms: { fr: 'HCR', ru: 'УВКБ ООН', es: 'ACNUR' }, aliases: ['UN Refugee Agency'],
  },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights', acronym: 'OHCHR', type: 'un_entity', seat: 'CHE', website: 'https://www.ohchr.org',
    names: { ar: 'مفوضية الأمم المتحدة السامية لحقوق الإنسان', zh: '联合国人权事务高级专员办事处', fr: "Haut-Commissariat des Nations Unies aux droits de l'homme", ru: 'Управление Верховного комиссара ООН по правам человека', es: 'Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos' },
    acronyms: { fr: 'HCDH', ru: 'УВКПЧ', es: 'ACNUDH' }, aliases: ['UN Human Rights'],
  },
  {
    name: 'United Nations Entity for Gender Equality and the Empowerment of Women', acronym: 'UN Women', type: 'un_entity', seat: 'USA', website: 'https://www.unwomen.org', iati: 'XM-DAC-41146',
    names: { ar: 'هيئة الأمم المتحدة للمساواة بين الجنسين وتمكين المرأة', zh: '联合国促进性别平等和增强妇女权能署', fr: "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes", ru: 'Структура Организации Объединенных Наций по вопросам гендерного равенства и расширения прав и возможностей женщин', es: 'Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres' },
    acronyms: { fr: 'ONU Femmes', ru: 'ООН-женщины', es: 'ONU Mujeres', zh: '联合国妇女署' },
  },
  {
    name: 'United Nations Development Programme', acronym: 'UNDP', type: 'un_entity', seat: 'USA', website: 'https://www.undp.org', iati: 'XM-DAC-41114',
    names: { ar: 'برنامج الأمم المتحدة الإنمائي', zh: '联合国开发计划署', fr: 'Programme des Nations Unies pour le développement', ru: 'Программа развития Организации Объединенных Наций', es: 'Programa de las Naciones Unidas para el Desarrollo' },
    acronyms: { fr: 'PNUD', ru: 'ПРООН', es: 'PNUD' },
  },
  {
    name: 'United Nations Population Fund', acronym: 'UNFPA', type: 'un_entity', seat: 'USA', website: 'https://www.unfpa.org', iati: 'XM-DAC-41119',
    names: { ar: 'صندوق الأمم المتحدة للسكان', zh: '联合国人口基金', fr: 'Fonds des Nations Unies pour la population', ru: 'Фонд Организации Объединенных Наций в области народонаселения', es: 'Fondo de Población de las Naciones Unidas' },
    acronyms: { ru: 'ЮНФПА' },
  },
  { name: 'Joint United Nations Programme on HIV/AIDS', acronym: 'UNAIDS', type: 'un_entity', seat: 'CHE', names: { fr: 'Programme commun des Nations Unies sur le VIH/sida', es: 'Programa Conjunto de las Naciones Unidas sobre el VIH/Sida' }, acronyms: { fr: 'ONUSIDA', es: 'ONUSIDA' } },
  { name: 'United Nations Educational, Scientific and Cultural Organization', acronym: 'UNESCO', type: 'un_entity', seat: 'FRA', names: { fr: "Organisation des Nations Unies pour l'éducation, la science et la culture" } },
  { name: 'United Nations Office for Project Services', acronym: 'UNOPS', type: 'un_entity', seat: 'DNK' },
  { name: 'United Nations Interregional Crime and Justice Research Institute', acronym: 'UNICRI', type: 'research', seat: 'ITA' },
  { name: 'United Nations University', acronym: 'UNU', type: 'research', seat: 'JPN' },
  { name: 'United Nations Secretariat', acronym: 'UN Secretariat', type: 'un_entity', seat: 'USA', names: { fr: 'Secrétariat de l’Organisation des Nations Unies', es: 'Secretaría de las Naciones Unidas' } },
  { name: 'Department of Political and Peacebuilding Affairs', acronym: 'DPPA', type: 'un_entity', seat: 'USA', parent: 'UN Secretariat' },
  { name: 'Department of Peace Operations', acronym: 'DPO', type: 'un_entity', seat: 'USA', parent: 'UN Secretariat' },
  { name: 'Food and Agriculture Organization of the United Nations', acronym: 'FAO', type: 'un_entity', seat: 'ITA', names: { fr: "Organisation des Nations Unies pour l'alimentation et l'agriculture", es: 'Organización de las Naciones Unidas para la Alimentación y la Agricultura' } },
  { name: 'International Civil Aviation Organization', acronym: 'ICAO', type: 'un_entity', seat: 'CAN', names: { fr: "Organisation de l'aviation civile internationale" }, acronyms: { fr: 'OACI' } },
  { name: 'World Health Organization', acronym: 'WHO', type: 'un_entity', seat: 'CHE', names: { fr: 'Organisation mondiale de la Santé' }, acronyms: { fr: 'OMS', es: 'OMS' } },
  { name: 'United Nations Institute for Training and Research', acronym: 'UNITAR', type: 'un_entity', seat: 'CHE' },
  { name: 'International Criminal Police Organization', acronym: 'INTERPOL', type: 'igo', seat: 'FRA', website: 'https://www.interpol.int', aliases: ['ICPO-INTERPOL'], names: { fr: 'Organisation internationale de police criminelle' }, acronyms: { fr: 'OIPC-INTERPOL' } },
  { name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE', type: 'igo', seat: 'AUT', website: 'https://www.osce.org', names: { fr: 'Organisation pour la sécurité et la coopération en Europe', ru: 'Организация по безопасности и сотрудничеству в Европе' }, acronyms: { ru: 'ОБСЕ' } },
  { name: 'Council of Europe', acronym: 'CoE', type: 'igo', seat: 'FRA', website: 'https://www.coe.int', names: { fr: "Conseil de l'Europe", ru: 'Совет Европы' }, aliases: ["Conseil de l'Europe"] },
  { name: 'International Centre for Migration Policy Development', acronym: 'ICMPD', type: 'igo', seat: 'AUT' },
  { name: 'Inter-Parliamentary Union', acronym: 'IPU', type: 'igo', seat: 'CHE', names: { fr: 'Union interparlementaire' }, acronyms: { fr: 'UIP' } },
  { name: 'African Union Commission', acronym: 'AUC', type: 'igo', seat: 'ETH', names: { fr: "Commission de l'Union africaine", ar: 'مفوضية الاتحاد الأفريقي' } },
  { name: 'Association of Southeast Asian Nations Secretariat', acronym: 'ASEAN', type: 'igo', seat: 'IDN' },
  { name: 'Economic Community of West African States Commission', acronym: 'ECOWAS', type: 'igo', seat: 'NGA', acronyms: { fr: 'CEDEAO' } },
  { name: 'Organization of American States', acronym: 'OAS', type: 'igo', seat: 'USA', names: { es: 'Organización de los Estados Americanos', fr: 'Organisation des États américains' }, acronyms: { es: 'OEA', fr: 'OEA' } },
  { name: 'League of Arab States', acronym: 'LAS', type: 'igo', seat: 'EGY', names: { ar: 'جامعة الدول العربية', fr: 'Ligue des États arabes' } },
  { name: 'European Union', acronym: 'EU', type: 'igo', seat: 'BEL', names: { fr: 'Union européenne', es: 'Unión Europea', ru: 'Европейский союз' }, acronyms: { fr: 'UE', es: 'UE', ru: 'ЕС' } },
  { name: 'European Union Agency for Law Enforcement Cooperation', acronym: 'Europol', type: 'igo', seat: 'NLD', parent: 'EU' },
  { name: 'European Union Agency for Criminal Justice Cooperation', acronym: 'Eurojust', type: 'igo', seat: 'NLD', parent: 'EU' },
  { name: 'World Bank Group', acronym: 'WBG', type: 'donor', seat: 'USA', aliases: ['World Bank'] },
  { name: 'Nordic Fund against Exploitation (fictitious)', acronym: 'NFAE', type: 'donor', seat: 'NOR' },
  { name: 'Pacific Rim Trust for Safe Migration (fictitious)', acronym: null, type: 'donor', seat: 'AUS' },
  { name: 'Institute for Migration and Exploitation Studies (fictitious)', acronym: 'IMES', type: 'research', seat: 'GBR' },
  { name: 'Fair Recruitment Business Alliance (fictitious)', acronym: null, type: 'private_sector', seat: 'SGP' },
  { name: 'Clean Supply Chains Consortium (fictitious)', acronym: 'CSCC', type: 'private_sector', seat: 'DEU' },
];

const ngoNames = [
  'Freedom Network', 'Safe Passage Foundation', 'Dignity Alliance', 'Open Doors Initiative', 'Lantern Coalition',
  'Harbour Shelter Network', 'Bridge to Home Foundation', 'Compass Legal Aid',
];
const stateBodies = ['Ministry of Interior', 'National Rapporteur on Trafficking in Persons', 'Office of the Prosecutor General', 'Labour Inspectorate'];
const STATE_BODY_COUNT = 12;

/** Demo organisations: the secretariat, agencies and other bodies, fictitious NGOs, State bodies in a sample of countries (about 60). */
export const registryDemo: DemoContributor = {
  name: 'registry',
  tables: ['organisation_memberships', 'organisations'],
  async seed(tx, rng) {
    const countries = await tx.db.selectFrom('countries').select(['iso3', 'names']).where('un_status', '=', 'member').orderBy('iso3').execute();
    const rows: DemoOrganisation[] = [...agencies];
    for (const country of rng.sample(countries, STATE_BODY_COUNT)) {
      const body = rng.pick(stateBodies);
      rows.push({ type: 'state_body', name: `${body} (${country.names.en})`, acronym: null, seat: country.iso3 });
    }
    for (const name of ngoNames) rows.push({ type: 'ngo', name: `${name} (fictitious)`, acronym: null, seat: rng.pick(countries).iso3 });
    const inserted = await tx.db
      .insertInto('organisations')
      .values(
        rows.map((r) => ({
          type: r.type,
          name: r.name,
          acronym: r.acronym,
          country_iso3: r.seat,
          website: r.website ?? null,
          iati_org_id: r.iati ?? null,
          aliases: r.aliases ?? [],
          names: JSON.stringify({ en: r.name, ...r.names }) as never,
          acronyms: JSON.stringify(r.acronym ? { en: r.acronym, ...r.acronyms } : {}) as never,
          is_demo: true,
        })),
      )
      .returning(['id', 'type', 'acronym'])
      .execute();
    const byAcronym = new Map(inserted.filter((o) => o.acronym).map((o) => [o.acronym!, o.id]));
    for (const r of rows.filter((r) => r.parent)) {
      await tx.db.updateTable('organisations').set({ parent_id: byAcronym.get(r.parent!)! }).where('id', '=', byAcronym.get(r.acronym!)!).execute();
    }
    await tx.db.insertInto('organisation_memberships').values(demoMemberships(inserted, rng)).execute();
  },
};

const MEMBERSHIP_NOTE = 'Synthetic demonstration value';

function day(rng: Random, from: number, to: number): string {
  return `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/**
 * Synthetic memberships: the secretariat and agencies in the IAWG and the Global Partnership
 * from its early years; about half the other bodies in the Partnership, a few left since.
 */
function demoMemberships(organisations: { id: string; type: OrganisationType }[], rng: Random) {
  const rows: { organisation_id: string; body: MembershipBody; joined_on: string; left_on: string | null; notes: string; is_demo: boolean }[] = [];
  for (const o of organisations) {
    const agency = o.type === 'secretariat' || o.type === 'un_entity' || o.type === 'igo';
    if (agency) {
      rows.push({ organisation_id: o.id, body: 'iawg', joined_on: day(rng, 2007, 2012), left_on: null, notes: MEMBERSHIP_NOTE, is_demo: true });
      rows.push({ organisation_id: o.id, body: 'global_partnership', joined_on: day(rng, 2007, 2009), left_on: null, notes: MEMBERSHIP_NOTE, is_demo: true });
    } else if (rng.chance(0.5)) {
      const joined = day(rng, 2008, 2022);
      const left = rng.chance(0.15) ? day(rng, Number(joined.slice(0, 4)) + 1, 2025) : null;
      rows.push({ organisation_id: o.id, body: 'global_partnership', joined_on: joined, left_on: left, notes: MEMBERSHIP_NOTE, is_demo: true });
    }
  }
  return rows;
}
