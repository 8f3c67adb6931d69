// IATI 2.03 import and export through the HTTP API and the parser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import type { ImportReport } from './activities.schema.ts';
import { parseIatiXml } from './iati/iati-import.ts';

const fixture = fs.readFileSync(new URL('./fixtures/publisher-2.03.xml', import.meta.url), 'utf8');
const known = new Set(['KE', 'UG', 'SN', 'TH', 'KH', 'MD']);

let t: TestApp;
let agency: { id: string };
let focal: SignedIn;
before(async () => {
  t = await testApp();
  agency = await createOrganisation(t.database.db, { name: 'Test Agency for Migration', type: 'un_entity', countryIso3: 'CHE' });
  await t.database.db.updateTable('organisations').set({ iati_org_id: 'XM-TEST-0001' }).where('id', '=', agency.id).execute();
  focal = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: agency.id })).auth;
});
after(async () => {
  await t.close();
});

const importXml = (xml: string, query = '', headers: Record<string, string> = focal.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/activities/import/iati${query}`, headers: { ...headers, 'content-type': 'application/xml' }, payload: xml });

test('the parser grades problems per activity with the element path', () => {
  const { activities, fileProblems } = parseIatiXml(fixture, (c) => known.has(c));
  assert.deepEqual(fileProblems, []);
  assert.equal(activities.length, 5);
  const [first, second, third, fourth, fifth] = activities;

  // Several languages, percentages, transactions, results; the acme extension is ignored silently.
  const doc = first!.document!;
  assert.deepEqual(Object.keys(doc.title).sort(), ['en', 'es', 'fr']);
  assert.deepEqual(doc.recipientCountries, [{ code: 'KE', percentage: 60 }, { code: 'UG', percentage: 40 }]);
  assert.equal(doc.budgets[0]!.value, 1_250_000);
  assert.equal(doc.budgets[1]!.currency, 'USD', 'default-currency applies');
  assert.equal(doc.transactions.length, 2);
  assert.deepEqual(doc.results[0]!.indicators[0]!.periods[0]!.targets[1], { value: 100, dimensions: { sex: 'male' } });
  assert.equal(doc.traffickingMarker, 2);
  assert.deepEqual(doc.exploitationForms, ['ForcedLabour', 'SexualExploitation']);
  assert.deepEqual(doc.mandateLinks, ['A/RES/61/180 para 4']);
  assert.ok(first!.problems.every((p) => p.severity === 'warning'), JSON.stringify(first!.problems));
  assert.ok(first!.problems.some((p) => p.path === 'iati-activity[1]/location'));
  assert.ok(!first!.problems.some((p) => p.path.includes('acme')));

  // Errors drop the element, the activity stays.
  assert.ok(second!.document);
  assert.ok(second!.problems.some((p) => p.severity === 'error' && p.path === 'iati-activity[2]/recipient-country[1]/@percentage'));
  assert.ok(second!.problems.some((p) => p.severity === 'error' && p.path === 'iati-activity[2]/recipient-country[2]/@code'));
  assert.ok(second!.problems.some((p) => p.severity === 'warning' && p.path === 'iati-activity[2]/description[2]'));
  assert.equal(second!.document.title.fr, 'Prévenir la traite des enfants talibés', 'the activity language is the default');

  // Critical problems reject the activity.
  assert.equal(third!.document, null);
  assert.ok(third!.problems.some((p) => p.severity === 'critical' && p.path === 'iati-activity[3]/recipient-country/@percentage' && /120/.test(p.reason)));
  assert.equal(fourth!.document, null);
  assert.ok(fourth!.problems.some((p) => p.severity === 'critical' && p.path === 'iati-activity[4]/activity-status'));
  assert.equal(fifth!.document!.title.ru, 'Реинтеграция пострадавших от торговли людьми');
});

test('malformed XML and a wrong namespace are reported for the file', () => {
  const broken = parseIatiXml('<iati-activities version="2.03"><iati-activity></iati-activities>', () => true);
  assert.equal(broken.fileProblems[0]!.severity, 'critical');
  assert.match(broken.fileProblems[0]!.path, /^line 1/);
  const namespaced = parseIatiXml('<iati-activities xmlns="http://example.org/x" version="2.03"><iati-activity/></iati-activities>', () => true);
  assert.match(namespaced.fileProblems[0]!.reason, /namespace/);
});

test('a dry run reports and commits nothing; the import commits the accepted activities', async () => {
  const dry = await importXml(fixture, '?dryRun=true');
  assert.equal(dry.statusCode, 200, dry.body);
  const dryReport = dry.json<ImportReport>();
  assert.deepEqual(dryReport.counts, { created: 3, updated: 0, unchanged: 0, rejected: 2 });
  assert.equal((await t.database.db.selectFrom('activities').select('id').execute()).length, 0);

  const res = await importXml(fixture);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<ImportReport>();
  assert.deepEqual(report.counts, { created: 3, updated: 0, unchanged: 0, rejected: 2 });
  assert.equal(report.activities[2]!.outcome, 'rejected');
  const rows = await t.database.db.selectFrom('activities').select(['iati_identifier', 'reporting_org_id', 'published', 'version']).orderBy('iati_identifier').execute();
  assert.deepEqual(
    rows.map((r) => r.iati_identifier),
    ['XM-TEST-0001-KEN-TIP-01', 'XM-TEST-0001-MDA-TIP-05', 'XM-TEST-0001-SEN-TIP-02'],
  );
  assert.ok(rows.every((r) => r.reporting_org_id === agency.id && r.published && r.version === 1));
  // The bulk path (COPY, then the first versions copied from the stored rows): each report id is
  // the row's, and its version 1 holds the same document, by the importing user, from 'import'.
  const firsts = await t.database.db
    .selectFrom('activities as a')
    .innerJoin('activity_versions as v', 'v.activity_id', 'a.id')
    .select(['a.id', 'a.iati_identifier', 'a.document as current', 'v.document as first', 'v.version', 'v.published', 'v.source', 'v.changed_by'])
    .orderBy('a.iati_identifier')
    .execute();
  assert.equal(firsts.length, 3);
  for (const f of firsts) {
    assert.equal(report.activities.find((a) => a.iatiIdentifier === f.iati_identifier)!.activityId, f.id);
    assert.deepEqual([f.version, f.published, f.source], [1, true, 'import']);
    assert.deepEqual(f.first, f.current);
    assert.ok(f.changed_by, 'the importing user is recorded on the version');
  }
  const audit = await t.database.db.selectFrom('audit_events').select(['action']).where('action', '=', 'activity.import').execute();
  assert.equal(audit.length, 1);
});

test('re-importing the same file changes nothing; a changed file makes a new version', async () => {
  const again = (await importXml(fixture)).json<ImportReport>();
  assert.deepEqual(again.counts, { created: 0, updated: 0, unchanged: 3, rejected: 2 });
  assert.equal((await t.database.db.selectFrom('activity_versions').select('version').execute()).length, 3);

  const changed = fixture.replace('<recipient-country code="KE" percentage="60"/>', '<recipient-country code="KE" percentage="55"/>');
  const report = (await importXml(changed)).json<ImportReport>();
  assert.deepEqual(report.counts, { created: 0, updated: 1, unchanged: 2, rejected: 2 });
  const id = report.activities[0]!.activityId!;
  const history = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${id}/history` });
  assert.deepEqual(
    history.json<{ items: { version: number; source: string }[] }>().items.map((v) => [v.version, v.source]),
    [[1, 'import'], [2, 'import']],
  );
  const diff = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${id}/diff?from=1&to=2` });
  assert.deepEqual(diff.json<{ changes: unknown[] }>().changes, [{ path: 'recipientCountries[0].percentage', kind: 'changed', from: 60, to: 55 }]);
});

test('export is well-formed IATI 2.03 in schema order, and importing it gives the same documents', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/activities/export.xml' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /application\/xml/);
  const xml = res.body;
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, /<iati-activities version="2\.03" generated-datetime="\d{4}-\d\d-\d\dT[\d:]+Z"/);
  const first = xml.slice(xml.indexOf('<iati-activity '), xml.indexOf('</iati-activity>'));
  const order = ['<iati-identifier', '<reporting-org', '<title', '<description', '<participating-org', '<activity-status', '<activity-date', '<contact-info', '<recipient-country', '<sector', '<policy-marker', '<budget', '<transaction', '<document-link', '<result', '<tip:target-group'];
  const positions = order.map((tag) => first.indexOf(tag));
  assert.ok(positions.every((p) => p >= 0), `every element present: ${JSON.stringify(positions)}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'children in the order of the activity schema');

  const before = await t.database.db.selectFrom('activities').select(['iati_identifier', 'document']).orderBy('iati_identifier').execute();
  const parsed = parseIatiXml(xml, () => true);
  assert.deepEqual(
    parsed.activities.map((a) => a.document),
    before.map((r) => r.document),
  );
  const reimport = (await importXml(xml)).json<ImportReport>();
  assert.deepEqual(reimport.counts, { created: 0, updated: 0, unchanged: 3, rejected: 0 });
});

