import type { Tx } from '../../platform/db/database.ts';
import type { DemoContributor } from '../../platform/demo/demo.ts';
import type { Random } from '../../platform/demo/random.ts';
import type { ActivityColumns } from './activities.repository.ts';
import { emptyDocument, exploitationForms, pillars, targetGroups, type ActivityDocument, type Narratives } from './activities.schema.ts';
import { columnsOf } from './activities.service.ts';

type Pillar = (typeof pillars)[number];
type Lang = 'ar' | 'zh' | 'fr' | 'ru' | 'es';

/** Activities in the demo, planted near-duplicates included. */
export const DEMO_ACTIVITY_COUNT = 3000;
/** Near-duplicate pairs planted for duplicate detection to find. */
export const DEMO_PLANTED_PAIRS = 40;
/** Countries the demo activities are spread over (every one receives at least one). */
export const DEMO_COUNTRY_COUNT = 152;
/**
 * Paragraph labels of A/RES/61/180 the demo links activities to. Paragraph 11 is left out on
 * purpose, so that a mandate page shows a paragraph that no activity implements.
 */
export const DEMO_MANDATE_LABELS = ['1', '2', '3', '4', '5', '5(a)', '5(b)', '5(c)', '6', '6(a)', '6(b)', '6(c)', '6(d)', '7', '8', '9', '10'] as const;
const TODAY = '2026-11-29';

const titles: Record<Pillar, Record<'en' | Lang, string>> = {
  prevention: { en: 'Awareness and safe migration counselling', fr: 'Sensibilisation et conseil pour une migration sûre', es: 'Sensibilización y asesoría para una migración segura', ru: 'Информирование и консультации по безопасной миграции', ar: 'التوعية وتقديم المشورة بشأن الهجرة الآمنة', zh: '提高认识和安全移民咨询' },
  protection: { en: 'Shelter and case management for identified victims', fr: 'Hébergement et gestion de cas des victimes identifiées', es: 'Albergue y gestión de casos de víctimas identificadas', ru: 'Приют и сопровождение выявленных пострадавших', ar: 'الإيواء وإدارة حالات الضحايا المحددين', zh: '为已识别受害者提供庇护和个案管理' },
  prosecution: { en: 'Training of prosecutors and judges on trafficking cases', fr: 'Formation des procureurs et juges aux affaires de traite', es: 'Capacitación de fiscales y jueces en casos de trata', ru: 'Обучение прокуроров и судей по делам о торговле людьми', ar: 'تدريب المدعين العامين والقضاة على قضايا الاتجار بالأشخاص', zh: '就贩运人口案件培训检察官和法官' },
  partnership: { en: 'National referral mechanism and inter-agency coordination', fr: "Mécanisme national d'orientation et coordination interinstitutions", es: 'Mecanismo nacional de derivación y coordinación interinstitucional', ru: 'Национальный механизм перенаправления и межведомственная координация', ar: 'آلية الإحالة الوطنية والتنسيق بين الوكالات', zh: '国家转介机制和机构间协调' },
  demand_reduction: { en: 'Reducing demand in supply chains', fr: "Réduire la demande dans les chaînes d'approvisionnement", es: 'Reducir la demanda en las cadenas de suministro', ru: 'Снижение спроса в цепочках поставок', ar: 'الحد من الطلب في سلاسل الإمداد', zh: '减少供应链中的需求' },
  recovery_reintegration: { en: 'Vocational training and reintegration of survivors', fr: 'Formation professionnelle et réintégration des survivants', es: 'Formación profesional y reintegración de sobrevivientes', ru: 'Профессиональное обучение и реинтеграция пострадавших', ar: 'التدريب المهني وإعادة إدماج الناجين', zh: '幸存者职业培训和重新融入社会' },
  technical_assistance: { en: 'Technical assistance for anti-trafficking legislation', fr: 'Assistance technique pour la législation contre la traite', es: 'Asistencia técnica para la legislación contra la trata', ru: 'Техническая помощь в разработке законодательства', ar: 'المساعدة التقنية بشأن تشريعات مكافحة الاتجار', zh: '反贩运立法技术援助' },
};

