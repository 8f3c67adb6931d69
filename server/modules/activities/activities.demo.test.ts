// Demonstration activities: 3,000 valid documents over about 150 countries and every pillar,
// planted near-duplicates recorded, deterministic for a seed, removable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../platform/db/database.ts';
import { demoContributors } from '../../platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../platform/demo/demo.ts';
import { DEMO_MANDATE_LABELS, DEMO_PLANTED_PAIRS } from './activities.demo.ts';
import { ruleProblems } from './activities.rules.ts';
import { activityDocumentSchema, pillars } from './activities.schema.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

const activities = () =>
  database.db.selectFrom('activities').select(['id', 'iati_identifier', 'document', 'is_demo', 'version', 'published', 'pillars', 'country_codes', 'start_date', 'end_date', 'reporting_org_id', 'title_text']).orderBy('iati_identifier').execute();
/** A date column as YYYY-MM-DD, whichever way the driver returns it. */
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const plants = () =>
  database.db
    .selectFrom('demo_planted_duplicates as p')
    .innerJoin('activities as a', 'a.id', 'p.original_id')
    .innerJoin('activities as b', 'b.id', 'p.duplicate_id')
    .select(['a.iati_identifier as original', 'b.iati_identifier as duplicate', 'p.country_code', 'p.pillar'])
    .orderBy('p.id')
    .execute();

test('3,000 valid, flagged activities over 150 countries and every pillar, with histories and drafts', async () => {
  assert.equal(await seedDemo(database, demoContributors, 5), true);
  const rows = await activities();
  assert.equal(rows.length, 3000);
  const countries = new Set((await database.db.selectFrom('countries').select('iso2').execute()).map((c) => c.iso2));
  const allowed = new Set(DEMO_MANDATE_LABELS.map((l) => `A/RES/61/180 para ${l}`));
  for (const row of rows) {
    assert.ok(row.is_demo);
    const doc = activityDocumentSchema.parse(row.document);
    assert.deepEqual(ruleProblems(doc, (c) => countries.has(c)), [], doc.iatiIdentifier);
    assert.ok(row.pillars.length >= 1 && row.country_codes.length >= 1);
    assert.ok(doc.title.en?.includes('(synthetic)'), 'every title says it is synthetic');
    for (const link of doc.mandateLinks) assert.ok(allowed.has(link), link);
    // Indexed columns are the ones every write derives from the document.
    assert.deepEqual(row.title_text.split(' \u2016 ').sort(), Object.values(doc.title).sort());
  }
  assert.ok(new Set(rows.flatMap((r) => r.country_codes)).size >= 150);
  assert.deepEqual([...new Set(rows.flatMap((r) => r.pillars))].sort(), [...pillars].sort());
  assert.ok(rows.some((r) => r.version === 2), 'some activities have a second version');
  assert.ok(rows.some((r) => !r.published), 'some are drafts');
  assert.ok(rows.some((r) => r.document.mandateLinks.length === 0), 'some are linked to no mandate');
  const links = new Set(rows.flatMap((r) => r.document.mandateLinks));
  assert.ok(!links.has('A/RES/61/180 para 11'), 'paragraph 11 stays uncovered');
  assert.ok(new Set(rows.flatMap((r) => Object.keys(r.document.title))).size >= 6, 'titles in several languages');
  const years = rows.map((r) => Number(day(r.start_date).slice(0, 4)));
  assert.deepEqual([Math.min(...years), Math.max(...years)], [2015, 2027], 'activities start from 2015 to 2027');
  const versions = await database.db.selectFrom('activity_versions').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(versions.n), 3000 + rows.filter((r) => r.version === 2).length);
});

test('planted near-duplicate pairs are recorded: same country and pillar, overlapping period, another organisation, reworded', async () => {
  const pairs = await plants();
  assert.equal(pairs.length, DEMO_PLANTED_PAIRS);
  const byId = new Map((await activities()).map((r) => [r.iati_identifier, r]));
  for (const p of pairs) {
    const a = byId.get(p.original)!;
    const b = byId.get(p.duplicate)!;
    assert.ok(a.country_codes.includes(p.country_code) && b.country_codes.includes(p.country_code), `${p.original} ${p.duplicate}`);
    assert.ok(a.pillars.includes(p.pillar) && b.pillars.includes(p.pillar));
    assert.ok(day(a.start_date) <= day(b.end_date) && day(b.start_date) <= day(a.end_date), 'periods overlap');
    assert.notEqual(a.reporting_org_id, b.reporting_org_id);
    assert.notEqual(a.document.title.en, b.document.title.en);
  }
});

test('the same seed gives the same activities, and removal takes every one with its versions and plants', async () => {
  const first = (await activities()).map((r) => [r.iati_identifier, r.title_text, r.country_codes, r.pillars]);
  const firstPlants = await plants();
  await removeDemo(database, demoContributors);
  assert.equal((await activities()).length, 0);
  assert.equal((await database.db.selectFrom('activity_versions').select('version').execute()).length, 0);
  assert.equal((await plants()).length, 0);
  await seedDemo(database, demoContributors, 5);
  assert.deepEqual((await activities()).map((r) => [r.iati_identifier, r.title_text, r.country_codes, r.pillars]), first);
  assert.deepEqual(await plants(), firstPlants);
});
