// Walks every /api route the app registers and checks that outsiders are refused. New routes
// are covered automatically: a route that needs scope checks and has no fixture below fails.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import { caseDocument, reportCase } from '../../../test/helpers/incidents.ts';
import { everyUserPermissions, roleDefinitions, roles, type Permission } from '../access/permissions.ts';
import type { RouteAccessEntry } from './access-hook.ts';

let t: TestApp;
let nobody: SignedIn;
before(async () => {
  t = await testApp();
  // Signed in, no role at all: holds nothing but what every signed-in user has.
  nobody = (await signedInUser(t.app, t.database.db, { roles: [] })).auth;
});
after(async () => {
  await t.close();
});

const key = (r: RouteAccessEntry) => `${r.method} ${r.url}`;
const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (/id$/i.test(name) ? randomUUID() : 'XYZ'));
const apiRoutes = () => t.app.routeAccessTable.filter((r) => r.url.startsWith('/api/v1/'));

async function call(route: RouteAccessEntry, url: string, headers: Record<string, string> = {}) {
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  return t.app.inject({ method: route.method as 'GET', url, headers, ...(write ? { payload: {} } : {}) });
}

test('the route table is not empty and public routes are few and deliberate', () => {
  const routes = apiRoutes();
  assert.ok(routes.length > 5);
  const publicRoutes = routes.filter((r) => 'public' in r.access).map(key);
  for (const r of publicRoutes) {
    assert.match(r, /^(GET \/api\/v1\/(meta|reference|organisations|treaties|activities|monitoring|mandates|auth\/session|auth\/invitation)|POST \/api\/v1\/auth\/(sign-in|password-reset|invitation))/, `${r} is public: add it here only if anonymous visitors must reach it`);
  }
});

test('anonymous requests to every non-public route get 401', async () => {
  for (const route of apiRoutes().filter((r) => !('public' in r.access))) {
    const res = await call(route, fill(route.url));
    assert.equal(res.statusCode, 401, `${key(route)} answered ${res.statusCode}: ${res.body}`);
    assert.equal(res.json().error.code, 'UNAUTHENTICATED');
  }
});

test('a signed-in user without the permission gets 403 on every permission route', async () => {
  const needsRole = (r: RouteAccessEntry) => 'permission' in r.access && !everyUserPermissions.includes(r.access.permission);
  for (const route of apiRoutes().filter(needsRole)) {
    const res = await call(route, fill(route.url), nobody.headers);
    assert.equal(res.statusCode, 403, `${key(route)} answered ${res.statusCode}: ${res.body}`);
    assert.equal(res.json().error.code, 'FORBIDDEN');
  }
});

test('a cookie-authenticated write without the CSRF token is refused on every write route', async () => {
  for (const route of apiRoutes().filter((r) => !('public' in r.access) && r.method !== 'GET')) {
    const res = await call(route, fill(route.url), { cookie: nobody.cookie });
    assert.equal(res.statusCode, 403, `${key(route)} answered ${res.statusCode}: ${res.body}`);
    assert.match(res.json().error.message, /CSRF/);
  }
});

/**
 * Routes that act on one record owned by a State, an organisation or a user need a fixture
 * showing that an actor holding the permission, but for another scope, gets 403 or 404 and
 * never the data. Each fixture makes a record owned by someone else and returns its URL.
 */
type ScopeFixture = (t: TestApp) => Promise<{ url: string; outsider: SignedIn }>;

const ownRecord = (kind: 'sessions' | 'tokens'): ScopeFixture => async (t) => {
  const owner = await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] });
  const outsider = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] })).auth;
  let id: string;
  if (kind === 'tokens') {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: owner.auth.headers, payload: { name: 'owner token', expiresInDays: 30 } });
    assert.equal(created.statusCode, 200, created.body);
    id = created.json<{ id: string }>().id;
  } else {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: owner.auth.headers });
    id = list.json<{ items: { id: string }[] }>().items[0]!.id;
  }
  return { url: `/api/v1/me/${kind}/${id}`, outsider };
};

/** An organisation's focal points: only its own users (and the secretariat) may list them. */
const otherOrganisationsFocalPoints: ScopeFixture = async (t) => {
  const owner = await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'] });
  const outsider = (await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'] })).auth;
  return { url: `/api/v1/organisations/${owner.organisationId}/focal-points`, outsider };
};

/** An activity of organisation A; a focal point of organisation B must not change it. */
const otherOrganisationsActivity: ScopeFixture = async (t) => {
  const owner = await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] });
  const outsider = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] })).auth;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activities',
    headers: owner.auth.headers,
    payload: { iatiIdentifier: `XM-SCOPE-${randomUUID()}`, reportingOrgId: owner.organisationId, title: { en: 'Owned by A' }, status: 2 },
  });
  assert.equal(created.statusCode, 201, created.body);
  return { url: `/api/v1/activities/${created.json<{ id: string }>().id}`, outsider };
};

/** The same, relinked to mandate paragraphs by a focal point of another organisation. */
const otherOrganisationsActivityLinks: ScopeFixture = async (t) => {
  const { url, outsider } = await otherOrganisationsActivity(t);
  return { url: `${url}/mandate-links`, outsider };
};