// Other English wordings of the same work: variety for ordinary activities, and the rewording
// that makes a planted duplicate look different from its original.
const rewordings: Record<Pillar, string[]> = {
  prevention: ['Community outreach on the risks of irregular recruitment', 'Information campaign for prospective migrant workers', 'School-based prevention of child trafficking'],
  protection: ['Safe accommodation and individual support for trafficking survivors', 'Victim identification and assistance services', 'Psychosocial and legal aid for rescued victims'],
  prosecution: ['Capacity building for the judiciary on human trafficking prosecutions', 'Joint investigation teams against trafficking networks', 'Financial investigations into trafficking proceeds'],
  partnership: ['Strengthening cooperation among national anti-trafficking actors', 'Regional platform for cross-border case referral', 'Multi-stakeholder task force on trafficking'],
  demand_reduction: ['Due diligence against forced labour in procurement', 'Ethical recruitment commitments with employers', 'Consumer awareness on products made with forced labour'],
  recovery_reintegration: ['Skills development and livelihoods for returning survivors', 'Economic empowerment of trafficking survivors', 'Family reunification and community reintegration'],
  technical_assistance: ['Support to drafting a comprehensive anti-trafficking law', 'Legislative review against the Trafficking in Persons Protocol', 'Advisory support for a national action plan on trafficking'],
};
const purposes: Record<Pillar, string[]> = {
  prevention: ['reduce the vulnerability of people who may migrate', 'reach communities before recruiters do'],
  protection: ['give identified victims safety, care and information on their rights', 'ensure survivors get shelter, health care and legal advice'],
  prosecution: ['raise the number of cases investigated and tried', 'help investigators and prosecutors build cases against traffickers'],
  partnership: ['make the national referral of victims work across institutions', 'bring government, agencies and civil society around one table'],
  demand_reduction: ['remove forced labour from supply chains', 'make employers and buyers accountable for recruitment practices'],
  recovery_reintegration: ['help survivors rebuild their livelihoods', 'support lasting reintegration of survivors in their communities'],
  technical_assistance: ['align national legislation with international standards', 'support the State in implementing its obligations under the Protocol'],
};
const suffix: Record<'en' | Lang, string> = { en: 'synthetic', fr: 'fictif', es: 'ficticio', ru: 'вымышленный', ar: 'بيانات وهمية', zh: '虚构' };
const dacCodes = ['15180', '15160', '15190', '16070', '15130', '15170', '13010'];
const currencies = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'CHF'];

