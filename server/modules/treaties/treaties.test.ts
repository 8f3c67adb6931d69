import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import { parseTreatyCsv } from './treaties.csv.ts';

let t: TestApp;
let admin: SignedIn;

before(async () => {
  t = await testApp();
  admin = (await signedInUser(t.app, t.database.db, { roles: ['coordinator_admin'] })).auth;
});
after(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
const importCsv = (csv: string, query = '', headers = admin.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/treaties/import${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv });
const count = async () => (await t.database.db.selectFrom('treaty_actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

interface Standing {
  countryIso3: string;
  status: 'party' | 'signatory' | 'none';
  signedOn: string | null;
  partyOn: string | null;
  how: string | null;
  demo: boolean;
}

test('the five instruments are seeded with names in the six UN languages', async () => {
  const res = await get('/treaties/instruments');
  assert.equal(res.statusCode, 200);
  const items = res.json<{ items: { code: string; names: Record<string, string>; adoptedOn: string; actions: string[] }[] }>().items;
  assert.deepEqual(
    items.map((i) => i.code),
    ['UNTOC', 'UNTOC-TIP', 'UNTOC-SOM', 'CRC-OPSC', 'ILO-P029'],
  );
  for (const i of items) assert.deepEqual(Object.keys(i.names).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  assert.equal(items.find((i) => i.code === 'ILO-P029')!.adoptedOn, '2014-06-11');
  assert.deepEqual(items.find((i) => i.code === 'ILO-P029')!.actions, ['ratification']);
});

const goodCsv = [
  'country_iso3,instrument,action,date,notes',
  'KEN,UNTOC,accession,2004-06-16,',
  'KEN,UNTOC-TIP,accession,2005-01-05,',
  'FRA,UNTOC-TIP,signature,2000-12-12,',
  'FRA,UNTOC-TIP,ratification,2002-10-29,"Note with a comma, and ""quotes"""',
  'NOR,ILO-P029,ratification,2015-11-09,',
  'BRA,CRC-OPSC,signature,2000-09-06,',
].join('\r\n');

test('CSV import commits all rows, reports counts, is idempotent and audited once', async () => {
  const dry = await importCsv(goodCsv, '?dryRun=true');
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(dry.json(), { dryRun: true, rows: 6, inserted: 6, updated: 0, unchanged: 0 });
  assert.equal(await count(), 0, 'a dry run commits nothing');

  const first = await importCsv(goodCsv);
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { dryRun: false, rows: 6, inserted: 6, updated: 0, unchanged: 0 });
  const again = await importCsv(goodCsv);
  assert.deepEqual(again.json(), { dryRun: false, rows: 6, inserted: 0, updated: 0, unchanged: 6 });
  const changed = await importCsv(goodCsv.replace('BRA,CRC-OPSC,signature,2000-09-06,', 'BRA,CRC-OPSC,signature,2000-09-06,corrected note'));
  assert.deepEqual(changed.json(), { dryRun: false, rows: 6, inserted: 0, updated: 1, unchanged: 5 });
  assert.equal(await count(), 6);
  const events = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'treaty.import').execute();
  assert.equal(events.length, 3);
});

test('status per country: signed date, party date and how; not-party lists the rest', async () => {
  const res = await get('/treaties/status?instrument=untoc-tip');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ items: Standing[]; counts: { party: number; signatory: number; none: number }; demo: boolean }>();
  const fra = body.items.find((i) => i.countryIso3 === 'FRA')!;
  assert.deepEqual({ ...fra, countryNames: undefined }, { countryIso3: 'FRA', countryNames: undefined, status: 'party', signedOn: '2000-12-12', partyOn: '2002-10-29', how: 'ratification', demo: false });
  assert.equal(body.items.find((i) => i.countryIso3 === 'KEN')!.how, 'accession');
  assert.equal(body.counts.party, 2);
  assert.ok(body.items.length >= 193, 'every UN Member State is listed');
  assert.equal(body.demo, false);

  const notParty = (await get('/treaties/not-party?instrument=CRC-OPSC')).json<{ items: Standing[] }>().items;
  assert.equal(notParty[0]!.countryIso3, 'BRA', 'signatories first');
  assert.equal(notParty[0]!.status, 'signatory');
  assert.ok(notParty.every((i) => i.status !== 'party'));
  assert.ok(!(await get('/treaties/not-party?instrument=UNTOC-TIP')).json<{ items: Standing[] }>().items.some((i) => i.countryIso3 === 'FRA'));

  const unknown = await get('/treaties/status?instrument=NOPE');
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.details[0].field, 'querystring.instrument');
  assert.equal((await get('/treaties/status')).statusCode, 400);
});

test('one country: every instrument with its actions', async () => {
  const res = await get('/treaties/countries/fra');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ countryIso3: string; instruments: (Standing & { instrument: string; actions: { action: string; notes: string | null }[] })[] }>();
  assert.equal(body.countryIso3, 'FRA');
  assert.equal(body.instruments.length, 5);
  const tip = body.instruments.find((i) => i.instrument === 'UNTOC-TIP')!;
  assert.equal(tip.status, 'party');
  assert.equal(tip.actions[1]!.notes, 'Note with a comma, and "quotes"');
  assert.equal(body.instruments.find((i) => i.instrument === 'UNTOC')!.status, 'none');
  assert.equal((await get('/treaties/countries/XXX')).statusCode, 404);
  assert.equal((await get('/treaties/countries/FR')).statusCode, 400);
});

