// The completeness definition field by field, and draft visibility, on a real database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { createOrganisation } from '../../../test/helpers/users.ts';
import type { Database } from '../../platform/db/database.ts';
import { ActivitiesRepository } from './activities.repository.ts';
import { emptyDocument, type ActivityDocument } from './activities.schema.ts';
import { columnsOf } from './activities.service.ts';
import { ActivitiesStats, requiredFields } from './activities.stats.ts';

let database: Database;
let orgId: string;
let n = 0;

/** A document with every required field. */
const full = (): ActivityDocument => ({
  ...emptyDocument(`XM-STATS-${++n}`),
  title: { en: 'Title' },
  description: { fr: 'Description' },
  status: 2,
  dates: { plannedStart: '2025-01-01', actualStart: null, plannedEnd: null, actualEnd: '2026-01-01' },
  participatingOrgs: [{ role: 1, organisationId: null, ref: 'XM-DAC-1', type: null, name: {} }],
  recipientCountries: [{ code: 'KE', percentage: 70 }],
  recipientRegions: [{ code: '202', vocabulary: '2', percentage: 30 }],
  sectors: [{ vocabulary: 'tip', code: 'prevention', percentage: null }],
  budgets: [{ type: 1, status: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 1, currency: 'EUR', valueDate: '2025-01-01' }],
});

/** Figures for one organisation holding exactly the given documents (as published activities). */
async function figuresOf(docs: ActivityDocument[], published = true) {
  const org = await createOrganisation(database.db, { type: 'ngo' });
  const repo = new ActivitiesRepository(database.db);
  for (const doc of docs) await repo.insert(columnsOf(doc, org.id, published));
  const [f] = await new ActivitiesStats(database.db).organisationFigures({ all: true }, new Date(), org.id);
  return f!;
}

before(async () => {
  database = await testDatabase();
  orgId = (await createOrganisation(database.db)).id;
});
after(async () => {
  await database.close();
});

test('an activity with every required field is complete; each missing field is counted on its own', async () => {
  const without: Record<(typeof requiredFields)[number], ActivityDocument | null> = {
    title: null, // the schema requires a title: never missing
    description: { ...full(), description: {} },
    status: null, // the table refuses a missing status
    dates: { ...full(), dates: { plannedStart: '2025-01-01', actualStart: null, plannedEnd: null, actualEnd: null } },
    geography: { ...full(), recipientCountries: [], recipientRegions: [] },
    pillar: { ...full(), sectors: [{ vocabulary: '1', code: '15180', percentage: 100 }] },
    budget: { ...full(), budgets: [] },
    participatingOrg: { ...full(), participatingOrgs: [] },
  };
  for (const field of requiredFields) {
    const doc = without[field];
    if (!doc) continue;
    const f = await figuresOf([full(), doc]);
    assert.equal(f.activities, 2, field);
    assert.equal(f.complete, 1, `missing ${field}`);
    assert.equal(f.fieldCounts[field], 1, `missing ${field}`);
    for (const other of requiredFields.filter((x) => x !== field)) assert.equal(f.fieldCounts[other], 2, `${other} while ${field} is missing`);
  }
});

test('geography: countries and regions together add up to 100; one recipient may leave its percentage out', async () => {
  const cases: [string, Partial<ActivityDocument>, boolean][] = [
    ['countries and regions 70 + 30', {}, true],
    ['one country, no percentage', { recipientCountries: [{ code: 'KE', percentage: null }], recipientRegions: [] }, true],
    ['one country at 100', { recipientCountries: [{ code: 'KE', percentage: 100 }], recipientRegions: [] }, true],
    ['one country at 50', { recipientCountries: [{ code: 'KE', percentage: 50 }], recipientRegions: [] }, false],
    ['thirds', { recipientCountries: [{ code: 'KE', percentage: 33.333 }, { code: 'UG', percentage: 33.333 }, { code: 'TZ', percentage: 33.334 }], recipientRegions: [] }, true],
    ['two countries without percentages', { recipientCountries: [{ code: 'KE', percentage: null }, { code: 'UG', percentage: null }], recipientRegions: [] }, false],
    ['60 + 30', { recipientCountries: [{ code: 'KE', percentage: 60 }], recipientRegions: [{ code: '202', vocabulary: '2', percentage: 30 }] }, false],
  ];
  for (const [label, change, ok] of cases) {
    const f = await figuresOf([{ ...full(), ...change }]);
    assert.equal(f.fieldCounts.geography, ok ? 1 : 0, label);
  }
});

test('mandate links, drafts and visibility', async () => {
  const repo = new ActivitiesRepository(database.db);
  await repo.insert(columnsOf({ ...full(), mandateLinks: ['A/RES/61/180 para 6'] }, orgId, true));
  await repo.insert(columnsOf(full(), orgId, false));
  const stats = new ActivitiesStats(database.db);
  const [pub] = await stats.organisationFigures({ all: false, organisations: [] }, new Date(), orgId);
  assert.deepEqual([pub!.activities, pub!.drafts, pub!.linkedToMandate], [1, 0, 1]);
  const [own] = await stats.organisationFigures({ all: false, organisations: [orgId] }, new Date(), orgId);
  assert.deepEqual([own!.activities, own!.drafts, own!.linkedToMandate], [2, 1, 1]);
  const kenya = async (all: boolean) => (await stats.countryPillarCounts(all ? { all: true } : { all: false, organisations: [] })).totals.find((c) => c.country === 'KE')!.count;
  assert.equal((await kenya(true)) - (await kenya(false)), 1, 'the one draft is counted only for readers who may see every draft');
});