test('an organisation may not import activities reported by another one', async () => {
  const other = await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] });
  const res = await importXml(fixture.replace(/XM-TEST-0001-KEN/g, 'XM-TEST-0001-KEN-B'), '', other.auth.headers);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<ImportReport>();
  assert.equal(report.counts.created, 0);
  assert.ok(report.activities[0]!.problems.some((p) => p.severity === 'critical' && /may not report/.test(p.reason)));

  const forced = await importXml(fixture, `?organisationId=${agency.id}`, other.auth.headers);
  assert.equal(forced.statusCode, 403, forced.body);
});

test('a body that is not XML gets a file-level report, not a crash', async () => {
  const res = await importXml('this is not xml <');
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<ImportReport>();
  assert.equal(report.fileProblems[0]!.severity, 'critical');
  assert.deepEqual(report.counts, { created: 0, updated: 0, unchanged: 0, rejected: 0 });
});

test('a large file is parsed off the main thread: the server answers while it imports', async () => {
  const one = fixture.slice(fixture.indexOf('<iati-activity '), fixture.indexOf('</iati-activity>') + '</iati-activity>'.length);
  const body = Array.from({ length: 600 }, (_, i) => one.replace(/XM-TEST-0001-KEN-TIP-01/g, `XM-TEST-0001-BULK-${i}`)).join('\n');
  const xml = `<iati-activities version="2.03" xmlns:tip="https://tiphub.org/ns/iati-extension/1">${body}</iati-activities>`;
  assert.ok(xml.length > 3_000_000);
  const importing = importXml(xml);
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(health.statusCode, 200);
  const healthAnsweredAfter = Date.now() - started;
  const res = await importing;
  const tookMs = Date.now() - started;
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json<ImportReport>().counts.created, 600);
  assert.ok(healthAnsweredAfter < tookMs / 2, `health answered after ${healthAnsweredAfter} ms of a ${tookMs} ms import`);
});

