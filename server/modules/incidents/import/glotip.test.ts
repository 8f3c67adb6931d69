import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { UserActor } from '../../../platform/access/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabase, tempDir } from '../../../../test/helpers/database.ts';
import { testSettings } from '../../../../test/helpers/settings.ts';
import { createUser } from '../../../../test/helpers/users.ts';
import { planImport, writePlan, type ImportCell } from '../aggregates/aggregates.import.ts';
import { AggregatesRepository } from '../aggregates/aggregates.repository.ts';
import { AggregatesService } from '../aggregates/aggregates.service.ts';
import { glotipExternalId, importGlotip } from './glotip.ts';
import type { ImportRequest } from './import-types.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const sample = join(fixtures, 'glotip-sample.csv');
const system = { kind: 'system' } as const;
let database: Database;
let dir: string;

before(async () => {
  database = await testDatabase();
  dir = tempDir('glotip-');
});
after(async () => {
  await database.close();
});

const run = (filePath: string, options: Partial<ImportRequest> & { importer?: Parameters<typeof importGlotip>[2] } = {}) =>
  importGlotip(database, testSettings(), options.importer ?? system, { filePath, fileName: filePath.split('/').pop()!, dryRun: false, ...options });

/** What the person importing checks against the source (see the fixture). */
const expectedSummary = [
  { indicator: 'detected victims', year: 2019, rows: 12, total: 1234 + 2020 },
  { indicator: 'detected victims', year: 2020, rows: 3, total: 980 + 0 },
  { indicator: 'persons convicted', year: 2019, rows: 1, total: 0 },
  { indicator: 'persons prosecuted', year: 2019, rows: 1, total: 35 },
];

const value = (state: string, year: number, where: { indicator?: string; dimension?: string; category?: string; sex?: string; age?: string }) =>
  database.db
    .selectFrom('aggregate_values')
    .selectAll()
    .where('reporting_state', '=', state)
    .where('year', '=', year)
    .where('indicator', '=', (where.indicator ?? 'detected_victims') as never)
    .where('dimension', '=', (where.dimension ?? 'total') as never)
    .where('category', '=', where.category ?? 'total')
    .where('sex', '=', (where.sex ?? 'total') as never)
    .where('age', '=', (where.age ?? 'total') as never)
    .executeTakeFirst();

test('a dry run reads, checks and summarises but writes nothing', async () => {
  const out = await run(sample, { dryRun: true });
  assert.deepEqual(out.problems, []);
  assert.equal(out.committed, false);
  assert.equal(out.created, 17);
  assert.deepEqual(out.summary, expectedSummary);
  assert.equal((await database.db.selectFrom('aggregate_reports').select('year').execute()).length, 0);
});

test('the CSV sample imports with exact summary numbers and keeps zero, unknown, suppressed and areas apart', async () => {
  const out = await run(sample);
  assert.deepEqual(out.problems, []);
  assert.equal(out.committed, true);
  assert.equal(out.rowsRead, 17);
  assert.deepEqual([out.created, out.updated, out.unchanged], [17, 0, 0]);
  assert.deepEqual(out.summary, expectedSummary);

  assert.equal((await value('NGA', 2019, {}))!.count, 1234, 'thousands separator with a comma');
  assert.equal((await value('NGA', 2019, { dimension: 'citizenship', category: 'NGA' }))!.count, 1100, 'thousands separator with a space');
  const forced = (await value('NGA', 2019, { dimension: 'form', category: 'forced_labour' }))!;
  assert.deepEqual([forced.value_kind, forced.bound, forced.count], ['suppressed', 5, null]);
  const civ = (await value('NGA', 2019, { dimension: 'citizenship', category: 'CIV' }))!;
  assert.equal(civ.category_kind, 'country', "free-text Côte d'Ivoire maps to CIV");
  assert.equal((await value('NGA', 2019, { dimension: 'citizenship', category: 'Other West Africa' }))!.category_kind, 'area');
  assert.equal((await value('NGA', 2019, { age: 'minor' }))!.count, 412);
  assert.equal((await value('NGA', 2020, { sex: 'female' }))!.value_kind, 'unknown', 'a blank value is unknown');
  const zero = (await value('VNM', 2020, {}))!;
  assert.deepEqual([zero.value_kind, zero.count], ['count', 0], 'zero is a known zero');
  assert.equal((await value('VNM', 2019, { dimension: 'citizenship', category: 'VNM' }))!.count, 1990, 'Viet Nam maps to VNM');
  const area = await database.db.selectFrom('aggregate_area_values').selectAll().execute();
  assert.equal(area.length, 1);
  assert.deepEqual([area[0]!.area, area[0]!.area_code, area[0]!.count], ['202', '202', 9876], 'the sub-regional row is kept as such');
  const report = await database.db.selectFrom('aggregate_reports').selectAll().where('reporting_state', '=', 'NGA').where('year', '=', 2019).executeTakeFirstOrThrow();
  assert.deepEqual([report.status, report.version], ['draft', 1]);
  assert.equal((await value('NGA', 2019, {}))!.external_id, 'glotip/2019/detected_victims/total/total/total/total');
  const audit = await database.db.selectFrom('audit_events').select('action').where('action', '=', 'aggregate.import').execute();
  assert.equal(audit.length, 1);
});