/** A case reported by Kenya; Uganda's focal point (same permissions, another State) is the outsider. */
const otherStatesCase = (suffix = ''): ScopeFixture => async (t) => {
  const owner = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  const outsider = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  const reported = await reportCase(t.app, owner.headers, caseDocument('KEN'));
  return { url: `/api/v1/incidents/cases/KEN/${reported.id}${suffix}`, outsider };
};

/** Kenya's own settings and figures; Uganda's focal point is the outsider. */
const otherStatesPage = (suffix: string): ScopeFixture => async (t) => {
  const outsider = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  return { url: `/api/v1/incidents/states/KEN${suffix}`, outsider };
};

/** Kenya's aggregate report for 2019; Uganda's focal point (same permissions, another State) is the outsider. */
const otherStatesAggregate = (suffix = ''): ScopeFixture => async (t) => {
  const owner = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  const outsider = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  const values = [{ indicator: 'detected_victims', dimension: 'total', category: 'total', sex: 'total', age: 'total', value: { kind: 'count', count: 9 } }];
  const made = await t.app.inject({ method: 'PUT', url: '/api/v1/aggregates/reports/KEN/2019', headers: owner.headers, payload: { values } });
  assert.equal(made.statusCode, 200, made.body);
  return { url: `/api/v1/aggregates/reports/KEN${suffix}`, outsider };
};

/** An import job started by Kenya's focal point; Uganda's focal point (same permission) is the outsider. */
const otherUsersImport = (suffix = ''): ScopeFixture => async (t) => {
  const owner = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  const outsider = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  const started = await t.app.inject({ method: 'POST', url: '/api/v1/incidents/imports?format=htcds&reporter=KEN', headers: { ...owner.headers, 'content-type': 'text/csv' }, payload: 'cas_ID\n1\n' });
  assert.equal(started.statusCode, 202, started.body);
  return { url: `/api/v1/incidents/imports/${started.json<{ id: string }>().id}${suffix}`, outsider };
};

const scopeFixtures: Record<string, ScopeFixture> = {
  'GET /api/v1/aggregates/reports/:state': otherStatesAggregate(),
  'GET /api/v1/aggregates/reports/:state/summary': otherStatesAggregate('/summary'),
  'GET /api/v1/aggregates/reports/:state/:year': otherStatesAggregate('/2019'),
  'PUT /api/v1/aggregates/reports/:state/:year': otherStatesAggregate('/2019'),
  'GET /api/v1/aggregates/reports/:state/:year/versions': otherStatesAggregate('/2019/versions'),
  'POST /api/v1/aggregates/reports/:state/:year/submit': otherStatesAggregate('/2019/submit'),
  'GET /api/v1/incidents/cases/:state/:id/shares': otherStatesCase('/shares'),
  'GET /api/v1/incidents/imports/:jobId': otherUsersImport(),
  'POST /api/v1/incidents/imports/:jobId/commit': otherUsersImport('/commit'),
  'DELETE /api/v1/incidents/cases/:state/:id/shares/:organisationId': otherStatesCase(`/shares/${randomUUID()}`),
  'GET /api/v1/incidents/states/:state/retention': otherStatesPage('/retention'),
  'PUT /api/v1/incidents/states/:state/retention': otherStatesPage('/retention'),
  'GET /api/v1/incidents/states/:state/statistics': otherStatesPage('/statistics'),
  'GET /api/v1/incidents/cases/:state/:id': otherStatesCase(),
  'PATCH /api/v1/incidents/cases/:state/:id': otherStatesCase(),
  'GET /api/v1/incidents/cases/:state/:id/versions': otherStatesCase('/versions'),
  'POST /api/v1/incidents/cases/:state/:id/submit': otherStatesCase('/submit'),
  'POST /api/v1/incidents/cases/:state/:id/shares': otherStatesCase('/shares'),
  'GET /api/v1/organisations/:id/focal-points': otherOrganisationsFocalPoints,
  'PATCH /api/v1/activities/:id': otherOrganisationsActivity,
  'PUT /api/v1/activities/:id/mandate-links': otherOrganisationsActivityLinks,
  'DELETE /api/v1/me/sessions/:id': ownRecord('sessions'),
  'DELETE /api/v1/me/tokens/:id': ownRecord('tokens'),
};

/** A permission held only by roles that reach everything needs no scope check. */
const globalOnly = (p: Permission) => roles.filter((r) => roleDefinitions[r].permissions.includes(p)).every((r) => roleDefinitions[r].scope === 'global');

test('an actor scoped elsewhere cannot read or change a record outside their scope', async () => {
  const needing = apiRoutes().filter((r) => r.url.includes('/:') && !('public' in r.access) && !('permission' in r.access && globalOnly(r.access.permission)));
  const missing = needing.map(key).filter((k) => !scopeFixtures[k]);
  assert.deepEqual(missing, [], 'routes on scoped records without a scope fixture in this test');
  for (const route of needing) {
    const { url, outsider } = await scopeFixtures[key(route)]!(t);
    const res = await call(route, url, outsider.headers);
    assert.ok([403, 404].includes(res.statusCode), `${key(route)} let an outsider through: ${res.statusCode} ${res.body}`);
  }
});
