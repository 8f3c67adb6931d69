// Demonstration activities: valid documents, deterministic, removable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../platform/db/database.ts';
import { demoContributors } from '../../platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../platform/demo/demo.ts';
import { ruleProblems } from './activities.rules.ts';
import { activityDocumentSchema } from './activities.schema.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

test('about 60 valid, flagged activities with histories, removed with the rest of the demo data', async () => {
  assert.equal(await seedDemo(database, demoContributors), true);
  const rows = await database.db.selectFrom('activities').select(['document', 'is_demo', 'version', 'pillars', 'country_codes']).execute();
  assert.equal(rows.length, 60);
  const countries = new Set((await database.db.selectFrom('countries').select('iso2').execute()).map((c) => c.iso2));
  for (const row of rows) {
    assert.ok(row.is_demo);
    const doc = activityDocumentSchema.parse(row.document);
    assert.deepEqual(ruleProblems(doc, (c) => countries.has(c)), [], doc.iatiIdentifier);
    assert.ok(row.pillars.length >= 1 && row.country_codes.length >= 1);
  }
  assert.ok(rows.some((r) => r.version === 2), 'some activities have a second version');
  const first = rows.map((r) => r.document.iatiIdentifier).sort()[0];
  assert.equal(first, 'XM-TIPHUB-DEMO-001');

  await removeDemo(database, demoContributors);
  assert.equal((await database.db.selectFrom('activities').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('activity_versions').select('version').execute()).length, 0);
});
