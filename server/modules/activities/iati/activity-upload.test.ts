// The upload endpoint fed garbage, and the downloads in every format.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../../test/helpers/users.ts';
import type { ImportReport } from '../activities.schema.ts';
import { IMPORT_MAX_BYTES } from './activity-files.ts';

let t: TestApp;
let focal: SignedIn;
before(async () => {
  t = await testApp();
  const agency = await createOrganisation(t.database.db, { name: 'Upload Test Agency', type: 'un_entity', countryIso3: 'CHE' });
  await t.database.db.updateTable('organisations').set({ iati_org_id: 'XM-UPLOAD-1' }).where('id', '=', agency.id).execute();
  focal = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: agency.id })).auth;
});
after(async () => {
  await t.close();
});

type UploadReport = ImportReport & { format: string; bytes: number };
const upload = (payload: string | Readable, query = '', contentType = 'application/xml') =>
  t.app.inject({ method: 'POST', url: `/api/v1/activities/import${query}`, headers: { ...focal.headers, 'content-type': contentType }, payload });
const activityCount = async () => (await t.database.db.selectFrom('activities').select('id').execute()).length;

const activity = (id: string, body: string) => `<iati-activity default-currency="USD">
    <iati-identifier>XM-UPLOAD-1-${id}</iati-identifier>
    <reporting-org ref="XM-UPLOAD-1" type="40"><narrative>Upload Test Agency</narrative></reporting-org>
    <title><narrative xml:lang="en">Activity ${id}</narrative></title>
    <activity-status code="2"/>
    ${body}
  </iati-activity>`;
