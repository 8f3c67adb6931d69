// Mandates over HTTP: registering decisions, linking activities to paragraphs (through the
// activity's versioned document), the coverage page and who may see and change what.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import type { Activity } from '../activities/activities.schema.ts';
import type { Coverage, Mandate, MandateList } from './mandates.schema.ts';

let t: TestApp;
let coordinator: SignedIn;
let focalA: SignedIn;
let focalB: SignedIn;
let nobody: SignedIn;
let orgA: { id: string };
before(async () => {
  t = await testApp();
  orgA = await createOrganisation(t.database.db, { name: 'Agency A', type: 'un_entity' });
  const orgB = await createOrganisation(t.database.db, { name: 'Agency B', type: 'ngo' });
  coordinator = (await signedInUser(t.app, t.database.db, { roles: ['coordinator_admin'] })).auth;
  focalA = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgA.id })).auth;
  focalB = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgB.id })).auth;
  nobody = (await signedInUser(t.app, t.database.db, { roles: [] })).auth;
});
after(async () => {
  await t.close();
});

const resolution = (symbol: string, labels: string[]) => ({
  symbol,
  body: 'general_assembly',
  adoptedOn: '2006-12-20',
  title: { en: `Resolution ${symbol}`, fr: `Résolution ${symbol}` },
  paragraphs: labels.map((label) => ({ label, summary: { en: `Summary of ${label}` } })),
});
const post = (payload: Record<string, unknown>, headers: Record<string, string> = coordinator.headers) => t.app.inject({ method: 'POST', url: '/api/v1/mandates', headers, payload });
const link = (id: string, references: string[], headers: Record<string, string> = focalA.headers) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/activities/${id}/mandate-links`, headers, payload: { references } });
const coverage = async (symbol: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/mandates/coverage?symbol=${encodeURIComponent(symbol)}`, headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Coverage>();
};
async function activity(suffix: string, published: boolean): Promise<Activity> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activities',
    headers: focalA.headers,
    payload: { iatiIdentifier: `XM-MANDATE-${suffix}`, reportingOrgId: orgA.id, title: { en: `Activity ${suffix}` }, status: 2, published },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<Activity>();
}

let mandate: Mandate;
test('the Coordinator registers a mandate; labels are canonical and the change is audited', async () => {
  const res = await post(resolution('A/RES/61/180', ['1', '5', '5 (A)', '6(b)', '11']));
  assert.equal(res.statusCode, 201, res.body);
  mandate = res.json<Mandate>();
  assert.deepEqual(
    mandate.paragraphs.map((p) => p.label),
    ['1', '5', '5(a)', '6(b)', '11'],
  );
  assert.equal(mandate.paragraphs[2]!.reference, 'A/RES/61/180 para 5(a)');
  const audit = await t.database.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'mandate.create').execute();
  assert.deepEqual(audit, [{ action: 'mandate.create', entity_id: mandate.id }]);

  const again = await post(resolution('a/res/61/180', ['1']));
  assert.equal(again.statusCode, 409, 'the same symbol in another case is the same mandate');
  assert.equal(again.json().error.details[0].field, 'body.symbol');

  const read = await t.app.inject({ method: 'GET', url: `/api/v1/mandates/${mandate.id}` });
  assert.equal(read.statusCode, 200, 'reading mandates is public');
});

test('duplicate paragraph labels are refused with the field; nothing is created', async () => {
  const res = await post(resolution('A/RES/99/1', ['1', '2', '2', '6(b)', '6 (B)']));
  assert.equal(res.statusCode, 400, res.body);
  const details = res.json<{ error: { details: { field: string; reason: string }[] } }>().error.details;
  assert.deepEqual(
    details.map((d) => d.field),
    ['body.paragraphs[2].label', 'body.paragraphs[4].label'],
  );
  assert.match(details[1]!.reason, /duplicate label "6\(b\)" \(also paragraphs\[3\]\)/);
  const bad = await post(resolution('A/RES/99/1', ['one']));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.details[0].field, 'body.paragraphs.0.label');
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/mandates' });
  assert.deepEqual(
    list.json<MandateList>().items.map((m) => m.symbol),
    ['A/RES/61/180'],
  );
});

