// Activity search: median latency of ten typical searches over 100,000 activities, through
// ActivitySearchService (the same code as GET /api/v1/activities/search, without HTTP), as
// the public sees them (published only). Activities are bulk loaded (COPY), so the search
// columns are filled by the migration's trigger as on every other write path.
//
//   npm run bench:activity-search                        (embedded PGlite, memory://)
//   BENCH_DATABASE_URL=postgres://... npm run bench:activity-search   (PostgreSQL instead)
//   BENCH_ENGINES=pglite,postgres                        (both; a throwaway PostgreSQL when no URL)
//   BENCH_ACTIVITIES=20000 BENCH_RUNS=7 BENCH_EXPLAIN=1  (smaller; runs per query; print plans)
import os from 'node:os';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/platform/db/prepare.ts';
import type { BulkTarget } from '../server/platform/db/bulk-load.ts';
import { ActivitySearchRepository } from '../server/modules/activities/activities.search.repository.ts';
import { activitySearchQuerySchema } from '../server/modules/activities/activities.search.schema.ts';
import { ActivitySearchService } from '../server/modules/activities/activities.search.service.ts';
import { searchTerms } from '../server/modules/activities/activities.search.terms.ts';
import { findPostgresBin, startThrowawayPostgres } from './throwaway-postgres.ts';