test('a bad file is refused whole, every bad row reported with line, column, value and reason', async () => {
  const before = await count();
  const csv = [
    'country_iso3,instrument,action,date,notes',
    'DEU,UNTOC,ratification,2006-06-14,fine',
    'ZZZ,UNTOC,ratification,2006-06-14,',
    'DEU,NOPE,ratification,2006-06-14,',
    'DEU,UNTOC,ratified,2006-06-14,',
    'DEU,UNTOC,signature,14/06/2006,',
    'DEU,UNTOC,signature,1999-01-01,',
    'DEU,ILO-P029,signature,2015-01-01,',
    'DEU,UNTOC,accession,2999-01-01,',
    'DEU,UNTOC,ratification,2006-06-14,dup',
    'DEU,UNTOC',
    '',
    'DEU,UNTOC-SOM,signature,"2000-12-12,',
  ].join('\n');
  const res = await importCsv(csv);
  assert.equal(res.statusCode, 400, res.body);
  const details = res.json<{ error: { code: string; details: { line: number; field?: string; value?: string; reason: string }[] } }>().error.details;
  const at = (line: number) => details.filter((d) => d.line === line);
  assert.equal(at(2).length, 0);
  assert.deepEqual(at(3)[0], { line: 3, field: 'country_iso3', value: 'ZZZ', reason: 'unknown country code' });
  assert.equal(at(4)[0]!.field, 'instrument');
  assert.equal(at(5)[0]!.field, 'action');
  assert.equal(at(6)[0]!.field, 'date');
  assert.match(at(7)[0]!.reason, /before UNTOC was adopted/);
  assert.match(at(8)[0]!.reason, /takes only ratification/);
  assert.match(at(9)[0]!.reason, /future/);
  assert.match(at(10)[0]!.reason, /already on line 2/);
  assert.match(at(11)[0]!.reason, /fields/);
  assert.match(at(13)[0]!.reason, /malformed CSV/);
  assert.equal(await count(), before, 'nothing committed');
});

test('header problems: missing header row, unknown column, empty file', async () => {
  const noHeader = await importCsv('KEN,UNTOC,accession,2004-06-16,\n');
  assert.equal(noHeader.statusCode, 400);
  assert.match(noHeader.json().error.details[0].reason, /missing header row/);
  const extra = await importCsv('country_iso3,instrument,action,date,colour\nKEN,UNTOC,accession,2004-06-16,red\n');
  assert.equal(extra.json().error.details[0].field, 'colour');
  const empty = await importCsv('');
  assert.equal(empty.statusCode, 400);
  const json = await t.app.inject({ method: 'POST', url: '/api/v1/treaties/import', headers: admin.headers, payload: { a: 1 } });
  assert.equal(json.statusCode, 400, 'a JSON body is not a CSV file');
});

test('line numbers count physical lines, also after quoted line breaks', () => {
  const parsed = parseTreatyCsv('\uFEFFcountry_iso3,instrument,action,date,notes\nKEN,UNTOC,signature,2000-12-13,"two\nlines"\n\nFRA,UNTOC,signature,2000-12-12,\n');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.rows.map((r) => [r.line, r.country_iso3, r.notes]),
    [
      [2, 'KEN', 'two\nlines'],
      [5, 'FRA', ''],
    ],
  );
});

test('export is CSV that re-imports unchanged', async () => {
  const res = await get('/treaties/export.csv');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/csv/);
  const lines = res.body.trim().split('\n');
  assert.equal(lines[0], 'country_iso3,instrument,action,date,notes,demo');
  assert.ok(lines.includes('KEN,UNTOC,accession,2004-06-16,,false'));
  const back = await importCsv(res.body);
  assert.equal(back.statusCode, 200, back.body);
  assert.equal(back.json<{ inserted: number; updated: number }>().inserted + back.json<{ updated: number }>().updated, 0);
});

test('POST and DELETE one action, audited; the same action twice is a conflict', async () => {
  const add = { countryIso3: 'ita', instrument: 'UNTOC', action: 'signature', date: '2000-12-12', notes: 'Palermo' };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/treaties/actions', headers: admin.headers, payload: add });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json<{ instruments: Standing[] }>().instruments[0]!.status, 'signatory');
  const twice = await t.app.inject({ method: 'POST', url: '/api/v1/treaties/actions', headers: admin.headers, payload: add });
  assert.equal(twice.statusCode, 409);
  const bad = await t.app.inject({ method: 'POST', url: '/api/v1/treaties/actions', headers: admin.headers, payload: { ...add, instrument: 'ILO-P029' } });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().error.details.some((d: { field: string }) => d.field === 'body.action' || d.field === 'body.date'));

  const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/treaties/actions/ITA/UNTOC/signature/2000-12-12', headers: admin.headers });
  assert.equal(del.statusCode, 200, del.body);
  assert.equal(del.json<{ instruments: Standing[] }>().instruments[0]!.status, 'none');
  const gone = await t.app.inject({ method: 'DELETE', url: '/api/v1/treaties/actions/ITA/UNTOC/signature/2000-12-12', headers: admin.headers });
  assert.equal(gone.statusCode, 404);
  const events = await t.database.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'treaty_action').where('entity_id', '=', 'ITA/UNTOC/signature/2000-12-12').execute();
  assert.equal(events.length, 2);
});

test('changes need organisations.manage', async () => {
  const other = (await signedInUser(t.app, t.database.db, { roles: ['state_focal_point'] })).auth;
  assert.equal((await importCsv(goodCsv, '', other.headers)).statusCode, 403);
});