test('linking to an unknown paragraph is refused with each reference and why; the activity is unchanged', async () => {
  const a = await activity('unknown', true);
  const res = await link(a.id, ['A/RES/61/180 para 1', 'A/RES/61/180 para 6(z)', 'A/RES/00/0 para 1', 'paragraph one']);
  assert.equal(res.statusCode, 400, res.body);
  const details = res.json<{ error: { message: string; details: { field: string; reason: string }[] } }>().error;
  assert.match(details.message, /A\/RES\/61\/180 para 6\(z\)/);
  assert.deepEqual(
    details.details.map((d) => d.field),
    ['body.references[1]', 'body.references[2]', 'body.references[3]'],
  );
  assert.match(details.details[0]!.reason, /A\/RES\/61\/180 has no operative paragraph 6\(z\)/);
  assert.match(details.details[1]!.reason, /no mandate with symbol A\/RES\/00\/0/);
  assert.match(details.details[2]!.reason, /not of the form/);
  const after = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${a.id}` });
  assert.equal(after.json<Activity>().version, 1);
});

test('linking writes canonical references into a new activity version; the coverage page counts them', async () => {
  const a = await activity('linked', true);
  const res = await link(a.id, ['  a/res/61/180   PARA 6 (B) ', 'A/RES/61/180 para 1', 'A/RES/61/180 para 6(b)']);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { activityId: a.id, version: 2, references: ['A/RES/61/180 para 6(b)', 'A/RES/61/180 para 1'] });
  const history = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/history` });
  assert.deepEqual(
    history.json<{ items: { version: number }[] }>().items.map((v) => v.version),
    [1, 2],
  );
  const diff = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/diff?from=1&to=2` });
  assert.ok(diff.json<{ changes: { path: string }[] }>().changes.some((c) => c.path.startsWith('mandateLinks')));

  // A hand-written reference in the document (another spelling) counts as well.
  const b = await activity('spelled', true);
  const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${b.id}`, headers: focalA.headers, payload: { mandateLinks: ['A/RES/61/180  para  5(A)'] } });
  assert.equal(patched.statusCode, 200, patched.body);

  const page = await coverage('a/res/61/180');
  const byLabel = Object.fromEntries(page.paragraphs.map((p) => [p.label, p]));
  assert.equal(byLabel['6(b)']!.total, 1);
  assert.equal(byLabel['6(b)']!.activities[0]!.id, a.id);
  assert.deepEqual(byLabel['6(b)']!.activities[0]!.reportingOrgName, { en: 'Agency A' });
  assert.equal(byLabel['1']!.total, 1);
  assert.equal(byLabel['5(a)']!.total, 1);
  assert.equal(byLabel['11']!.total, 0);
  assert.deepEqual(byLabel['11']!.activities, []);
  assert.deepEqual({ covered: page.covered, uncovered: page.uncovered }, { covered: 3, uncovered: 2 });

  const list = await t.app.inject({ method: 'GET', url: '/api/v1/mandates?body=general_assembly' });
  assert.deepEqual(
    list.json<MandateList>().items.map((m) => [m.symbol, m.paragraphs, m.covered]),
    [['A/RES/61/180', 5, 3]],
  );
  const none = await t.app.inject({ method: 'GET', url: '/api/v1/mandates?body=hrc' });
  assert.deepEqual(none.json<MandateList>().items, []);

  // Unlinking (an empty set) removes it from the page.
  assert.equal((await link(b.id, [])).statusCode, 200);
  assert.equal((await coverage('A/RES/61/180')).paragraphs.find((p) => p.label === '5(a)')!.total, 0);
});

test('drafts count only for readers who may see them', async () => {
  const draft = await activity('draft', false);
  assert.equal((await link(draft.id, ['A/RES/61/180 para 5'])).statusCode, 200);
  const publicPage = await coverage('A/RES/61/180');
  assert.equal(publicPage.paragraphs.find((p) => p.label === '5')!.total, 0, 'the public does not see the draft');
  assert.equal((await coverage('A/RES/61/180', focalB.headers)).paragraphs.find((p) => p.label === '5')!.total, 0, 'nor another organisation');
  const own = (await coverage('A/RES/61/180', focalA.headers)).paragraphs.find((p) => p.label === '5')!;
  assert.equal(own.total, 1);
  assert.equal(own.activities[0]!.published, false);
  const publicList = await t.app.inject({ method: 'GET', url: '/api/v1/mandates' });
  const ownList = await t.app.inject({ method: 'GET', url: '/api/v1/mandates', headers: focalA.headers });
  assert.equal(ownList.json<MandateList>().items[0]!.covered, publicList.json<MandateList>().items[0]!.covered + 1);
});

