import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { ReferenceService } from './reference.service.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('countries: 248 with M49 codes, 193 UN Member States, 2 observer States', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries' });
  assert.equal(res.statusCode, 200);
  const { items } = res.json<{ items: { iso3: string; unStatus: string; unMember: boolean; regionCode: string | null }[] }>();
  assert.equal(items.length, 248);
  assert.equal(items.filter((c) => c.unMember).length, 193);
  assert.deepEqual(items.filter((c) => c.unStatus === 'observer').map((c) => c.iso3).sort(), ['PSE', 'VAT']);
  // Antarctica is the only area without an M49 region.
  assert.deepEqual(items.filter((c) => !c.regionCode).map((c) => c.iso3), ['ATA']);
});

test('a country by alpha-2, alpha-3 or numeric code, with names in the six languages and its M49 chain', async () => {
  for (const code of ['BY', 'blr', '112']) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reference/countries/${code}` });
    assert.equal(res.statusCode, 200, code);
    const c = res.json();
    assert.equal(c.iso3, 'BLR');
    assert.equal(c.names.ru, 'Беларусь');
    assert.equal(c.names.zh, '白俄罗斯');
    assert.ok(c.names.ar.length > 0);
    assert.equal(c.regionCode, '150');
    assert.equal(c.subregionCode, '151');
  }
  const kenya = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries/KEN' })).json();
  assert.deepEqual([kenya.regionCode, kenya.subregionCode, kenya.intermediateRegionCode], ['002', '202', '014']);
});

test('regions: the M49 hierarchy with names in the six languages', async () => {
  const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/regions' })).json<{
    items: { code: string; type: string; parentCode: string | null; names: Record<string, string> }[];
  }>();
  assert.equal(items.filter((r) => r.type === 'region').length, 5);
  const europe = items.find((r) => r.code === '150');
  assert.deepEqual(europe?.names, { ar: 'أوروبا', zh: '欧洲', en: 'Europe', fr: 'Europe', ru: 'Европа', es: 'Europa' });
  assert.equal(items.find((r) => r.code === '014')?.parentCode, '202');
});

test('syncing again changes nothing', async () => {
  const before = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries' })).body;
  await new ReferenceService(t.database.db).sync();
  const after = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries' })).body;
  assert.equal(after, before);
});
