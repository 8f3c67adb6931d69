import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testDatabase, testEngine } from '../../../test/helpers/database.ts';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest, migrationStatus } from './migrator.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

test(`the engine is ${testEngine}`, () => {
  assert.equal(database.kind, testEngine);
});

test('pg_trgm and unaccent are available', async () => {
  const { rows } = await sql<{ plain: string; similar: number }>`select unaccent('Côte d''Ivoire') as plain, similarity('Belarus', 'Bielarus') as similar`.execute(database.db);
  assert.equal(rows[0]?.plain, "Cote d'Ivoire");
  assert.ok((rows[0]?.similar ?? 0) > 0.3);
});

test('migrations are all applied, and running them again changes nothing', async () => {
  const status = await migrationStatus(database.db);
  assert.ok(status.length >= 3);
  assert.ok(status.every((m) => m.executedAt));
  assert.deepEqual(await migrateToLatest(database.db), []);
});

test('a transaction commits when its function resolves and rolls back when it throws', async () => {
  await sql`create table tx_probe (n int)`.execute(database.db);
  await database.transaction(async (tx) => {
    await sql`insert into tx_probe values (1)`.execute(tx.db);
  });
  await assert.rejects(
    database.transaction(async (tx) => {
      await sql`insert into tx_probe values (2)`.execute(tx.db);
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  const { rows } = await sql<{ n: number }>`select n from tx_probe order by n`.execute(database.db);
  assert.deepEqual(rows, [{ n: 1 }]);
});

test('bulk load keeps nulls, escapes, unicode, arrays and JSON intact, inside the transaction', async () => {
  await sql`create table bulk_probe (id int primary key, label text, score numeric, tags text[], doc jsonb, seen boolean)`.execute(database.db);
  const rows: unknown[][] = [
    [1, 'plain', 1.5, ['a', 'b'], { k: 'v' }, true],
    [2, 'tab\there\nnewline \\ backslash\rCR', null, [], null, false],
    [3, null, -2, ['with "quote"', 'comma,inside', null], JSON.stringify([1, 2]), null],
    [4, 'Кот-д’Ивуар — 科特迪瓦 — ساحل العاج', 0, ['\\N'], { nested: { a: [1] } }, true],
  ];
  const target = { table: 'bulk_probe', columns: ['id', 'label', 'score', 'tags', 'doc', 'seen'] };
  const loaded = await database.transaction((tx) => tx.bulkLoad(target, rows));
  assert.equal(loaded, 4);
  const { rows: back } = await sql<Record<string, unknown>>`select * from bulk_probe order by id`.execute(database.db);
  assert.equal(back[1]?.label, 'tab\there\nnewline \\ backslash\rCR');
  assert.equal(back[1]?.score, null);
  assert.deepEqual(back[1]?.tags, []);
  assert.deepEqual(back[2]?.tags, ['with "quote"', 'comma,inside', null]);
  assert.deepEqual(back[2]?.doc, [1, 2]);
  assert.equal(back[3]?.label, 'Кот-д’Ивуар — 科特迪瓦 — ساحل العاج');
  assert.deepEqual(back[3]?.tags, ['\\N']);
  assert.deepEqual(back[3]?.doc, { nested: { a: [1] } });
  assert.equal(back[0]?.seen, true);

  // A failure after the load rolls the loaded rows back with everything else.
  await assert.rejects(
    database.transaction(async (tx) => {
      await tx.bulkLoad(target, [[10, 'x', 1, [], null, true]]);
      throw new Error('abort');
    }),
  );
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from bulk_probe`.execute(database.db);
  assert.equal(count[0]?.n, 4);
});

test('a bad row fails the whole load with the line PostgreSQL names', async () => {
  await sql`create table bulk_strict (id int primary key, year int not null)`.execute(database.db);
  await assert.rejects(
    database.transaction((tx) => tx.bulkLoad({ table: 'bulk_strict', columns: ['id', 'year'] }, [[1, 2020], [2, 'not a year'], [3, 2021]])),
    /invalid input syntax for type integer/,
  );
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from bulk_strict`.execute(database.db);
  assert.equal(rows[0]?.n, 0);
});

test('int8 counts come back as numbers and dates as plain strings', async () => {
  const { rows } = await sql<{ n: unknown; d: unknown }>`select count(*) as n, date '2006-12-19' as d from countries`.execute(database.db);
  assert.equal(typeof rows[0]?.n, 'number');
  assert.equal(rows[0]?.d, '2006-12-19');
});

test('a long query does not stall HTTP: /api/health answers while pg_sleep(2) runs', async () => {
  const t: TestApp = await testApp();
  try {
    const started = Date.now();
    let sleepEnded = 0;
    const sleeping = sql`select pg_sleep(2)`.execute(t.database.db).then(() => (sleepEnded = Date.now()));
    await new Promise((r) => setTimeout(r, 200));
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const answeredAt = Date.now();
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: testEngine });
    await sleeping;
    assert.ok(answeredAt < sleepEnded, `health answered after ${answeredAt - started} ms, the sleep ended after ${sleepEnded - started} ms`);
  } finally {
    await t.close();
  }
});

const embeddedOnly = { skip: testEngine !== 'pglite' && 'the embedded database only' };

test('a new embedded database directory is created, keeps its data when reopened, and runs with 16 MB of shared buffers', embeddedOnly, async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-db-')), 'data');
  try {
    const first = await openDatabase({ dataDir: dir });
    await sql`CREATE TABLE kept (n int)`.execute(first.db);
    await sql`INSERT INTO kept VALUES (42)`.execute(first.db);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    try {
      assert.deepEqual((await sql<{ n: number }>`SELECT n FROM kept`.execute(again.db)).rows, [{ n: 42 }]);
      assert.equal((await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(again.db)).rows[0]?.shared_buffers, '16MB');
    } finally {
      await again.close();
    }
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test('a directory the database cannot be created in gives a clear error, and no database', embeddedOnly, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiphub-db-'));
  try {
    fs.writeFileSync(path.join(dir, 'base'), 'a file where PostgreSQL puts a directory');
    await assert.rejects(openDatabase({ dataDir: dir }), /^Error: Cannot create the embedded database in .*: file system error \d+ \(does the directory hold files of something else\?\)$/);
    assert.equal(fs.existsSync(path.join(dir, 'PG_VERSION')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