test('importing the same file again changes nothing (idempotent on reporter and external id)', async () => {
  const out = await run(sample);
  assert.equal(out.committed, true);
  assert.deepEqual([out.created, out.updated, out.unchanged], [0, 0, 17]);
  const versions = await database.db.selectFrom('aggregate_report_versions').select('version').where('reporting_state', '=', 'NGA').where('year', '=', 2019).execute();
  assert.equal(versions.length, 1);
});

test('a corrected value makes a new version; the earlier one is kept', async () => {
  const file = join(dir, 'corrected.csv');
  writeFileSync(file, readFileSync(sample, 'utf8').replace('"1,234",NAPTIP', '"1,240",NAPTIP'));
  const out = await run(file);
  assert.deepEqual([out.created, out.updated, out.unchanged], [0, 1, 16]);
  assert.equal(out.summary[0]!.total, 1240 + 2020);
  const versions = await database.db.selectFrom('aggregate_report_versions').selectAll().where('reporting_state', '=', 'NGA').where('year', '=', 2019).orderBy('version').execute();
  assert.deepEqual(versions.map((v) => v.version), [1, 2]);
  assert.equal(versions[0]!.values.find((v) => v.dimension === 'total' && v.sex === 'total' && v.age === 'total')!.count, 1234);
  assert.equal((await value('NGA', 2019, {}))!.count, 1240);
  await run(sample); // back to the source figures for the tests below
});

test('the same data as XLSX (numbers as numbers, metadata rows above the header) gives the same summary', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('GLOTIP');
  const lines = readFileSync(sample, 'utf8').trim().split('\n');
  sheet.addRow(['UNODC - Global Report on Trafficking in Persons: data export']);
  sheet.addRow(['Values below 5 are published as <5.']);
  for (const line of lines.slice(2)) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    cells.pop();
    sheet.addRow(cells.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  }
  const file = join(dir, 'glotip.xlsx');
  await workbook.xlsx.writeFile(file);
  const progress: number[] = [];
  const out = await run(file, { onProgress: (done) => progress.push(done) });
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.summary, expectedSummary);
  assert.deepEqual([out.created, out.updated, out.unchanged], [0, 0, 17], 'the same values as the CSV');
  assert.ok(progress.length > 0);
});

test('every bad row is reported with line, column, value and reason, and nothing is committed', async () => {
  const out = await run(join(fixtures, 'glotip-bad.csv'));
  assert.equal(out.committed, false);
  const got = out.problems.map((p) => `${p.line} ${p.column} ${p.value}`);
  assert.deepEqual(got, [
    '5 Iso3_code XYZ',
    '6 Indicator Victims of smuggling',
    '7 Dimension by age',
    '8 Category Female',
    '9 Category Fishing',
    '10 Category Atlantis',
    '11 Sex Both',
    '12 Age Elderly',
    '13 Year 20x9',
    '14 Year 2099',
    '15 txtVALUE -3',
    '16 txtVALUE 12.5',
    '17 txtVALUE lots',
    '18 txtVALUE <0',
    '19 Unit of measurement Rate per 100 000 population',
    '19 txtVALUE 0.4',
    '20 txtVALUE KEN 2019',
    '21 Iso3_code ',
  ]);
  for (const p of out.problems) assert.ok(p.reason.length > 10, JSON.stringify(p));
  assert.match(out.problems.find((p) => p.line === 20)!.reason, /already at line 4/);
  assert.match(out.problems.find((p) => p.line === 14)!.reason, /future/);
  assert.equal((await database.db.selectFrom('aggregate_reports').select('year').where('reporting_state', '=', 'KEN').execute()).length, 0, 'the good row of KEN was not written');
  // The unknown name waits for review in the mapping.
  const unmapped = await new AggregatesService(database).mappings({ kind: 'system' } as never, 'unmapped').catch(() => null);
  assert.equal(unmapped, null, 'listing needs a signed-in reader');
  const row = await database.db.selectFrom('glotip_name_mappings').selectAll().where('name_key', '=', 'atlantis').executeTakeFirstOrThrow();
  assert.deepEqual([row.kind, row.times_seen], ['unmapped', 1]);
});

test('a 1 GB file that turns to binary data after its rows is refused with a reason, nothing committed', async () => {
  const file = join(dir, 'gigabyte.csv');
  writeFileSync(file, readFileSync(sample, 'utf8').replace('"1,234",NAPTIP', '"1,999",NAPTIP'));
  truncateSync(file, 2 ** 30); // the rest: NUL bytes (a sparse file)
  const versions = async () => (await database.db.selectFrom('aggregate_report_versions').select('version').execute()).length;
  const before = await versions();
  const out = await run(file);
  assert.equal(out.committed, false);
  assert.match(out.problems.at(-1)!.reason, /binary data/);
  assert.equal(await versions(), before);
  assert.equal((await value('NGA', 2019, {}))!.count, 1234);
});

