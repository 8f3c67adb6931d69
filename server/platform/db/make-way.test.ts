import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import { testDatabase } from '../../../test/helpers/database.ts';
import type { Database } from './database.ts';
import { makeWayForOthers } from './make-way.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

/** A web request's pattern: several queries one after another, a little work between them. */
async function request(events: string[]): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await sql`select ${i}::int`.execute(database.db);
    events.push(`query ${i}`);
    await nextTurn();
  }
}

test('background work waits until a request has run all its queries on the embedded database, and does not wait on PostgreSQL', async () => {
  const events: string[] = [];
  const req = request(events);
  await nextTurn(); // the request's first query is under way
  await makeWayForOthers(database).then(() => events.push('background'));
  await req;
  if (database.kind === 'pglite') {
    // One session for everyone: the batch would otherwise get in between two of the request's queries.
    assert.equal(events.at(-1), 'background', events.join(', '));
    assert.equal(events.at(-2), 'query 5');
  } else {
    assert.ok(events.indexOf('background') < events.indexOf('query 5'), events.join(', '));
  }
});

