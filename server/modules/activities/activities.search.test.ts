// Full-text search over activities through the HTTP API: languages, accents, misspellings,
// every filter, paging, who sees drafts, bad parameters, and that every write path (create,
// change, IATI import) keeps the search columns current.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import type { Activity } from './activities.schema.ts';
import type { ActivitySearchResult } from './activities.search.schema.ts';
import { searchTerms } from './activities.search.terms.ts';

let t: TestApp;
let orgA: { id: string };
let orgB: { id: string };
let partner: { id: string };
let focalA: SignedIn;
let focalB: SignedIn;

const create = async (body: Record<string, unknown>, headers: Record<string, string> = focalA.headers): Promise<Activity> => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers, payload: body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<Activity>();
};
const dates = (start: string, end: string) => ({ plannedStart: start, plannedEnd: end, actualStart: null, actualEnd: null });
const tip = (...codes: string[]) => codes.map((code) => ({ vocabulary: 'tip', code, percentage: null }));

const search = async (query: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/activities/search?${query}`, headers });
  assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
  return res.json<ActivitySearchResult>();
};
const ids = async (query: string, headers: Record<string, string> = {}) => (await search(query, headers)).items.map((i) => i.iatiIdentifier).sort();
const q = (s: string) => `q=${encodeURIComponent(s)}`;

before(async () => {
  t = await testApp();
  orgA = await createOrganisation(t.database.db, { name: 'Search Agency A', type: 'un_entity' });
  orgB = await createOrganisation(t.database.db, { name: 'Search Agency B', type: 'ngo' });
  partner = await createOrganisation(t.database.db, { name: 'Implementing Partner', type: 'ngo' });
  focalA = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgA.id })).auth;
  focalB = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgB.id })).auth;

  await create({
    iatiIdentifier: 'XS-CIV',
    reportingOrgId: orgA.id,
    published: true,
    status: 2,
    title: { en: 'Victim protection in Côte d’Ivoire', fr: 'Protection des victimes en Côte d’Ivoire', ar: 'حماية ضحايا الاتجار بالبشر', ru: 'Защита жертв торговли людьми' },
    description: { en: 'Shelters and legal aid for survivors of trafficking along the coast.', zh: '为沿海地区的人口贩运幸存者提供庇护所和法律援助' },
    recipientCountries: [{ code: 'CI', percentage: 100 }],
    sectors: tip('protection'),
    dates: dates('2024-01-01', '2025-12-31'),
  });
  await create({
    iatiIdentifier: 'XS-PER',
    reportingOrgId: orgA.id,
    published: true,
    status: 4,
    title: { en: 'Prosecution training for judges in Peru', es: 'Capacitación de jueces en Perú' },
    description: { en: 'Judicial training on human trafficking cases.' },
    recipientCountries: [{ code: 'PE', percentage: 60 }, { code: 'BO', percentage: 40 }],
    sectors: tip('prosecution'),
    participatingOrgs: [{ role: 4, organisationId: partner.id, ref: null, type: null, name: { en: 'Implementing Partner' } }],
    dates: dates('2019-03-01', '2020-06-30'),
  });
  await create(
    {
      iatiIdentifier: 'XS-NGA',
      reportingOrgId: orgB.id,
      published: true,
      status: 2,
      title: { en: 'Safe migration awareness in Nigeria' },
      recipientCountries: [{ code: 'NG', percentage: 100 }],
      sectors: tip('prevention'),
      dates: dates('2025-06-01', '2027-05-31'),
    },
    focalB.headers,
  );
  // A draft of A: only A's people may find it.
  await create({
    iatiIdentifier: 'XS-DRAFT',
    reportingOrgId: orgA.id,
    status: 1,
    title: { en: 'Confidential planning of victim protection hotline' },
    recipientCountries: [{ code: 'CI', percentage: 100 }],
    sectors: tip('protection'),
  });
});
after(async () => {
  await t.close();
});

test('words match in every language, accents and case ignored, with a highlighted snippet', async () => {
  assert.deepEqual(await ids(q('cote divoire')), ['XS-CIV'], 'd’Ivoire typed as one word is close enough');
  assert.deepEqual(await ids(q('COTE ivoire')), ['XS-CIV']);
  assert.deepEqual(await ids(q('victimes')), ['XS-CIV'], 'French title');
  assert.deepEqual(await ids(q('Peru')), ['XS-PER'], 'Perú typed plain');
  assert.deepEqual(await ids(q('жертв')), ['XS-CIV'], 'Russian');
  assert.deepEqual(await ids(q('حماية')), ['XS-CIV'], 'Arabic');
  assert.deepEqual(await ids(q('人口贩运')), ['XS-CIV'], 'Chinese, a substring of an unspaced run');
  assert.deepEqual(await ids(q('legal aid survivors')), ['XS-CIV'], 'description words, all of them');
  assert.deepEqual(await ids(q('legal nigeria')), [], 'every word must match');
  assert.deepEqual(await ids(q('prosecu')), ['XS-PER'], 'a word prefix');

  const hit = (await search(q('shelters'))).items[0]!;
  assert.equal(hit.reportingOrgName, 'Search Agency A');
  assert.deepEqual(hit.countriesIso3, ['CIV']);
  assert.ok(hit.snippet.some((p) => p.hit && p.text === 'Shelters'), JSON.stringify(hit.snippet));
  assert.ok(hit.rank > 0);
  const chinese = (await search(q('人口贩运'))).items[0]!;
  assert.ok(chinese.snippet.some((p) => p.hit && p.text === '人口贩运'), JSON.stringify(chinese.snippet));
});

test('a misspelt title word still finds the activity', async () => {
  assert.deepEqual(await ids(q('protecton')), ['XS-CIV']);
  assert.deepEqual(await ids(q('safe migraton')), ['XS-NGA']);
  assert.deepEqual(await ids(q('inspection')), [], 'a different word with the same ending is no typo');
  assert.deepEqual(await ids(q('prosecutoin training')), ['XS-PER']);
});

test('filters: countries (alpha-3, several), organisation (reporting or participating), pillar, status, dates', async () => {
  assert.deepEqual(await ids('country=CIV'), ['XS-CIV']);
  assert.deepEqual(await ids('country=bol,nga'), ['XS-NGA', 'XS-PER']);
  assert.deepEqual(await ids('country=PER&country=NGA'), ['XS-NGA', 'XS-PER'], 'repeated parameters');
  assert.deepEqual(await ids(`organisation=${orgB.id}`), ['XS-NGA']);
  assert.deepEqual(await ids(`organisation=${partner.id}`), ['XS-PER'], 'a participating organisation');
  assert.deepEqual(await ids(`organisation=${orgA.id}`), ['XS-CIV', 'XS-PER']);
  assert.deepEqual(await ids('pillar=prevention,prosecution'), ['XS-NGA', 'XS-PER']);
  assert.deepEqual(await ids('status=4'), ['XS-PER']);
  assert.deepEqual(await ids('status=1,2'), ['XS-CIV', 'XS-NGA']);
  assert.deepEqual(await ids('from=2020-01-01&to=2020-12-31'), ['XS-PER'], 'overlaps 2019-2020');
  assert.deepEqual(await ids('from=2025-12-31'), ['XS-CIV', 'XS-NGA'], 'running on or after');
  assert.deepEqual(await ids('to=2019-03-01'), ['XS-PER'], 'running on or before');
  assert.deepEqual(await ids('from=2021-01-01&to=2023-12-31'), []);
  assert.deepEqual(await ids(`${q('protection')}&country=CIV&pillar=protection&status=2&from=2025-01-01`), ['XS-CIV']);
  assert.deepEqual(await ids(`${q('protection')}&country=NGA`), []);
});

test('paging carries the total; past the end the total is still told', async () => {
  const first = await search('limit=2');
  assert.equal(first.total, 3);
  assert.equal(first.items.length, 2);
  const second = await search('limit=2&offset=2');
  assert.equal(second.items.length, 1);
  assert.equal(second.total, 3);
  assert.deepEqual([...first.items, ...second.items].map((i) => i.iatiIdentifier).sort(), ['XS-CIV', 'XS-NGA', 'XS-PER']);
  const beyond = await search('limit=2&offset=10');
  assert.deepEqual([beyond.items.length, beyond.total], [0, 3]);
});

test('drafts: invisible to the public and to other organisations, visible to the owner', async () => {
  assert.deepEqual(await ids(q('hotline')), []);
  assert.deepEqual(await ids(q('hotline'), focalB.headers), []);
  assert.deepEqual(await ids(q('hotline'), focalA.headers), ['XS-DRAFT']);
  assert.equal((await search('', focalA.headers)).total, 4);
  assert.equal((await search('', focalB.headers)).total, 3);
  const csv = await t.app.inject({ method: 'GET', url: '/api/v1/activities/search.csv?q=protection' });
  assert.doesNotMatch(csv.body, /XS-DRAFT/);
});

test('changing an activity changes what finds it (the update path keeps the index current)', async () => {
  const created = await create({ iatiIdentifier: 'XS-EDIT', reportingOrgId: orgA.id, published: true, status: 2, title: { en: 'Labour inspection pilot' } });
  assert.deepEqual(await ids(q('inspection')), ['XS-EDIT']);
  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${created.id}`, headers: focalA.headers, payload: { title: { en: 'Fisheries monitoring pilot' } } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await ids(q('inspection')), []);
  assert.deepEqual(await ids(q('fisheries')), ['XS-EDIT']);
  await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${created.id}`, headers: focalA.headers, payload: { published: false } });
  assert.deepEqual(await ids(q('fisheries')), []);
});

test('activities imported from IATI XML are found (the bulk insert path)', async () => {
  const agency = await createOrganisation(t.database.db, { name: 'Test Agency for Migration', type: 'un_entity' });
  await t.database.db.updateTable('organisations').set({ iati_org_id: 'XM-TEST-0001' }).where('id', '=', agency.id).execute();
  const xml = fs.readFileSync(new URL('./fixtures/publisher-2.03.xml', import.meta.url), 'utf8');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/activities/import/iati', headers: { 'content-type': 'application/xml' }, payload: xml });
  // Importing needs a signed-in manager; run it as the system would, through the service.
  assert.equal(res.statusCode, 401);
  const { ActivitiesService } = await import('./activities.service.ts');
  const report = await new ActivitiesService(t.database).importIati({ kind: 'system' }, xml, { dryRun: false }, null);
  assert.ok(report.counts.created > 0, JSON.stringify(report.counts));
  assert.deepEqual(await ids(q('corredor norte')), ['XM-TEST-0001-KEN-TIP-01'], 'Spanish title of an imported activity');
  assert.deepEqual(await ids(`${q('survivants')}&organisation=${agency.id}`), ['XM-TEST-0001-KEN-TIP-01']);
});

test('the CSV download holds the whole result set, titles in the language asked for', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/activities/search.csv?country=PER,CIV&lang=fr' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/csv/);
  const lines = res.body.trim().split('\n');
  assert.equal(lines[0], 'iati_identifier,title,reporting_organisation,countries,pillars,status,start_date,end_date,published,id');
  assert.equal(lines.length, 3);
  assert.ok(lines.some((l) => l.startsWith('XS-CIV,Protection des victimes en Côte d’Ivoire,Search Agency A,CIV,protection,implementation,2024-01-01,2025-12-31,yes,')), res.body);
  assert.ok(lines.some((l) => l.startsWith('XS-PER,Prosecution training for judges in Peru,')), 'English when the language is missing');
});

test('bad parameters answer 400 with the field', async () => {
  const bad = async (query: string, field: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/activities/search?${query}` });
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const fields = res.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field);
    assert.ok(fields.some((f) => f.startsWith(field)), `${query}: ${fields.join(', ')}`);
  };
  await bad('pillar=rescue', 'querystring.pillar');
  await bad('pillar=protection,rescue', 'querystring.pillar');
  await bad('from=2024-13-01', 'querystring.from');
  await bad('to=yesterday', 'querystring.to');
  await bad('from=2025-01-01&to=2024-01-01', 'querystring.from');
  await bad('country=QQQ', 'querystring.country');
  await bad('country=FR', 'querystring.country');
  await bad('status=9', 'querystring.status');
  await bad('organisation=not-a-uuid', 'querystring.organisation');
  await bad('limit=0', 'querystring.limit');
  await bad(q('¡¿!?'), 'querystring.q');
  await bad(`q=${'x'.repeat(201)}`, 'querystring.q');
});

test('query words become prefix terms; unspaced scripts become substrings', () => {
  assert.deepEqual(searchTerms('Côte d’Ivoire, 2024!'), { words: ['côte', 'd', 'ivoire', '2024'], tsquery: "'côte':* & 'd':* & 'ivoire':* & '2024':*", substrings: [], phrase: 'côte d ivoire 2024' });
  assert.deepEqual(searchTerms('人口贩运 shelter'), { words: ['shelter'], tsquery: "'shelter':*", substrings: ['人口贩运'], phrase: '人口贩运 shelter' });
  assert.deepEqual(searchTerms("'); drop table x; --"), { words: ['drop', 'table', 'x'], tsquery: "'drop':* & 'table':* & 'x':*", substrings: [], phrase: 'drop table x' });
});
