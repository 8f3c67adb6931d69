import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../db/database.ts';
import { demoContributors } from './contributors.ts';
import { demoStatus, neverSeeded, removeDemo, seedDemo } from './demo.ts';
import { Random } from './random.ts';
import { demoAccounts } from '../access/access.demo.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

/** Rows flagged is_demo in every table the contributors seed. */
async function demoRows(): Promise<number> {
  let n = 0;
  for (const c of demoContributors) {
    for (const table of c.tables) n += (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE is_demo`.execute(database.db)).rows[0]!.n;
  }
  return n;
}
const organisationNames = async () => (await database.db.selectFrom('organisations').select('name').orderBy('name').execute()).map((r) => r.name);

test('the generator is deterministic for a seed', () => {
  const a = new Random(42);
  const b = new Random(42);
  const c = new Random(43);
  const seq = (r: Random) => Array.from({ length: 5 }, () => r.int(0, 1000));
  const first = seq(a);
  assert.deepEqual(seq(b), first);
  assert.notDeepEqual(seq(c), first);
});

test('seed, remove exactly the demo records, seed again the same data', async () => {
  // A real organisation registered by a user must survive demo removal.
  await database.db.insertInto('organisations').values({ type: 'ngo', name: 'A real NGO', country_iso3: 'BLR' }).execute();
  assert.equal(await neverSeeded(database), true);

  assert.equal(await seedDemo(database, demoContributors, 7), true);
  const status = await demoStatus(database);
  assert.equal(status.loaded, true);
  assert.equal(status.seed, 7);
  const seeded = await organisationNames();
  assert.ok(seeded.length > 50);
  assert.equal(await seedDemo(database, demoContributors, 7), false, 'seeding twice is refused');

  const flagged = await demoRows();
  // At least the demo organisations, plus each demo user and their one role grant (access.demo.ts).
  assert.ok(flagged >= seeded.length - 1 + 2 * demoAccounts.length);
  const removed = await removeDemo(database, demoContributors);
  assert.equal(removed, flagged, 'exactly the flagged rows are removed');
  assert.equal(await demoRows(), 0);
  assert.deepEqual(await organisationNames(), ['A real NGO']);
  assert.equal((await demoStatus(database)).loaded, false);
  assert.equal(await neverSeeded(database), false, 'a removed run still counts as seeded once');

  await seedDemo(database, demoContributors, 7);
  assert.deepEqual(await organisationNames(), seeded);
});

test("every contributor gets the caller's context (the master key that seals demo identifiers)", async () => {
  const fresh = await testDatabase();
  try {
    const seen: unknown[] = [];
    const masterKey = Buffer.alloc(32, 9);
    const recorder = (name: string) => ({ name, tables: [], seed: async (_tx: unknown, _rng: unknown, context: unknown) => void seen.push(context) });
    assert.equal(await seedDemo(fresh, [recorder('a'), recorder('b')], 1, { masterKey }), true);
    assert.deepEqual(seen, [{ masterKey }, { masterKey }]);
  } finally {
    await fresh.close();
  }
});
