import type { DemoContributor } from '../../platform/demo/demo.ts';
import { ActivitiesRepository } from './activities.repository.ts';
import { emptyDocument, exploitationForms, pillars, targetGroups, type ActivityDocument, type Narratives } from './activities.schema.ts';
import { ActivitiesService, columnsOf } from './activities.service.ts';

const DEMO_COUNT = 60;

const titles: Record<(typeof pillars)[number], { en: string; fr: string; es: string; ru: string }> = {
  prevention: { en: 'Awareness and safe migration counselling', fr: 'Sensibilisation et conseil pour une migration sûre', es: 'Sensibilización y asesoría para una migración segura', ru: 'Информирование и консультации по безопасной миграции' },
  protection: { en: 'Shelter and case management for identified victims', fr: 'Hébergement et gestion de cas des victimes identifiées', es: 'Albergue y gestión de casos de víctimas identificadas', ru: 'Приют и сопровождение выявленных пострадавших' },
  prosecution: { en: 'Training of prosecutors and judges on trafficking cases', fr: 'Formation des procureurs et juges aux affaires de traite', es: 'Capacitación de fiscales y jueces en casos de trata', ru: 'Обучение прокуроров и судей по делам о торговле людьми' },
  partnership: { en: 'National referral mechanism and inter-agency coordination', fr: "Mécanisme national d'orientation et coordination interinstitutions", es: 'Mecanismo nacional de derivación y coordinación interinstitucional', ru: 'Национальный механизм перенаправления и межведомственная координация' },
  demand_reduction: { en: 'Reducing demand in supply chains', fr: "Réduire la demande dans les chaînes d'approvisionnement", es: 'Reducir la demanda en las cadenas de suministro', ru: 'Снижение спроса в цепочках поставок' },
  recovery_reintegration: { en: 'Vocational training and reintegration of survivors', fr: 'Formation professionnelle et réintégration des survivants', es: 'Formación profesional y reintegración de sobrevivientes', ru: 'Профессиональное обучение и реинтеграция пострадавших' },
  technical_assistance: { en: 'Technical assistance for anti-trafficking legislation', fr: 'Assistance technique pour la législation contre la traite', es: 'Asistencia técnica para la legislación contra la trata', ru: 'Техническая помощь в разработке законодательства' },
};
const dacCodes = ['15180', '15160', '15190', '16070', '15130'];
const statuses = [1, 2, 2, 2, 3, 4, 4, 5];

/**
 * About 60 synthetic activities of the demo organisations, some with a second version. Reads
 * the registry's rows with the seeding transaction (tx.db): the registry service would need a
 * second connection, and the embedded database has one.
 */
export const activitiesDemo: DemoContributor = {
  name: 'activities',
  tables: ['activity_versions', 'activities'],
  async seed(tx, rng) {
    const orgs = await tx.db
      .selectFrom('organisations')
      .select(['id', 'name', 'acronym', 'iati_org_id'])
      .where('is_demo', '=', true)
      .where('type', 'in', ['un_entity', 'igo', 'ngo', 'state_body'])
      .orderBy('name')
      .execute();
    if (orgs.length === 0) return;
    const countries = await tx.db.selectFrom('countries').select('iso2').where('un_status', '=', 'member').orderBy('iso2').execute();
    const repo = new ActivitiesRepository(tx.db);
    for (let n = 1; n <= DEMO_COUNT; n++) {
      const org = rng.pick(orgs);
      const [pillar, second] = rng.sample(pillars, 2) as [(typeof pillars)[number], (typeof pillars)[number]];
      const text = titles[pillar];
      const startYear = rng.int(2019, 2027);
      const months = rng.int(12, 48);
      const start = `${startYear}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      const endDate = new Date(`${start}T00:00:00Z`);
      endDate.setUTCMonth(endDate.getUTCMonth() + months);
      const end = endDate.toISOString().slice(0, 10);
      const status = startYear > 2026 ? 1 : rng.pick(statuses);
      const where = rng.sample(countries, rng.int(1, 3));
      const shares = where.length === 1 ? [100] : where.length === 2 ? [60, 40] : [50, 30, 20];
      const budgetValue = rng.int(5, 400) * 10_000;
      const identifier = `XM-TIPHUB-DEMO-${String(n).padStart(3, '0')}`;
      const lang = rng.pick(['fr', 'es', 'ru'] as const);
      const title: Narratives = { en: `${text.en} (synthetic)`, [lang]: `${text[lang]} (${{ fr: 'fictif', es: 'ficticio', ru: 'вымышленный' }[lang]})` };
      const doc: ActivityDocument = {
        ...emptyDocument(identifier),
        reportingOrg: { ref: org.iati_org_id, type: null, name: { en: org.name } },
        title,
        description: { en: 'Synthetic demonstration activity: not a real project.' },
        status,
        dates: { plannedStart: start, actualStart: status >= 2 ? start : null, plannedEnd: end, actualEnd: status === 4 ? end : null },
        participatingOrgs: [
          { role: 2, organisationId: org.id, ref: org.iati_org_id, type: null, name: { en: org.name } },
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
        budgets: [{ type: 1, status: 2, periodStart: `${startYear}-01-01`, periodEnd: `${startYear}-12-31`, value: budgetValue, currency: 'USD', valueDate: `${startYear}-01-01` }],
        transactions:
          status >= 2
            ? [
                { ref: null, type: 2, date: start, value: budgetValue, currency: 'USD', valueDate: start, description: {}, providerOrg: null, receiverOrg: null },
                { ref: null, type: 3, date: start, value: Math.round(budgetValue * 0.4), currency: 'USD', valueDate: start, description: {}, providerOrg: null, receiverOrg: null },
              ]
            : [],
        results: rng.chance(0.5)
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
                    baseline: { year: startYear, value: 0, dimensions: {} },
                    periods: [{ start, end, targets: [{ value: rng.int(100, 5000), dimensions: {} }], actuals: status >= 3 ? [{ value: rng.int(50, 5000), dimensions: {} }] : [] }],
                  },
                ],
              },
            ]
          : [],
        mandateLinks: [`A/RES/61/180 para ${rng.pick([3, 4, 5, 6, 8])}`],
      };
      const published = rng.chance(0.85);
      const id = await ActivitiesService.insertDemo(repo, doc, org.id, published);
      if (n % 6 === 0 && status < 4) {
        // A second version, so demo histories and diffs are not empty.
        const next: ActivityDocument = { ...doc, status: status + 1, dates: { ...doc.dates, actualStart: doc.dates.actualStart ?? start } };
        await repo.update(id, columnsOf(next, org.id, published), 2);
        await repo.insertVersion({ activityId: id, version: 2, document: next, published, source: 'demo', changedBy: null, isDemo: true });
      }
    }
  },
};