interface Country {
  iso2: string;
  names: Record<string, string>;
}
interface Org {
  id: string;
  name: string;
  iati_org_id: string | null;
}
interface Planned {
  doc: ActivityDocument;
  orgId: string;
  published: boolean;
  /** The document's first version, when the activity has a second one (demo histories). */
  first: ActivityDocument | null;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function statusFor(start: string, end: string, rng: Random): number {
  if (start > TODAY) return 1;
  if (end < TODAY) return rng.chance(0.08) ? 5 : rng.chance(0.2) ? 3 : 4;
  return rng.chance(0.05) ? 6 : 2;
}

/** One synthetic activity document; `pillar`, `country` and `start` are fixed for planted duplicates. */
function makeDocument(rng: Random, n: number, identifier: string, org: Org, partner: Org, country: Country, others: Country[], pillar: Pillar, start: string, months: number, reword: number | null): ActivityDocument {
  const end = addMonths(start, months);
  const status = statusFor(start, end, rng);
  const where = [country, ...others];
  const shares = where.length === 1 ? [100] : where.length === 2 ? [60, 40] : [50, 30, 20];
  const currency = rng.pick(currencies);
  const place = country.names.en ?? country.iso2;
  // A planted duplicate always uses another wording than its original.
  const wording = reword ?? (rng.chance(0.5) ? -1 : rng.int(0, 2));
  const title: Narratives = { en: `${wording < 0 ? titles[pillar].en : rewordings[pillar][wording]!} in ${place} (${suffix.en})` };
  if (wording < 0 && rng.chance(0.45)) {
    const lang = rng.pick(['fr', 'es', 'ru', 'ar', 'zh'] as const);
    title[lang] = `${titles[pillar][lang]} — ${country.names[lang] ?? place} (${suffix[lang]})`;
  }
  const purpose = rng.pick(purposes[pillar]);
  const description: Narratives = {
    en: reword === null
      ? `Synthetic demonstration activity, not a real project. It aims to ${purpose} in ${place}.`
      : `Synthetic demonstration activity, not a real project. In ${place}, the work sets out to ${purpose}, with local partners.`,
  };
  const second = rng.pick(pillars.filter((p) => p !== pillar));
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Math.min(Number(end.slice(0, 4)), Number(start.slice(0, 4)) + 3); y++) years.push(y);
  const yearly = rng.int(2, 80) * 10_000;
  const started = status >= 2 && status !== 5;
  const transactions: ActivityDocument['transactions'] = [];
  if (started) {
    transactions.push({ ref: null, type: 2, date: start, value: yearly * years.length, currency, valueDate: start, description: {}, providerOrg: null, receiverOrg: null });
    for (const y of years.filter((y) => `${y}-06-30` <= TODAY)) {
      transactions.push({ ref: null, type: 3, date: `${y}-06-30`, value: Math.round(yearly * (0.4 + rng.next() * 0.5)), currency, valueDate: `${y}-06-30`, description: { en: 'Disbursement to implementing partner' }, providerOrg: null, receiverOrg: { ref: partner.iati_org_id, name: { en: partner.name } } });
    }
  }
  const mandateLinks = rng.chance(0.12) ? [] : rng.sample(DEMO_MANDATE_LABELS, rng.int(1, 2)).map((l) => `A/RES/61/180 para ${l}`);
  return {
    ...emptyDocument(identifier),
    reportingOrg: { ref: org.iati_org_id, type: null, name: { en: org.name } },
    title,
    description,
    status,
    dates: { plannedStart: start, actualStart: started ? start : null, plannedEnd: end, actualEnd: status === 4 || status === 3 ? end : null },
    participatingOrgs: [
      ...(rng.chance(0.4) ? [{ role: 1 as const, organisationId: partner.id, ref: partner.iati_org_id, type: null, name: { en: partner.name } }] : []),
      { role: 2, organisationId: org.id, ref: org.iati_org_id, type: null, name: { en: org.name } },
      { role: 3, organisationId: org.id, ref: org.iati_org_id, type: null, name: { en: org.name } },
      { role: 4, organisationId: null, ref: null, type: '22', name: { en: `Local implementing partner ${n} (fictitious)` } },
    ],
    recipientCountries: where.map((c, i) => ({ code: c.iso2, percentage: shares[i]! })),
    sectors: [
      { vocabulary: '1', code: rng.pick(dacCodes), percentage: 100 },
      { vocabulary: 'tip', code: pillar, percentage: 70 },
      { vocabulary: 'tip', code: second, percentage: 30 },
    ],
    targetGroups: rng.sample(targetGroups, rng.int(1, 3)),
    exploitationForms: rng.sample(exploitationForms, rng.int(1, 2)),
    traffickingMarker: rng.chance(0.7) ? 2 : 1,
    budgets: years.map((y) => ({ type: 1 as const, status: (y <= 2026 ? 2 : 1), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, value: yearly, currency, valueDate: `${y}-01-01` })),
    transactions,
    results: rng.chance(0.6)
      ? [
          {
            type: 1,
            title: { en: 'People reached' },
            description: {},
            indicators: [
              {
                measure: 1,
                ascending: true,
                title: { en: 'Number of people reached' },
                baseline: { year: Number(start.slice(0, 4)), value: 0, dimensions: {} },
                periods: [
                  {
                    start,
                    end,
                    targets: [{ value: rng.int(100, 5000), dimensions: {} }],
                    actuals: status >= 3 ? [{ value: rng.int(50, 2500), dimensions: { sex: 'female' } }, { value: rng.int(50, 2500), dimensions: { sex: 'male' } }] : [],
                  },
                ],
              },
            ],
          },
        ]
      : [],
    mandateLinks,
  };
}

