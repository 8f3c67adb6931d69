import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { testDatabase, tempDir } from '../../../../test/helpers/database.ts';
import { testSettings } from '../../../../test/helpers/settings.ts';
import { createUser } from '../../../../test/helpers/users.ts';
import type { UserActor } from '../../../platform/access/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import { identifiersContext, openIdentifiers, personKey, unwrapStateKey } from '../incidents.protection.ts';
import { ctdcColumns } from './ctdc.ts';
import { importCtdc } from './ctdc.ts';
import { importHtcds } from './htcds.ts';
import { sampleCsv, sampleHeader, sampleRow } from './htcds-sample.ts';
import type { ImportOutcome } from './import-types.ts';

let database: Database;
let settings: AppSettings;
let ken: UserActor;
let uga: UserActor;
let admin: UserActor;
const dir = tempDir('case-import-');
let n = 0;

function actor(userId: string, organisationId: string, country: string | null, role: 'state_focal_point' | 'coordinator_admin' = 'state_focal_point'): UserActor {
  return {
    kind: 'user',
    userId,
    email: `${userId}@example.org`,
    organisationId,
    language: 'en',
    grants: [{ role, countryIso3: country, organisationId: null }],
    via: 'session',
    sessionId: null,
    tokenId: null,
    tokenPermissions: null,
    twoFactorSatisfied: true,
  };
}

function file(content: string | Buffer, ext = 'csv'): string {
  const p = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(p, content);
  return p;
}

async function run(p: string, options: { dryRun?: boolean; reporter?: string; who?: UserActor; format?: 'htcds' | 'ctdc' } = {}): Promise<ImportOutcome> {
  const importer = options.format === 'ctdc' ? importCtdc : importHtcds;
  return importer(database, settings, options.who ?? ken, { filePath: p, fileName: p, dryRun: options.dryRun ?? false, ...(options.reporter ? { reporter: options.reporter } : {}) });
}

