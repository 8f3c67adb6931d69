// HXL 3W tables: parsing with a report per bad cell, whole-file import over HTTP, idempotent
// re-import, versions on change, and export that re-imports to the same documents.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../../test/helpers/users.ts';
import type { ImportReport } from '../activities.schema.ts';
import { parseHxlCsv } from './hxl-parse.ts';
import { CountryLookup } from './hxl-vocabulary.ts';

const names = (en: string) => ({ en, fr: en, es: en, ru: en, zh: en, ar: en });
const lookup = new CountryLookup([
  { iso2: 'KE', iso3: 'KEN', names: names('Kenya') },
  { iso2: 'UG', iso3: 'UGA', names: names('Uganda') },
  { iso2: 'CI', iso3: 'CIV', names: { ...names("Côte d'Ivoire"), fr: "Côte d'Ivoire" } },
]);

const table = `Who,What,Code,Sector,Country,Region,Start,End,Targeted,Reached
#org,#activity+name,#activity+code,#sector,#country,#adm1,#date+start,#date+end,#targeted,#reached
Hxl Test Agency,Shelter support for survivors,HXL-TEST-001,Protection,KEN,Nairobi,2025-01-01,2025-12-31,"1,200",800
Hxl Test Agency,Border awareness campaign,HXL-TEST-002,Prevention; 15180,UG,,2025-03-01,2026-02-28,5000,
Hxl Test Agency,Justice sector training,HXL-TEST-003,criminal justice,Côte d'Ivoire,Abidjan,2025-01-01,2025-06-30,,
`;

test('the hashtag row may be the first or the second; countries by ISO3, ISO2 or name; sectors to pillars', () => {
  const { rows, fileProblems } = parseHxlCsv(table, lookup);
  assert.deepEqual(fileProblems, []);
  assert.equal(rows.length, 3);
  const [a, b, c] = rows;
  assert.equal(a!.line, 3);
  assert.deepEqual(a!.countries, ['KE']);
  assert.deepEqual(a!.sectors, [{ vocabulary: 'tip', code: 'protection' }]);
  assert.equal(a!.targeted, 1200);
  assert.equal(a!.adm1, 'Nairobi');
  assert.deepEqual(b!.sectors, [{ vocabulary: 'tip', code: 'prevention' }, { vocabulary: '1', code: '15180' }]);
  assert.deepEqual(b!.countries, ['UG']);
  assert.deepEqual(c!.countries, ['CI']);
  assert.deepEqual(c!.sectors, [{ vocabulary: 'tip', code: 'prosecution' }]);

  const tagsFirst = table.split('\n').slice(1).join('\n');
  const again = parseHxlCsv(tagsFirst, lookup);
  assert.deepEqual(again.fileProblems, []);
  assert.equal(again.rows[0]!.line, 2);
});

test('each bad cell is reported with line, column, value and reason', () => {
  const bad = `#org,#activity+name,#activity+code,#country,#date+start,#date+end,#targeted
Agency,Good row,HXL-BAD-1,KEN,2025-01-01,2025-12-31,10
Agency,Unknown country,HXL-BAD-2,XYZ,2025-01-01,2025-12-31,10
Agency,Dates reversed,HXL-BAD-3,KEN,2025-12-31,2025-01-01,10
Agency,Not a number,HXL-BAD-4,KEN,2025-01-01,2025-12-31,many
Agency,Bad date,HXL-BAD-5,KEN,31/12/2025,2025-12-31,
Agency,Again,HXL-BAD-1,KEN,2025-01-01,2025-12-31,
`;
  const { rows } = parseHxlCsv(bad, lookup);
  const problems = rows.flatMap((r) => r.problems);
  const find = (path: string) => problems.find((p) => p.path === path);
  assert.deepEqual(rows[0]!.problems, []);
  assert.match(find('line 3, column D (#country)')!.reason, /^value "XYZ": unknown country/);
  assert.match(find('line 4, column F (#date+end)')!.reason, /^value "2025-01-01": the planned end is before the start \(2025-12-31\)/);
  assert.match(find('line 5, column G (#targeted)')!.reason, /^value "many": not a number/);
  assert.match(find('line 6, column E (#date+start)')!.reason, /not a date/);
  assert.match(find('line 7, column C (#activity+code)')!.reason, /already on line 2/);
  assert.ok(problems.every((p) => p.severity === 'error'));
});

test('a missing hashtag row or missing columns refuse the file', () => {
  const noTags = parseHxlCsv('Organisation,Activity,Country\nAgency,Something,KEN\n', lookup);
  assert.equal(noTags.rows.length, 0);
  assert.equal(noTags.fileProblems[0]!.severity, 'critical');
  assert.match(noTags.fileProblems[0]!.reason, /no HXL hashtag row/);
  const noCountry = parseHxlCsv('#org,#activity\nAgency,Something\n', lookup);
  assert.ok(noCountry.fileProblems.some((p) => p.severity === 'critical' && /#country/.test(p.reason)));
  const broken = parseHxlCsv('#org,#activity,#country\n"Agency,unterminated,KEN\n', lookup);
  assert.equal(broken.fileProblems[0]!.severity, 'critical');
  assert.match(broken.fileProblems[0]!.reason, /not readable as CSV/);
});

let t: TestApp;
let agency: { id: string };
let focal: SignedIn;
before(async () => {
  t = await testApp();
  agency = await createOrganisation(t.database.db, { name: 'Hxl Test Agency', type: 'un_entity', countryIso3: 'CHE' });
  focal = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: agency.id })).auth;
});
after(async () => {
  await t.close();
});