test('files that are not GLOTIP tables are refused with a reason', async () => {
  const noHeader = join(dir, 'no-header.csv');
  writeFileSync(noHeader, 'just,some,text\n1,2,3\n');
  assert.match((await run(noHeader)).problems[0]!.reason, /no GLOTIP header row/);
  const missing = join(dir, 'missing.csv');
  writeFileSync(missing, 'Metadata line\nIso3_code,Country,Indicator,Year,txtVALUE\nNGA,Nigeria,Persons convicted,2019,3\n');
  const m = await run(missing);
  assert.deepEqual([m.problems[0]!.line, m.committed], [2, false]);
  assert.match(m.problems[0]!.reason, /Dimension, Category, Sex, Age/);
  const garbage = join(dir, 'random.csv');
  writeFileSync(garbage, randomBytes(5000));
  const g = await run(garbage);
  assert.equal(g.committed, false);
  assert.ok(g.problems.length >= 1);
  const fakeXlsx = join(dir, 'fake.xlsx');
  copyFileSync(noHeader, fakeXlsx);
  assert.match((await run(fakeXlsx)).problems[0]!.reason, /not an XLSX workbook/);
  const utf16 = join(dir, 'utf16.csv');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(sample, 'utf8'), 'utf16le')]));
  const u = await run(utf16, { dryRun: true });
  assert.deepEqual(u.problems, []);
  assert.deepEqual(u.summary, expectedSummary);
});

test('all or nothing across reports: a report under review stops the whole file', async () => {
  await database.db.updateTable('aggregate_reports').set({ status: 'submitted' }).where('reporting_state', '=', 'VNM').where('year', '=', 2020).execute();
  const file = join(dir, 'both.csv');
  writeFileSync(file, readFileSync(sample, 'utf8').replace('"1,234",NAPTIP', '"1,250",NAPTIP').replace('2020,Counts,0,', '2020,Counts,3,'));
  const out = await run(file);
  assert.equal(out.committed, false);
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0]!.reason, /VNM\/2020 is submitted/);
  assert.equal((await value('NGA', 2019, {}))!.count, 1234, 'the change to another report was not written either');
});

test('a report someone saves between the reading of the file and the writing stops the whole file', async () => {
  const cell = (state: string, year: number, count: number): ImportCell => {
    const base = { indicator: 'detected_victims', dimension: 'total', category: 'total', categoryKind: 'total', sex: 'total', age: 'total' } as const;
    return { line: 4, year, reporter: { state }, value: { ...base, kind: 'count', count, bound: null, externalId: glotipExternalId(base, year) } };
  };
  const cells = [cell('NGA', 2019, 1300), cell('KEN', 2021, 7)];
  const plan = await planImport(new AggregatesRepository(database.db), cells);
  assert.deepEqual([plan.problems, plan.created, plan.updated], [[], 1, 1]);
  // Meanwhile a focal point saves a new version of NGA/2019.
  const before = await database.db.selectFrom('aggregate_reports').select('version').where('reporting_state', '=', 'NGA').where('year', '=', 2019).executeTakeFirstOrThrow();
  await database.db.updateTable('aggregate_reports').set({ version: before.version + 1 }).where('reporting_state', '=', 'NGA').where('year', '=', 2019).execute();
  const out = await writePlan(database, system, plan, 'glotip:test', cells.length);
  assert.deepEqual(out.problems.map((p) => `${p.line} ${p.column} ${p.value}`), ['4 Year 2019']);
  assert.match(out.problems[0]!.reason, /NGA\/2019 changed while the file was being imported; nothing was saved/);
  assert.equal((await value('NGA', 2019, {}))!.count, 1234, 'the saved report was not overwritten');
  assert.equal(await database.db.selectFrom('aggregate_reports').select('year').where('reporting_state', '=', 'KEN').where('year', '=', 2021).executeTakeFirst(), undefined, 'nor the new report written');
  await database.db.updateTable('aggregate_reports').set({ version: before.version }).where('reporting_state', '=', 'NGA').where('year', '=', 2019).execute();
});

test("a State's focal point imports only that State's rows", async () => {
  const user = await createUser(database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'NGA' }] });
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    organisationId: user.organisationId,
    language: 'en',
    grants: [{ role: 'state_focal_point', countryIso3: 'NGA', organisationId: null }],
    via: 'session',
    sessionId: null,
    tokenId: null,
    tokenPermissions: null,
    twoFactorSatisfied: true,
  };
  const out = await run(sample, { importer: actor, dryRun: true });
  assert.equal(out.committed, false);
  assert.deepEqual(
    out.problems.map((p) => `${p.line} ${p.column} ${p.value}`),
    ['17 Iso3_code VNM', '20 Subregion 202'],
  );
  const own = join(dir, 'nga-only.csv');
  writeFileSync(own, readFileSync(sample, 'utf8').split('\n').filter((l) => !/^(VNM|,,)/.test(l)).join('\n'));
  const ok = await run(own, { importer: actor, dryRun: true });
  assert.deepEqual(ok.problems, []);
});