const count = async (table: 'incident_cases' | 'incident_case_versions' | 'incident_victims', state = 'KEN') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where reporting_state = ${state}`.execute(database.db)).rows[0]!.n);

before(async () => {
  database = await testDatabase();
  settings = testSettings();
  const k = await createUser(database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] });
  const u = await createUser(database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] });
  ken = actor(k.id, k.organisationId, 'KEN');
  uga = actor(u.id, u.organisationId, 'UGA');
  const a = await createUser(database.db, { roles: ['coordinator_admin'] });
  admin = actor(a.id, a.organisationId, null, 'coordinator_admin');
});
after(async () => {
  await database.close();
});

const rows = (from: number, to: number, state = 'KEN') => Array.from({ length: to - from + 1 }, (_, i) => sampleRow(from + i, state));

test('HTCDS CSV: imports, seals identifiers, computes person keys as the interactive path, summarises by year', async () => {
  const p = file(sampleCsv(rows(1, 30)));
  const dry = await run(p, { dryRun: true });
  assert.deepEqual(dry.problems, []);
  assert.equal(dry.committed, false);
  assert.equal(dry.created, 30);
  assert.equal(await count('incident_cases'), 0, 'a dry run writes nothing');

  const r = await run(p);
  assert.deepEqual(r.problems, []);
  assert.equal(r.committed, true);
  assert.deepEqual([r.rowsRead, r.created, r.updated, r.unchanged], [30, 30, 0, 0]);
  assert.equal(r.summary.reduce((s, x) => s + x.rows, 0), 30);
  const y2011 = r.summary.find((s) => s.year === 2011)!;
  assert.equal(y2011.indicator, 'detected victims');
  assert.equal(y2011.rows, 2); // rows 1 and 16
  assert.equal(await count('incident_victims'), 30);

  // Identifiers: sealed, nothing in clear anywhere in the case tables; they open with the State key.
  const dump = JSON.stringify((await sql`select (c.*)::text as c from incident_case_versions c where reporting_state = 'KEN'`.execute(database.db)).rows) + JSON.stringify(await database.db.selectFrom('incident_victims').selectAll().execute()) + JSON.stringify(await database.db.selectFrom('incident_perpetrators').selectAll().execute());
  for (const secret of ['Nakato', 'Okello-1', 'P00000001', '+2547', 'Trader-2']) assert.ok(!dump.includes(secret), `${secret} is readable in the database`);
  const c = await database.db.selectFrom('incident_cases').select(['id']).where('external_id', '=', 'C-4').executeTakeFirstOrThrow();
  const v = await database.db.selectFrom('incident_victims').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
  const wrapped = await database.db.selectFrom('incident_state_keys').select('wrapped_key').where('reporting_state', '=', 'KEN').executeTakeFirstOrThrow();
  const key = unwrapStateKey(settings.masterKey, 'KEN', wrapped.wrapped_key);
  const opened = openIdentifiers(key, identifiersContext('KEN', c.id, 'victim', 'V1'), v.identifiers_sealed!);
  assert.equal(opened.familyName, sampleRow(4).prs_FamilyName);
  assert.equal(v.person_key, personKey(settings.masterKey, opened));
  assert.deepEqual(v.exploitation_forms, ['SexualExploitation', 'ForcedLabour']);
  // One audit event for the whole import, with counts and no identifiers.
  const audit = await database.db.selectFrom('audit_events').select(['changes']).where('action', '=', 'case.import').execute();
  assert.equal(audit.length, 1);
  assert.match(JSON.stringify(audit[0]!.changes), /"created":30/);
});

test('re-importing the same file changes nothing; a changed row makes a new version, nothing overwritten', async () => {
  const p = file(sampleCsv(rows(1, 30)));
  const again = await run(p);
  assert.deepEqual([again.created, again.updated, again.unchanged, again.committed], [0, 0, 30, true]);
  assert.equal(await count('incident_case_versions'), 30);

  const changed = rows(1, 30);
  changed[4] = { ...changed[4]!, vic_TypeOfExploitation: 'ForcedMarriage' };
  const r = await run(file(sampleCsv(changed)));
  assert.deepEqual([r.created, r.updated, r.unchanged], [0, 1, 29]);
  const c = await database.db.selectFrom('incident_cases').select(['id', 'version']).where('external_id', '=', 'C-5').executeTakeFirstOrThrow();
  assert.equal(c.version, 2);
  const versions = await database.db.selectFrom('incident_case_versions').select(['version', 'document']).where('case_id', '=', c.id).orderBy('version').execute();
  assert.equal(versions.length, 2);
  assert.match(JSON.stringify(versions[0]!.document), /"SexualExploitation"/, 'version 1 is kept as it was');
  assert.match(JSON.stringify(versions[1]!.document), /"ForcedMarriage"/);
  const v = await database.db.selectFrom('incident_victims').select(['exploitation_forms', 'identifiers_sealed']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
  assert.deepEqual(v.exploitation_forms, ['ForcedMarriage']);
  assert.ok(v.identifiers_sealed);
});

test('XLSX with reordered columns and an extra one: imported, the extra column a warning', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  const columns = [...sampleHeader].reverse();
  sheet.addRow([...columns, 'internal_note']);
  for (const r of rows(101, 105)) sheet.addRow([...columns.map((c) => (c === 'cas_DateOfIdentification' ? new Date(`${r[c]}T00:00:00Z`) : r[c])), 'x']);
  const p = path.join(dir, 'cases.xlsx');
  await workbook.xlsx.writeFile(p);
  const r = await run(p);
  assert.deepEqual(r.problems, []);
  assert.equal(r.created, 5);
  assert.deepEqual(r.warnings?.map((w) => w.column), ['internal_note']);
});

test('bad values: line, column, value and reason for each; identifiers never echoed; nothing committed', async () => {
  const bad = rows(201, 206);
  bad[0] = { ...bad[0]!, prs_Gender: 'Robot' };
  bad[1] = { ...bad[1]!, cas_DateOfIdentification: '2999-01-01' };
  bad[2] = { ...bad[2]!, prs_Citizenship: 'XYZ' };
  bad[3] = { ...bad[3]!, vic_TypeOfExploitation: 'SexualExploitation|Juggling' };
  bad[4] = { ...bad[4]!, prs_BirthDate: '2999-12-31' };
  const before = await count('incident_cases');
  const r = await run(file(sampleCsv(bad)));
  assert.equal(r.committed, false);
  assert.equal(await count('incident_cases'), before);
  const at = (line: number) => r.problems.find((p) => p.line === line)!;
  assert.deepEqual(at(2), { line: 2, column: 'prs_Gender', value: 'Robot', reason: 'not a value of HTCDS Gender' });
  assert.deepEqual(at(3), { line: 3, column: 'cas_DateOfIdentification', value: '2999-01-01', reason: 'is in the future' });
  assert.deepEqual(at(4), { line: 4, column: 'prs_Citizenship', value: 'XYZ', reason: 'not an ISO 3166-1 alpha-3 code of a country' });
  assert.deepEqual(at(5), { line: 5, column: 'vic_TypeOfExploitation', value: 'Juggling', reason: 'not a value of HTCDS TypeOfExploitation' });
  assert.deepEqual(at(6), { line: 6, column: 'prs_BirthDate', reason: 'is in the future' }, 'an identifier value is not repeated');
  assert.equal(r.problems.length, 5);
});

test('a missing required header is one file-level problem', async () => {
  const columns = sampleHeader.filter((c) => c !== 'prs_Gender' && c !== 'cas_ID');
  const r = await run(file(sampleCsv(rows(1, 3), columns)));
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.line, 1);
  assert.match(r.problems[0]!.reason, /required columns missing from the header: cas_ID, prs_Gender/);
  assert.equal(r.rowsRead, 0);
});

test('a 1 GB file whose rows give way to binary data: refused at that point with its line, nothing committed', async () => {
  const p = file(sampleCsv(rows(9001, 12000)));
  truncateSync(p, 2 ** 30); // the rest of the gigabyte: NUL bytes (a sparse file)
  const before = await count('incident_cases');
  const out = await run(p);
  assert.equal(out.committed, false);
  assert.equal(out.problems.length, 1);
  assert.match(out.problems[0]!.reason, /binary data/);
  assert.ok(out.problems[0]!.line > 2000, `near the line where the data stops being text: ${out.problems[0]!.line}`);
  assert.equal(await count('incident_cases'), before);
});

test('encodings: UTF-16 LE/BE with and without BOM and Latin-1 import alike; random bytes are refused', async () => {
  const text = sampleCsv(rows(301, 303).map((r) => ({ ...r, rep_EntityName: 'Unité spéciale' })));
  const variants = [
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
    iconv.encode(text, 'utf16le'),
    Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]),
    iconv.encode(text, 'utf16be'),
    iconv.encode(text, 'latin1'),
  ];
  for (const bytes of variants) {
    const r = await run(file(bytes), { dryRun: true });
    assert.deepEqual(r.problems, []);
    assert.equal(r.created, 3);
  }
  const r = await run(file(Buffer.from(text, 'latin1')));
  assert.equal(r.committed, true);
  const names = await database.db.selectFrom('incident_cases').select('entity_name').where('external_id', '=', 'C-301').execute();
  assert.deepEqual(names.map((x) => x.entity_name), ['Unité spéciale']);

  const garbage = await run(file(randomBytes(50_000)));
  assert.equal(garbage.committed, false);
  assert.equal(garbage.problems.length, 1);
  assert.match(garbage.problems[0]!.reason, /binary/);
});

test("a State's focal point cannot import for a State it does not hold", async () => {
  const p = file(sampleCsv(rows(1, 2, 'UGA')));
  const r = await run(p); // Kenya's focal point, rows naming Uganda
  assert.equal(r.committed, false);
  assert.deepEqual(r.problems.map((x) => [x.line, x.reason]), [
    [2, 'you may not report for this State'],
    [3, 'you may not report for this State'],
  ]);
  await assert.rejects(run(file(sampleCsv(rows(1, 2)).replace(/,KEN,/g, ',,')), { reporter: 'UGA' }), { code: 'NOT_FOUND' });
  const own = await run(p, { who: uga });
  assert.equal(own.committed, true);
});

test('the same case twice in a file, and a file without data, are problems', async () => {
  const r = await run(file(sampleCsv([sampleRow(900), sampleRow(900)])));
  assert.deepEqual(r.problems.map((x) => [x.line, x.column]), [[3, 'external id']]);
  const empty = await run(file(`${sampleHeader.join(',')}\n`));
  assert.match(empty.problems[0]!.reason, /no data rows/);
});

test('CTDC global dataset: semicolons, 0/1/-99 flags, ;-joined multi-values, age bands, alpha-2 countries', async () => {
  const columns = ['yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatusAtExploit', 'citizenship', 'meansOfControlDebtBondage', 'meansOfControlThreats', 'isForcedLabour', 'isSexualExploit', 'typeOfLabourAgriculture', 'typeOfSexConcatenated', 'recruiterRelationFamily', 'CountryOfExploitation'];
  for (const c of columns) assert.ok(c in ctdcColumns);
  const lines = [
    columns.join(';'),
    '2019;Case Management;Female;9--17;Minor;UA;1;0;0;1;-99;"Prostitution;Pornography";1;PL',
    '2020;Hotline;Male;30--38;Adult;-99;-99;-99;1;0;1;-99;0;RU',
  ];
  const r = await run(file(lines.join('\n')), { format: 'ctdc', reporter: 'POL', who: admin });
  assert.deepEqual(r.problems, []);
  assert.equal(r.created, 2);
  assert.deepEqual(r.summary.map((s) => [s.year, s.rows, s.total]), [
    [2019, 1, 1],
    [2020, 1, 1],
  ]);
  const victims = await database.db.selectFrom('incident_victims').selectAll().where('reporting_state', '=', 'POL').orderBy('age_band').execute();
  assert.deepEqual(victims.map((v) => [v.gender, v.age_band, v.minor_at_exploitation, v.citizenships, v.exploitation_forms, v.sex_exploitation_types, v.methods_of_control, v.relationship_to_trafficker]), [
    ['Masculine', '30-38', false, null, ['ForcedLabour'], null, null, null],
    ['Feminine', '9-17', true, ['UKR'], ['SexualExploitation'], ['Prostitution', 'Pornography'], ['DebtBondage'], 'Familial'],
  ]);
  assert.equal(victims[0]!.reasons.citizenships, 'unknown');

  const bad = [columns.join(';'), '2999;X;Alien;9--17;Minor;QQ;2;0;0;1;-99;-99;1;PL'];
  const b = await run(file(bad.join('\n')), { format: 'ctdc', reporter: 'POL', who: admin });
  assert.equal(b.committed, false);
  assert.deepEqual(b.problems.map((x) => x.column).sort(), ['citizenship', 'gender', 'meansOfControlDebtBondage', 'yearOfRegistration']);
  const noReporter = await run(file(lines.join('\n')), { format: 'ctdc', who: admin });
  assert.match(noReporter.problems[0]!.reason, /--reporter/);
});