type UploadReport = ImportReport & { format: string; bytes: number };
const upload = (body: string, query = '', headers: Record<string, string> = focal.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/activities/import${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
const count = async () => (await t.database.db.selectFrom('activities').select('id').execute()).length;

test('an HXL table with one bad cell imports nothing and says where', async () => {
  const broken = `${table}Hxl Test Agency,Bad one,HXL-TEST-004,Protection,ZZZ,,2025-01-01,2025-12-31,,\n`;
  const res = await upload(broken);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<UploadReport>();
  assert.equal(report.format, 'hxl');
  assert.deepEqual(report.counts, { created: 0, updated: 0, unchanged: 0, rejected: 4 });
  assert.ok(report.fileProblems.some((p) => p.severity === 'critical' && /1 of 4 rows have errors: nothing was imported/.test(p.reason)));
  assert.ok(report.activities[3]!.problems.some((p) => p.path === 'line 6, column E (#country)' && /"ZZZ"/.test(p.reason)));
  assert.equal(await count(), 0);
});

test('dry run previews, import commits, re-import changes nothing, a changed row makes a version', async () => {
  const dry = (await upload(table, '?dryRun=true')).json<UploadReport>();
  assert.deepEqual(dry.counts, { created: 3, updated: 0, unchanged: 0, rejected: 0 });
  assert.equal(await count(), 0);

  const res = await upload(table);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json<UploadReport>().counts, { created: 3, updated: 0, unchanged: 0, rejected: 0 });
  const row = await t.database.db.selectFrom('activities').selectAll().where('iati_identifier', '=', 'HXL-TEST-001').executeTakeFirstOrThrow();
  assert.equal(row.reporting_org_id, agency.id);
  assert.deepEqual(row.pillars, ['protection']);
  assert.deepEqual(row.document.recipientCountries, [{ code: 'KE', percentage: 100 }]);
  const period = row.document.results[0]!.indicators[0]!.periods[0]!;
  assert.deepEqual([period.targets[0], period.actuals[0]], [{ value: 1200, dimensions: { adm1: 'Nairobi' } }, { value: 800, dimensions: { adm1: 'Nairobi' } }]);

  assert.deepEqual((await upload(table)).json<UploadReport>().counts, { created: 0, updated: 0, unchanged: 3, rejected: 0 });
  const changed = table.replace('"1,200",800', '"1,200",950');
  const report = (await upload(changed)).json<UploadReport>();
  assert.deepEqual(report.counts, { created: 0, updated: 1, unchanged: 2, rejected: 0 });
  const versions = await t.database.db.selectFrom('activity_versions').select('version').where('activity_id', '=', row.id).orderBy('version').execute();
  assert.deepEqual(versions.map((v) => v.version), [1, 2]);
  const diff = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${row.id}/diff?from=1&to=2` });
  assert.deepEqual(diff.json<{ changes: { path: string; to: unknown }[] }>().changes.map((c) => [c.path, c.to]), [['results[0].indicators[0].periods[0].actuals[0].value', 950]]);
});

test('the HXL export re-imports without a change', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/activities/export.csv' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/csv/);
  const lines = res.body.replace(/^\ufeff/, '').split('\r\n');
  assert.match(lines[1]!, /^#activity\+code,#activity\+name\+i_en,#org\+name,#org\+code,#sector,#country\+code,#adm1\+name,#date\+start,#date\+end/);
  assert.ok(lines.some((l) => l.startsWith('HXL-TEST-001,Shelter support for survivors,Hxl Test Agency,,protection,KEN,Nairobi,2025-01-01,2025-12-31,,,2,1200,950')), res.body);
  const again = (await upload(res.body)).json<UploadReport>();
  assert.deepEqual(again.counts, { created: 0, updated: 0, unchanged: 3, rejected: 0 }, JSON.stringify(again.fileProblems));
});

test('rows of an organisation the user does not manage are refused', async () => {
  const other = await createOrganisation(t.database.db, { name: 'Someone Else Entirely', type: 'ngo', countryIso3: 'KEN' });
  const theirs = table.replace(/Hxl Test Agency/g, 'Someone Else Entirely').replace(/HXL-TEST-/g, 'HXL-OTHER-');
  const report = (await upload(theirs)).json<UploadReport>();
  assert.equal(report.counts.created, 0);
  assert.ok(report.activities[0]!.problems.some((p) => /may not report activities for this organisation/.test(p.reason)));
  assert.equal((await t.database.db.selectFrom('activities').select('id').where('reporting_org_id', '=', other.id).execute()).length, 0);
});

test('a large table is parsed in the worker thread and gives the same report', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `Hxl Test Agency,Bulk activity number ${i} with a longer name,HXL-BULK-${String(i).padStart(5, '0')},Protection,KEN,,2025-01-01,2025-12-31,${i},`);
  const big = `${table.split('\n').slice(0, 2).join('\n')}\n${rows.join('\n')}\nHxl Test Agency,Bad,HXL-BULK-BAD,Protection,KEN,,2025-12-31,2025-01-01,,\n`;
  assert.ok(big.length > 512 * 1024, `${big.length} characters: above the inline limit`);
  const report = (await upload(big, '?dryRun=true')).json<UploadReport>();
  assert.equal(report.activities.length, 5001);
  assert.ok(report.activities[5000]!.problems.some((p) => p.path === 'line 5003, column H (#date+end)'));
  assert.equal(report.counts.rejected, 5001, 'one bad row rejects the table');
});