const file = (...activities: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n  ${activities.join('\n  ')}\n</iati-activities>\n`;

test('malformed XML, a wrong root and a wrong namespace get a file report with the place, and nothing is saved', async () => {
  const malformed = (await upload('<iati-activities version="2.03">\n<iati-activity>\n<title></iati-activity>')).json<UploadReport>();
  assert.equal(malformed.format, 'iati');
  assert.equal(malformed.fileProblems[0]!.severity, 'critical');
  assert.match(malformed.fileProblems[0]!.path, /^line 3, column \d+/);
  assert.match(malformed.fileProblems[0]!.reason, /malformed XML/);

  const wrongRoot = (await upload('<?xml version="1.0"?><iati-organisations version="2.03"/>')).json<UploadReport>();
  assert.deepEqual(wrongRoot.fileProblems.map((p) => [p.severity, p.path]), [['critical', 'iati-organisations']]);
  assert.match(wrongRoot.fileProblems[0]!.reason, /root element must be iati-activities/);

  const namespaced = (await upload('<iati-activities xmlns="http://www.example.org/iati" version="2.03"><iati-activity/></iati-activities>')).json<UploadReport>();
  assert.equal(namespaced.fileProblems[0]!.path, 'iati-activities/@xmlns');
  assert.equal(await activityCount(), 0);
});

test('percentages over 100, unknown countries and reversed dates are graded per activity with the element', async () => {
  const xml = file(
    activity('PCT', '<recipient-country code="KE" percentage="70"/><recipient-country code="UG" percentage="50"/>'),
    activity('CTY', '<recipient-country code="QQ" percentage="100"/>'),
    activity('DATES', '<activity-date type="1" iso-date="2026-01-01"/><activity-date type="3" iso-date="2025-01-01"/>'),
    activity('GOOD', '<recipient-country code="KE" percentage="100"/>'),
  );
  const res = await upload(xml);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<UploadReport>();
  const [pct, cty, dates, good] = report.activities;
  assert.ok(pct!.problems.some((p) => p.severity === 'critical' && p.path.startsWith('iati-activity[1]') && /add up to 120/.test(p.reason)), JSON.stringify(pct));
  assert.ok(cty!.problems.some((p) => p.path === 'iati-activity[2]/recipient-country[1]/@code' && /QQ/.test(p.reason)), JSON.stringify(cty));
  assert.ok(dates!.problems.some((p) => p.severity === 'critical' && /planned end .* is before planned start/.test(p.reason)), JSON.stringify(dates));
  assert.equal(good!.outcome, 'created');
  assert.deepEqual([pct!.outcome, dates!.outcome], ['rejected', 'rejected']);
  // Only the good activity and the one whose bad country was dropped (an error, not critical).
  assert.deepEqual(
    (await t.database.db.selectFrom('activities').select('iati_identifier').orderBy('iati_identifier').execute()).map((r) => r.iati_identifier),
    ['XM-UPLOAD-1-CTY', 'XM-UPLOAD-1-GOOD'],
  );
});

test('a 200 MB upload is refused at the limit while streaming, and leaves no temp file behind', async () => {
  const spooled = () => new Set(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tiphub-import-')));
  const before = spooled();
  const chunk = Buffer.alloc(1024 * 1024, '<!-- padding padding padding -->');
  let sent = 0;
  const stream = new Readable({
    read() {
      sent += chunk.length;
      this.push(sent > 200 * 1024 * 1024 ? null : chunk);
    },
  });
  const res = await upload(stream);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
  assert.match(res.json().error.message, /files up to 64 MiB are imported/);
  assert.ok(sent < 200 * 1024 * 1024, `stopped reading after ${sent} bytes`);
  const declared = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activities/import',
    headers: { ...focal.headers, 'content-type': 'application/xml', 'content-length': String(IMPORT_MAX_BYTES + 1) },
    payload: Readable.from([Buffer.from('<x/>')]),
  });
  assert.equal(declared.statusCode, 413);
  assert.deepEqual([...spooled()].filter((f) => !before.has(f)), []);
});

test('an empty body, a JSON body and an anonymous upload are refused', async () => {
  assert.equal((await upload('')).statusCode, 400);
  const json = await t.app.inject({ method: 'POST', url: '/api/v1/activities/import', headers: focal.headers, payload: { xml: '<x/>' } });
  assert.equal(json.statusCode, 400, json.body);
  const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/activities/import', headers: { 'content-type': 'text/csv' }, payload: '#org' });
  assert.equal(anonymous.statusCode, 401);
});

test('a CSV without a hashtag row is refused with the reason', async () => {
  const res = await upload('Organisation,Activity,Country\nUpload Test Agency,Something,KEN\n', '', 'text/csv');
  const report = res.json<UploadReport>();
  assert.equal(report.format, 'hxl');
  assert.equal(report.fileProblems[0]!.path, 'line 1');
  assert.match(report.fileProblems[0]!.reason, /no HXL hashtag row/);
});

test('the Excel download has activities, countries and finance sheets with frozen, filtered, styled headers', async () => {
  const xml = file(
    activity(
      'XLSX',
      `<recipient-country code="KE" percentage="60"/><recipient-country code="UG" percentage="40"/>
       <budget type="1" status="1"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value value-date="2025-01-01">250000</value></budget>
       <transaction><transaction-type code="3"/><transaction-date iso-date="2025-03-01"/><value value-date="2025-03-01">1000</value></transaction>`,
    ),
  );
  assert.equal((await upload(xml)).json<UploadReport>().counts.created, 1);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/activities/export.xlsx' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-disposition'] as string, /tiphub-activities\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(workbook.worksheets.map((w) => w.name), ['Activities', 'Countries', 'Finance']);
  for (const ws of workbook.worksheets) {
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.ok(ws.autoFilter, `${ws.name} has filters`);
    assert.equal(ws.getRow(1).font?.bold, true);
  }
  const activities = workbook.getWorksheet('Activities')!;
  const row = activities.getRows(2, activities.rowCount - 1)!.find((r) => r.getCell(1).value === 'XM-UPLOAD-1-XLSX')!;
  assert.equal(row.getCell(2).value, 'Activity XLSX');
  assert.equal(row.getCell(10).value, 'KEN, UGA');
  assert.equal(row.getCell(14).value, 250000);
  const countries = workbook.getWorksheet('Countries')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  assert.ok(countries.some((r) => r[0] === 'XM-UPLOAD-1-XLSX' && r[1] === 'UGA' && r[2] === 40));
  const finance = workbook.getWorksheet('Finance')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  assert.ok(finance.some((r) => r[0] === 'XM-UPLOAD-1-XLSX' && r[1] === 'Disbursement' && r[4] === 1000));
});