const ACTIVITIES = positiveInt(process.env.BENCH_ACTIVITIES, 100_000);
const RUNS = positiveInt(process.env.BENCH_RUNS, 7);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const ENGINES = (process.env.BENCH_ENGINES ?? (process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite')).split(',').map((s) => s.trim());
const ORGANISATIONS = 60;
const PUBLIC = { all: false as const, organisations: [] };

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value ? Number(value) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Activities: deterministic, titles and descriptions in several languages.

let seed = 0x2f6b1a3d;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership', 'demand_reduction', 'recovery_reintegration', 'technical_assistance'] as const;
const SUBJECTS: Record<(typeof PILLARS)[number], { en: string; fr: string; es: string; ru: string; ar: string; zh: string }> = {
  prevention: { en: 'Awareness and safe migration counselling', fr: 'Sensibilisation et conseil pour une migration sûre', es: 'Sensibilización y asesoría para una migración segura', ru: 'Информирование о безопасной миграции', ar: 'التوعية بشأن الهجرة الآمنة', zh: '提高认识和安全移民咨询' },
  protection: { en: 'Shelter and case management for identified victims', fr: 'Hébergement et gestion de cas des victimes identifiées', es: 'Albergue y gestión de casos de víctimas', ru: 'Приют и сопровождение пострадавших', ar: 'الإيواء وإدارة حالات الضحايا', zh: '为受害者提供庇护和个案管理' },
  prosecution: { en: 'Training of prosecutors and judges on trafficking cases', fr: 'Formation des procureurs et juges aux affaires de traite', es: 'Capacitación de fiscales y jueces en casos de trata', ru: 'Обучение прокуроров и судей', ar: 'تدريب المدعين العامين والقضاة', zh: '就贩运人口案件培训检察官和法官' },
  partnership: { en: 'National referral mechanism and inter-agency coordination', fr: 'Mécanisme national d’orientation et coordination', es: 'Mecanismo nacional de derivación y coordinación', ru: 'Национальный механизм перенаправления', ar: 'آلية الإحالة الوطنية والتنسيق', zh: '国家转介机制和机构间协调' },
  demand_reduction: { en: 'Reducing demand in supply chains', fr: 'Réduire la demande dans les chaînes d’approvisionnement', es: 'Reducir la demanda en las cadenas de suministro', ru: 'Снижение спроса в цепочках поставок', ar: 'الحد من الطلب في سلاسل الإمداد', zh: '减少供应链中的需求' },
  recovery_reintegration: { en: 'Vocational training and reintegration of survivors', fr: 'Formation professionnelle et réintégration des survivants', es: 'Formación profesional y reintegración de sobrevivientes', ru: 'Реинтеграция пострадавших', ar: 'إعادة إدماج الناجين', zh: '幸存者职业培训和重新融入社会' },
  technical_assistance: { en: 'Technical assistance for anti-trafficking legislation', fr: 'Assistance technique pour la législation contre la traite', es: 'Asistencia técnica para la legislación contra la trata', ru: 'Техническая помощь в разработке законодательства', ar: 'المساعدة التقنية بشأن التشريعات', zh: '反贩运立法技术援助' },
};
const PLACES = ['border districts', 'coastal provinces', 'the capital region', 'mining areas', 'fishing communities', 'refugee camps', 'garment factories', 'rural villages', 'transit hubs', 'online platforms'];
const COMMON_WORDS = ['hotline', 'shelter', 'referral', 'labour', 'inspection', 'children', 'women', 'migrants', 'recruitment', 'debt', 'bondage', 'forced', 'marriage', 'begging', 'organ', 'removal', 'sexual', 'exploitation', 'judicial', 'cooperation', 'data', 'survey', 'training', 'curriculum', 'schools', 'media', 'campaign', 'légal', 'protección', 'coordinación'];

/** Specific words: the common ones with a suffix, so that prefixes and typos behave as in real text. */
const VOCABULARY = COMMON_WORDS.flatMap((w) => ['', 'ing', 'ers', 'al', 'ity', 'ment', 'ive', 'ance', 'ist', 'ship', 'hood', 'ward'].map((s) => `${w}${s}`)).concat(
  Array.from({ length: 400 }, (_, i) => `term${(i * 7919) % 997}x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 3) % 26))}`),
);

interface Generated {
  rows: unknown[][];
  /** A country code present in the data, for the filter queries. */
  sampleOrg: string;
}

function generate(count: number, orgIds: string[], countries: string[]): Generated {
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const pillar = pick(PILLARS);
    const subject = SUBJECTS[pillar];
    const place = pick(PLACES);
    const country = pick(countries);
    const langs = rand() < 0.5 ? ['en', 'fr'] : rand() < 0.5 ? ['en', 'es', 'ru'] : ['en', 'ar', 'zh'];
    const title: Record<string, string> = {};
    for (const l of langs) title[l] = l === 'en' ? `${subject.en} in ${place}` : subject[l as 'fr'];
    const words: string[] = [];
    // A few words every report uses, then the subject's own: each specific word is in a few
    // per cent of the descriptions, as in real reports (a 30-word vocabulary would put every
    // word in half of them).
    for (let w = 0; w < 5; w++) words.push(pick(COMMON_WORDS));
    for (let w = 0; w < 20; w++) words.push(pick(VOCABULARY));
    const description = { en: `Activity ${i + 1}: ${words.join(' ')}.` };
    const startYear = 2010 + Math.floor(rand() * 16);
    const start = `${startYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`;
    const end = `${startYear + 1 + Math.floor(rand() * 4)}-12-31`;
    const reporting = pick(orgIds);
    const partner = pick(orgIds);
    const status = 1 + Math.floor(rand() * 5);
    const identifier = `XB-BENCH-${String(i + 1).padStart(7, '0')}`;
    const document = {
      iatiIdentifier: identifier,
      reportingOrg: { ref: null, type: null, name: { en: 'Bench agency' } },
      title,
      description,
      status,
      dates: { plannedStart: start, actualStart: null, plannedEnd: end, actualEnd: null },
      participatingOrgs: [{ role: 4, organisationId: partner, ref: null, type: null, name: { en: 'Bench partner' } }],
      recipientCountries: [{ code: country, percentage: 100 }],
      recipientRegions: [],
      sectors: [{ vocabulary: 'tip', code: pillar, percentage: 100 }],
      targetGroups: [],
      exploitationForms: [],
      traffickingMarker: 2,
      budgets: [],
      transactions: [],
      results: [],
      mandateLinks: [],
      documents: [],
      contacts: [],
    };
    // 90 % published: the public searches those.
    rows.push([identifier, reporting, JSON.stringify(document), Object.values(title).join(' \u2016 '), status, rand() < 0.9, [country], [pillar], start, end, 1]);
  }
  return { rows, sampleOrg: orgIds[0]! };
}

const target: BulkTarget = { table: 'activities', columns: ['iati_identifier', 'reporting_org_id', 'document', 'title_text', 'status', 'published', 'country_codes', 'pillars', 'start_date', 'end_date', 'version'] };

// ---------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const log = (msg: string) => console.log(msg);

async function run(engine: string, database: Database): Promise<void> {
  const { rows: v } = await sql<{ v: string }>`select version() as v`.execute(database.db);
  log(`${engine}: ${(v[0]?.v ?? '?').split(' on ')[0]}`);
  await prepareDatabase(database);
  await sql`DELETE FROM activity_versions`.execute(database.db);
  await sql`DELETE FROM activities`.execute(database.db);

  const orgIds: string[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const row = await database.db.insertInto('organisations').values({ type: 'un_entity', name: `Bench agency ${i + 1}` }).returning('id').executeTakeFirstOrThrow();
    orgIds.push(row.id);
  }
  const countries = (await database.db.selectFrom('countries').select('iso2').orderBy('iso2').execute()).map((c) => c.iso2);

  seed = 0x2f6b1a3d;
  let t = performance.now();
  const { rows, sampleOrg } = generate(ACTIVITIES, orgIds, countries);
  log(`  generated ${ACTIVITIES.toLocaleString('en')} activities in ${ms(performance.now() - t)}`);
  t = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) {
    await database.transaction((tx) => tx.bulkLoad(target, rows.slice(i, i + 10_000)));
  }
  await sql`ANALYZE activities`.execute(database.db);
  log(`  bulk loaded (search columns filled by the trigger) and analysed in ${ms(performance.now() - t)}`);

  const queries: { name: string; query: Record<string, string> }[] = [
    { name: 'a word: "hotline"', query: { q: 'hotline' } },
    { name: 'two words: "shelter victims"', query: { q: 'shelter victims' } },
    { name: 'accented word typed plain: "reintegration"', query: { q: 'reintegration' } },
    { name: 'misspelt word: "prosecuters"', query: { q: 'prosecuters' } },
    { name: 'Arabic word: "الناجين"', query: { q: 'الناجين' } },
    { name: 'Russian word: "прокуроров"', query: { q: 'прокуроров' } },
    { name: 'filters only: country + pillar', query: { country: 'NGA', pillar: 'protection' } },
    { name: 'word + country: "training" in NGA', query: { q: 'training', country: 'NGA' } },
    { name: 'word + dates: "hotline" 2020', query: { q: 'hotline', from: '2020-01-01', to: '2020-12-31' } },
    { name: 'word + organisation: "referral"', query: { q: 'referral', organisation: sampleOrg } },
  ];
  const service = new ActivitySearchService(database);
  const repo = new ActivitySearchRepository(database.db);
  const results: { name: string; median: number; total: number }[] = [];
  for (const { name, query } of queries) {
    const parsed = activitySearchQuerySchema.parse(query);
    await service.search(PUBLIC, parsed); // warm-up, untimed
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      total = (await service.search(PUBLIC, parsed)).total;
      times.push(performance.now() - started);
    }
    results.push({ name, median: median(times), total });
    log(`  ${name.padEnd(45)} median ${ms(median(times)).padStart(10)}  (${total.toLocaleString('en')} matches; runs ${times.map((x) => x.toFixed(0)).join(', ')})`);
    if (EXPLAIN) {
      const iso2 = parsed.country ? (await database.db.selectFrom('countries').select('iso2').where('iso3', 'in', parsed.country).execute()).map((c) => c.iso2) : undefined;
      const terms = parsed.q ? searchTerms(parsed.q) : null;
      const corrections = terms ? await repo.corrections(terms.words, PUBLIC) : undefined;
      const plan = await repo.explain({ terms, corrections, countriesIso2: iso2, organisations: parsed.organisation, pillars: parsed.pillar, from: parsed.from, to: parsed.to }, PUBLIC, { limit: 20, offset: 0, headlines: true });
      log(plan.replace(/^/gm, '      '));
    }
  }
  const all = results.map((r) => r.median);
  log('');
  log(`| Query (${engine}, ${ACTIVITIES.toLocaleString('en')} activities) | Matches | Median |`);
  log('|---|---:|---:|');
  for (const r of results) log(`| ${r.name} | ${r.total.toLocaleString('en')} | ${ms(r.median)} |`);
  log(`| **median of the ten medians** | | **${ms(median(all))}** |`);
  log('');
}

log(`Activity search benchmark: ${ACTIVITIES.toLocaleString('en')} activities, ${RUNS} timed runs per query (after one warm-up), median reported`);
log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`);

for (const engine of ENGINES) {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await run('PGlite', database);
    } finally {
      await database.close();
    }
  } else if (engine === 'postgres') {
    let url = process.env.BENCH_DATABASE_URL;
    let stop: (() => void) | undefined;
    if (!url) {
      if (!findPostgresBin()) {
        log('PostgreSQL skipped: no BENCH_DATABASE_URL and no initdb/pg_ctl to start a throwaway server');
        continue;
      }
      const server = await startThrowawayPostgres();
      url = server.url;
      stop = server.stop;
    }
    try {
      const database = await openDatabase({ url, poolSize: 2 });
      try {
        await run('PostgreSQL', database);
      } finally {
        await database.close();
      }
    } finally {
      stop?.();
    }
  } else throw new Error(`unknown engine ${engine} (BENCH_ENGINES takes pglite,postgres)`);
}
