import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { signedInUser, type SignedIn } from '../../../../test/helpers/users.ts';

let t: TestApp;
let ken: SignedIn; // Kenya's focal point
let uga: SignedIn; // Uganda's focal point
let admin: SignedIn;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  ken = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  uga = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  admin = (await signedInUser(t.app, db, { roles: ['coordinator_admin'] })).auth;
});
after(async () => {
  await t.close();
});

type Cell = { indicator: string; dimension: string; category: string; sex: string; age: string; value: Record<string, unknown> };
const cell = (sex: string, age: string, value: Record<string, unknown>, over: Partial<Cell> = {}): Cell => ({ indicator: 'detected_victims', dimension: 'total', category: 'total', sex, age, value, ...over });
const count = (n: number) => ({ kind: 'count', count: n });
const put = (state: string, year: number, values: Cell[], who: SignedIn) => t.app.inject({ method: 'PUT', url: `/api/v1/aggregates/reports/${state}/${year}`, headers: who.headers, payload: { values } });
const post = (path: string, who: SignedIn, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/aggregates/reports/${path}`, headers: who.headers, payload });
const get = (path: string, who?: SignedIn) => t.app.inject({ method: 'GET', url: `/api/v1/aggregates/${path}`, ...(who ? { headers: who.headers } : {}) });

test('zero, unknown and suppressed are kept distinct, and a suppressed count keeps its bound', async () => {
  const res = await put('KEN', 2019, [cell('total', 'total', count(0)), cell('female', 'total', { kind: 'unknown' }), cell('male', 'total', { kind: 'suppressed', below: 5 })], ken);
  assert.equal(res.statusCode, 200, res.body);
  const read = await get('reports/KEN/2019', ken);
  assert.equal(read.statusCode, 200, read.body);
  const values = read.json<{ values: Cell[] }>().values;
  const by = (sex: string) => values.find((v) => v.sex === sex)!.value;
  assert.deepEqual(by('total'), { kind: 'count', count: 0 });
  assert.deepEqual(by('female'), { kind: 'unknown' });
  assert.deepEqual(by('male'), { kind: 'suppressed', below: 5 });
  assert.equal(values.find((v) => v.sex === 'unknown'), undefined, 'a value not sent stays not reported');
});

test('submission checks that counts by sex and by age add up; a suppressed part skips the equality', async () => {
  const bad = await put('KEN', 2020, [cell('total', 'total', count(10)), cell('female', 'total', count(6)), cell('male', 'total', count(3)), cell('unknown', 'total', count(0)), cell('total', 'minor', count(12))], ken);
  assert.equal(bad.statusCode, 200, bad.body);
  const refused = await post('KEN/2020/submit', ken);
  assert.equal(refused.statusCode, 400, refused.body);
  const reasons = refused.json<{ error: { details: { reason: string }[] } }>().error.details.map((d) => d.reason).join('\n');
  assert.match(reasons, /by sex \(female 6 \+ male 3 \+ unknown 0 = 9\) do not add up to the total \(10\)/);
  assert.match(reasons, /minors \(12\) exceed the total \(10\)/);
  assert.equal((await get('reports/KEN/2020', ken)).json<{ status: string }>().status, 'draft');

  // Corrected: a new version; the suppressed male count makes the sex sum unknowable, so it passes.
  const fixed = await put('KEN', 2020, [cell('total', 'total', count(10)), cell('female', 'total', count(6)), cell('male', 'total', { kind: 'suppressed', below: 5 }), cell('unknown', 'total', count(0)), cell('total', 'minor', count(4))], ken);
  assert.equal(fixed.json<{ version: number }>().version, 2);
  const submitted = await post('KEN/2020/submit', ken);
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.json<{ status: string }>().status, 'submitted');
  // Under review it cannot be replaced.
  assert.equal((await put('KEN', 2020, [cell('total', 'total', count(11))], ken)).statusCode, 409);
  const versions = await get('reports/KEN/2020/versions', ken);
  assert.deepEqual(versions.json<{ items: { version: number }[] }>().items.map((v) => v.version), [1, 2]);
});

test('the Coordinator returns with comments and accepts; every change is audited', async () => {
  await put('KEN', 2021, [cell('total', 'total', count(7)), cell('female', 'total', count(4)), cell('male', 'total', count(3)), cell('unknown', 'total', count(0))], ken);
  assert.equal((await post('KEN/2021/submit', ken)).statusCode, 200);
  assert.equal((await post('KEN/2021/accept', ken)).statusCode, 403, 'a focal point does not review');
  const returned = await post('KEN/2021/return', admin, { comments: 'Please add the age breakdown' });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json<{ reviewComments: string }>().reviewComments, 'Please add the age breakdown');
  assert.equal((await post('KEN/2021/submit', ken)).statusCode, 200);
  const accepted = await post('KEN/2021/accept', admin);
  assert.equal(accepted.json<{ status: string }>().status, 'accepted');
  const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', 'KEN/2021').orderBy('id').execute();
  assert.deepEqual(actions.map((a) => a.action), ['aggregate.create', 'aggregate.submit', 'aggregate.return', 'aggregate.submit', 'aggregate.accept']);
});

test("another State's focal point gets 404, anonymous 401; lists show only the own State", async () => {
  await put('KEN', 2018, [cell('total', 'total', count(3))], ken);
  for (const path of ['reports/KEN/2018', 'reports/KEN', 'reports/KEN/summary', 'reports/KEN/2018/versions']) {
    assert.equal((await get(path, uga)).statusCode, 404, path);
    assert.equal((await get(path)).statusCode, 401, path);
  }
  assert.equal((await put('KEN', 2018, [cell('total', 'total', count(99))], uga)).statusCode, 404);
  assert.equal((await post('KEN/2018/submit', uga)).statusCode, 404);
  const list = await get('reports', uga);
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(!list.json<{ items: { reportingState: string }[] }>().items.some((r) => r.reportingState === 'KEN'));
  assert.ok((await get('reports', admin)).json<{ items: { reportingState: string }[] }>().items.some((r) => r.reportingState === 'KEN'));
});

test('bad cells are refused with their field and reason, nothing saved', async () => {
  const res = await put('UGA', 2015, [
    cell('total', 'total', count(5), { category: 'NGA' }),
    cell('total', 'total', count(5), { dimension: 'form', category: 'fishing' }),
    cell('total', 'total', count(5), { dimension: 'citizenship', category: 'XYZ' }),
    cell('total', 'total', count(5), { dimension: 'citizenship', category: 'nga' }),
    cell('total', 'total', count(6), { dimension: 'citizenship', category: 'NGA' }),
  ], uga);
  assert.equal(res.statusCode, 400, res.body);
  const details = res.json<{ error: { details: { field: string; reason: string }[] } }>().error.details;
  assert.deepEqual(details.map((d) => d.field), ['body.values.0.category', 'body.values.1.category', 'body.values.2.category', 'body.values.4']);
  assert.equal((await get('reports/UGA/2015', uga)).statusCode, 404);
  const negative = await put('UGA', 2015, [cell('total', 'total', count(-1))], uga);
  assert.equal(negative.statusCode, 400);
});

test('filters and the summary per indicator and year', async () => {
  await put('UGA', 2016, [
    cell('total', 'total', count(40)),
    cell('female', 'total', count(25)),
    cell('total', 'total', { kind: 'suppressed', below: 5 }, { indicator: 'convicted' }),
    cell('total', 'total', count(30), { dimension: 'form', category: 'sexual_exploitation' }),
    cell('total', 'total', { kind: 'unknown' }, { dimension: 'citizenship', category: 'Other West Africa' }),
  ], uga);
  const forms = await get('reports/UGA?dimension=form&from=2016&to=2016', uga);
  assert.deepEqual(forms.json<{ values: Cell[] }>().values.map((v) => v.category), ['sexual_exploitation']);
  const area = (await get('reports/UGA?dimension=citizenship', uga)).json<{ values: (Cell & { categoryKind: string })[] }>().values[0]!;
  assert.equal(area.categoryKind, 'area');
  const summary = await get('reports/UGA/summary?from=2016&to=2016', uga);
  assert.equal(summary.statusCode, 200, summary.body);
  assert.deepEqual(summary.json<{ items: unknown[] }>().items, [
    { indicator: 'convicted', year: 2016, total: { kind: 'suppressed', below: 5 }, values: 1, suppressed: 1, unknown: 0 },
    { indicator: 'detected_victims', year: 2016, total: { kind: 'count', count: 40 }, values: 4, suppressed: 0, unknown: 1 },
  ]);
});

test('the GLOTIP name mapping: defaults in six languages, a reviewed mapping, coordinator only', async () => {
  const list = await get('glotip-names?status=mapped', ken);
  assert.equal(list.statusCode, 200, list.body);
  const names = list.json<{ items: { name: string; iso3: string | null; kind: string }[] }>().items;
  // The UN name (Viet Nam), ISO names, and the other UN languages (French, Chinese, Russian, Arabic).
  const germany = await t.database.db.selectFrom('countries').select('names').where('iso3', '=', 'DEU').executeTakeFirstOrThrow();
  assert.equal(new Set(Object.values(germany.names)).size, 6);
  for (const [name, iso3] of [['Viet Nam', 'VNM'], ['Vietnam', 'VNM'], ['Nigeria', 'NGA'], ...Object.values(germany.names).map((n) => [n, 'DEU'])]) {
    assert.ok(names.some((n) => n.name === name && n.iso3 === iso3), `${name} → ${iso3}`);
  }
  assert.ok(names.some((n) => /Ivoire/.test(n.name) && n.iso3 === 'CIV'));
  assert.ok(names.some((n) => n.name === 'Western Africa' && n.kind === 'area'), 'M49 sub-regions are kept as areas');
  const payload = { name: 'Eswatini (Swaziland)', kind: 'country', iso3: 'SWZ' };
  assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/aggregates/glotip-names', headers: ken.headers, payload })).statusCode, 403);
  const set = await t.app.inject({ method: 'PUT', url: '/api/v1/aggregates/glotip-names', headers: admin.headers, payload });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json<{ source: string }>().source, 'reviewed');
  const wrong = await t.app.inject({ method: 'PUT', url: '/api/v1/aggregates/glotip-names', headers: admin.headers, payload: { name: 'Atlantis', kind: 'country', iso3: 'ATL' } });
  assert.equal(wrong.statusCode, 400, wrong.body);
});