test('a body over the import limit is refused with 413', async () => {
  const res = await importXml(`<iati-activities version="2.03">${' '.repeat(21 * 1024 * 1024)}</iati-activities>`);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
});

test('the export carries every attribute the IATI activity schema requires', async () => {
  const xml = (await t.app.inject({ method: 'GET', url: '/api/v1/activities/export.xml' })).body;
  // use="required" attributes of iati-activities-schema.xsd 2.03 for the elements we write.
  const required: Record<string, string[]> = {
    'iati-activities': ['version'],
    'reporting-org': ['ref', 'type'],
    'participating-org': ['role'],
    'activity-status': ['code'],
    'activity-date': ['type', 'iso-date'],
    'recipient-country': ['code'],
    sector: ['code'],
    'policy-marker': ['code'],
    'period-start': ['iso-date'],
    'period-end': ['iso-date'],
    'transaction-type': ['code'],
    'transaction-date': ['iso-date'],
    'document-link': ['url', 'format'],
    category: ['code'],
    result: ['type'],
    indicator: ['measure'],
    dimension: ['name', 'value'],
    baseline: ['year'],
  };
  let checked = 0;
  for (const [element, names] of Object.entries(required)) {
    for (const tag of xml.match(new RegExp(`<${element}(?=[\\s/>])[^>]*>`, 'g')) ?? []) {
      checked++;
      for (const name of names) assert.match(tag, new RegExp(`\\s${name}="[^"]+"`), `${tag} lacks @${name}`);
    }
  }
  assert.ok(checked > 30, `${checked} elements checked`);
  // value needs @value-date (and a currency, on it or as the activity's default).
  for (const tag of xml.match(/<value[\s>][^>]*>/g) ?? []) assert.match(tag, /value-date="\d{4}-\d\d-\d\d".*currency="[A-Z]{3}"|currency="[A-Z]{3}".*value-date="\d{4}-\d\d-\d\d"/);
});