test('a paragraph still linked to an activity cannot be dropped; an unlinked one can', async () => {
  const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/mandates/${mandate.id}`, headers: coordinator.headers, payload });
  const drop = await patch({ paragraphs: [{ label: '1', summary: { en: 'x' } }] });
  assert.equal(drop.statusCode, 409, drop.body);
  assert.match(drop.json().error.message, /6\(b\)/);
  const keep = mandate.paragraphs.filter((p) => p.label !== '11').map((p) => ({ label: p.label, summary: p.summary }));
  const ok = await patch({ paragraphs: keep, title: { en: 'Improving coordination' } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(
    ok.json<Mandate>().paragraphs.map((p) => p.label),
    ['1', '5', '5(a)', '6(b)'],
  );
  assert.equal((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'mandate.update').execute()).length, 1);
  const unknown = await t.app.inject({ method: 'PATCH', url: '/api/v1/mandates/00000000-0000-4000-8000-000000000000', headers: coordinator.headers, payload: { title: { en: 'x' } } });
  assert.equal(unknown.statusCode, 404);
});

test('outsiders are refused on every write route; another organisation cannot relink an activity', async () => {
  const a = await activity('outsider', true);
  const writes = [
    { method: 'POST' as const, url: '/api/v1/mandates', payload: resolution('A/RES/62/1', ['1']) },
    { method: 'PATCH' as const, url: `/api/v1/mandates/${mandate.id}`, payload: { title: { en: 'Taken over' } } },
    { method: 'PUT' as const, url: `/api/v1/activities/${a.id}/mandate-links`, payload: { references: ['A/RES/61/180 para 1'] } },
  ];
  for (const w of writes) {
    const anonymous = await t.app.inject({ ...w });
    assert.equal(anonymous.statusCode, 401, `${w.method} ${w.url}`);
    const unprivileged = await t.app.inject({ ...w, headers: nobody.headers });
    assert.equal(unprivileged.statusCode, 403, `${w.method} ${w.url}`);
  }
  for (const w of writes.slice(0, 2)) assert.equal((await t.app.inject({ ...w, headers: focalA.headers })).statusCode, 403, 'focal points do not manage mandates');
  const other = await link(a.id, ['A/RES/61/180 para 1'], focalB.headers);
  assert.equal(other.statusCode, 404, other.body);
  const unchanged = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${a.id}` });
  assert.deepEqual(unchanged.json<Activity>().document.mandateLinks, []);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/mandates/coverage?symbol=A/RES/1/1' })).statusCode, 404);
});

test('garbage gets a 400 naming the fields, never a crash', async () => {
  const garbage = await post({ symbol: '', body: 'security_council', adoptedOn: '20-12-2006', title: {}, paragraphs: 'all of them' });
  assert.equal(garbage.statusCode, 400, garbage.body);
  const fields = garbage.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field);
  for (const f of ['symbol', 'body', 'adoptedOn', 'title', 'paragraphs']) assert.ok(fields.some((x) => x.includes(f)), `${f} in ${fields.join(', ')}`);
  const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/mandates', headers: { ...coordinator.headers, 'content-type': 'application/json' }, payload: '{"symbol":' });
  assert.equal(notJson.statusCode, 400);
  const a = await activity('garbage', true);
  const notList = await t.app.inject({ method: 'PUT', url: `/api/v1/activities/${a.id}/mandate-links`, headers: focalA.headers, payload: { references: 'A/RES/61/180 para 1' } });
  assert.equal(notList.statusCode, 400);
  const huge = await link(a.id, ['x'.repeat(201)]);
  assert.equal(huge.statusCode, 400);
  const noSymbol = await t.app.inject({ method: 'GET', url: '/api/v1/mandates/coverage' });
  assert.equal(noSymbol.statusCode, 400);
  const badBody = await t.app.inject({ method: 'GET', url: '/api/v1/mandates?body=nobody' });
  assert.equal(badBody.statusCode, 400);
});

test('the coverage page lists a bounded number of activities per paragraph but counts them all', async () => {
  for (const n of [1, 2, 3]) {
    const a = await activity(`many-${n}`, true);
    assert.equal((await link(a.id, ['A/RES/61/180 para 5(a)'])).statusCode, 200);
  }
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/mandates/coverage?symbol=A/RES/61/180&perParagraph=2' });
  const p = res.json<Coverage>().paragraphs.find((x) => x.label === '5(a)')!;
  assert.equal(p.total, 3);
  assert.deepEqual(
    p.activities.map((x) => x.title.en),
    ['Activity many-1', 'Activity many-2'],
  );
});