/**
 * 3,000 synthetic activities of the demo organisations over about 150 countries and every
 * pillar, some with a second version, some drafts, and 40 planted near-duplicate pairs recorded
 * in demo_planted_duplicates. Rows are built with columnsOf (as every write does) and inserted a
 * few hundred per statement, so row triggers on activities fire as for normal writes. Reads the
 * registry's rows with the seeding transaction (one connection on the embedded database).
 */
export const activitiesDemo: DemoContributor = {
  name: 'activities',
  tables: ['demo_planted_duplicates', 'activity_versions', 'activities'],
  async seed(tx, rng) {
    const orgs = await tx.db
      .selectFrom('organisations')
      .select(['id', 'name', 'iati_org_id'])
      .where('is_demo', '=', true)
      .where('type', 'in', ['un_entity', 'igo', 'ngo', 'state_body', 'research', 'private_sector'])
      .orderBy('name')
      .execute();
    const funders = await tx.db.selectFrom('organisations').select(['id', 'name', 'iati_org_id']).where('is_demo', '=', true).where('type', 'in', ['donor', 'igo', 'state_body']).orderBy('name').execute();
    if (orgs.length < 2 || funders.length === 0) return;
    const all = await tx.db.selectFrom('countries').select(['iso2', 'names']).where('un_status', '=', 'member').orderBy('iso2').execute();
    const countries = rng.sample(all, DEMO_COUNTRY_COUNT);

    const planned: Planned[] = [];
    const base = DEMO_ACTIVITY_COUNT - DEMO_PLANTED_PAIRS;
    for (let n = 1; n <= base; n++) {
      // Round-robin over the countries first, so every one of them has activities.
      const country = n <= countries.length ? countries[n - 1]! : rng.pick(countries);
      const others = rng.chance(0.2) ? rng.sample(countries.filter((c) => c !== country), rng.int(1, 2)) : [];
      const start = `${rng.int(2015, 2027)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      const doc = makeDocument(rng, n, `XM-TIPHUB-DEMO-${String(n).padStart(4, '0')}`, rng.pick(orgs), rng.pick(funders), country, others, pillars[n % pillars.length]!, start, rng.int(12, 48), null);
      const org = doc.participatingOrgs.find((p) => p.role === 2)!.organisationId!;
      planned.push(withHistory(rng, { doc, orgId: org, published: rng.chance(0.88), first: null }));
    }

    // Near-duplicates: same country, pillar and overlapping period, reworded, another organisation.
    const originals = rng.sample(planned.filter((p) => p.doc.recipientCountries.length === 1 && p.first === null), DEMO_PLANTED_PAIRS);
    const pairs: { original: string; duplicate: string; country: string; pillar: Pillar }[] = [];
    originals.forEach((o, k) => {
      const pillar = o.doc.sectors.find((s) => s.vocabulary === 'tip' && s.percentage === 70)!.code as Pillar;
      const country = countries.find((c) => c.iso2 === o.doc.recipientCountries[0]!.code)!;
      const org = rng.pick(orgs.filter((x) => x.id !== o.orgId));
      // Shifted a few months, but inside the demo's years (2015-2027) like every other activity.
      const shifted = addMonths(o.doc.dates.plannedStart!, rng.int(-4, 6));
      const start = shifted < '2015-01-01' ? '2015-01-01' : shifted > '2027-12-01' ? '2027-12-01' : shifted;
      const identifier = `XM-TIPHUB-DEMO-D${String(k + 1).padStart(3, '0')}`;
      const original = o.doc.title.en!;
      const wording = rewordings[pillar].findIndex((w) => original.startsWith(w));
      const doc = makeDocument(rng, base + k + 1, identifier, org, rng.pick(funders), country, [], pillar, start, rng.int(12, 36), (wording + 1 + rng.int(0, 1)) % rewordings[pillar].length);
      planned.push({ doc, orgId: org.id, published: true, first: null });
      pairs.push({ original: o.doc.iatiIdentifier, duplicate: identifier, country: country.iso2, pillar });
    });

    const ids = await insertActivities(tx, planned, planTimes(rng, planned));
    await tx.db
      .insertInto('demo_planted_duplicates')
      .values(pairs.map((p) => ({ original_id: ids.get(p.original)!, duplicate_id: ids.get(p.duplicate)!, country_code: p.country, pillar: p.pillar, is_demo: true })))
      .execute();
  },
};

/** One activity in six gets a second version (a status step), so demo histories and diffs are not empty. */
function withHistory(rng: Random, p: Planned): Planned {
  if (!rng.chance(1 / 6) || p.doc.status === 1 || p.doc.status >= 4) return p;
  const first: ActivityDocument = { ...p.doc, status: 1, dates: { ...p.doc.dates, actualStart: null, actualEnd: null }, transactions: [] };
  return { ...p, first };
}

interface Times {
  created: Date;
  updated: Date;
}

/** Reporting windows of the demo calendar (monitoring.demo.ts): after each half-year, before its due date. */
const demoWindows = [2021, 2022, 2023, 2024, 2025, 2026].flatMap((y) => [
  { from: Date.UTC(y, 0, 1), days: 58 },
  { from: Date.UTC(y, 6, 1), days: 61 },
]).filter((w) => w.from < Date.UTC(2026, 8, 1));
const demoSpanFrom = Date.UTC(2021, 0, 1);
const demoSpanDays = 2130; // to October 2026
const DAY = 86_400_000;

/**
 * When each demo activity was created and last updated, spread over 2021-2026 instead of the
 * moment of seeding, so scorecards show real freshness and timeliness: each organisation has
 * its own diligence, the chance that an update falls inside a reporting window.
 */
function planTimes(rng: Random, planned: Planned[]): Times[] {
  const diligence = new Map<string, number>();
  const moment = (orgId: string): number => {
    if (!diligence.has(orgId)) diligence.set(orgId, rng.int(15, 95) / 100);
    if (rng.chance(diligence.get(orgId)!)) {
      const w = rng.pick(demoWindows);
      return w.from + rng.int(0, w.days) * DAY + rng.int(8, 18) * 3_600_000;
    }
    return demoSpanFrom + rng.int(0, demoSpanDays) * DAY + rng.int(8, 18) * 3_600_000;
  };
  return planned.map((p) => {
    const a = moment(p.orgId);
    const b = p.first ? moment(p.orgId) : a;
    return { created: new Date(Math.min(a, b)), updated: new Date(Math.max(a, b)) };
  });
}

/** Inserts activities and their versions a few hundred rows a statement; returns identifier → id. */
async function insertActivities(tx: Tx, planned: Planned[], times: Times[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const CHUNK = 250;
  for (let i = 0; i < planned.length; i += CHUNK) {
    const chunk = planned.slice(i, i + CHUNK);
    const rows = await tx.db
      .insertInto('activities')
      .values(
        chunk.map((p, k) => {
          const columns: ActivityColumns = columnsOf(p.doc, p.orgId, p.published);
          const { created, updated } = times[i + k]!;
          return { ...columns, document: JSON.stringify(columns.document), version: p.first ? 2 : 1, is_demo: true, created_at: created, updated_at: updated };
        }),
      )
      .returning(['id', 'iati_identifier'])
      .execute();
    for (const r of rows) ids.set(r.iati_identifier, r.id);
    const versions = chunk.flatMap((p, k) => {
      const activity_id = ids.get(p.doc.iatiIdentifier)!;
      const { created, updated } = times[i + k]!;
      const final = { activity_id, document: JSON.stringify(p.doc), published: p.published, source: 'demo' as const, changed_by: null, is_demo: true, created_at: updated };
      return p.first ? [{ ...final, version: 1, document: JSON.stringify(p.first), created_at: created }, { ...final, version: 2 }] : [{ ...final, version: 1 }];
    });
    await tx.db.insertInto('activity_versions').values(versions).execute();
  }
  return ids;
}
