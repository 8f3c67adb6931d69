// Demonstration mandates: the seed resolution's paragraphs exist, every demo activity's link
// resolves to one of them, and they leave with the rest of the demo data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { anonymous } from '../../platform/access/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { demoContributors } from '../../platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../platform/demo/demo.ts';
import { MandatesService } from './mandates.service.ts';
import { demoMandates } from './mandates.demo.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

test('the seed resolution and other decisions are seeded; demo activity links all resolve', async () => {
  assert.equal(await seedDemo(database, demoContributors), true);
  const service = new MandatesService(database);
  const list = await service.list(anonymous);
  assert.deepEqual(list.items.map((m) => m.symbol).sort(), demoMandates.map((m) => m.symbol).sort());
  assert.deepEqual(
    new Set(list.items.map((m) => m.body)),
    new Set(['general_assembly', 'ecosoc', 'ccpcj', 'cop_untoc', 'hrc']),
  );
  const seed = await service.coverage(anonymous, 'A/RES/61/180', 5);
  assert.deepEqual(
    seed.paragraphs.map((p) => p.label),
    ['1', '2', '3', '4', '5', '5(a)', '5(b)', '5(c)', '6', '6(a)', '6(b)', '6(c)', '6(d)', '7', '8', '9', '10', '11'],
  );
  assert.equal(seed.adoptedOn, '2006-12-20');
  assert.equal(Object.keys(seed.title).length, 6, 'the seed resolution is titled in the six UN languages');
  assert.ok(seed.covered > 0, 'demo activities implement some paragraphs');
  assert.ok(list.items.filter((m) => m.symbol !== 'A/RES/61/180').every((m) => m.demonstrationSummaries), 'other summaries are flagged as demonstration text');

  const links = await database.db.selectFrom('activities').select('document').execute();
  const references = [...new Set(links.flatMap((r) => r.document.mandateLinks))];
  assert.ok(references.length > 0);
  await service.resolve(references); // throws, naming the reference, if any does not resolve

  await removeDemo(database, demoContributors);
  assert.equal((await database.db.selectFrom('mandates').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('mandate_paragraphs').select('label').execute()).length, 0);
});
