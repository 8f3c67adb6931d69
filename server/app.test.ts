import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { testApp, type TestApp } from '../test/helpers/app.ts';
import { testEngine } from '../test/helpers/database.ts';
import { testSettings } from '../test/helpers/settings.ts';
import { buildApp } from './app.ts';
import { AppError } from './platform/errors.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('GET /api/health names the engine', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok', database: testEngine });
  assert.ok(res.headers['x-correlation-id']);
});

test('GET /api/v1/meta says what this installation is', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
  assert.equal(res.statusCode, 200);
  const meta = res.json();
  assert.equal(meta.name, 'TIP Hub');
  assert.equal(meta.demo, false);
  assert.deepEqual(meta.languages, ['ar', 'zh', 'en', 'fr', 'ru', 'es']);
});

test('the OpenAPI document is generated from the route schemas, and the docs UI is served', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\./);
  const countries = doc.paths['/api/v1/reference/countries/{code}']?.get;
  assert.ok(countries, 'country route documented');
  assert.ok(countries.responses['200'].content['application/json'].schema.properties.iso3);
  assert.equal(countries.parameters[0].name, 'code');
  const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(ui.statusCode, 200);
  assert.match(ui.body, /swagger/i);
});

test('security headers and compression are on', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
});

test('an unknown route is a NOT_FOUND error with a correlation id', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
  assert.equal(res.statusCode, 404);
  const { error } = res.json();
  assert.equal(error.code, 'NOT_FOUND');
  assert.equal(error.correlationId, res.headers['x-correlation-id']);
});

test('invalid parameters are VALIDATION_FAILED with the field and the reason', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries/12345' });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.equal(error.details[0].field, 'params.code');
  assert.match(error.details[0].reason, /ISO 3166-1/);
});

test('an AppError keeps its code and status', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries/ZZZ' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'NOT_FOUND');
});

test('garbage bodies get 400 or 413 and the server keeps serving', async () => {
  const app = await buildApp({ database: t.database, logger: pino({ level: 'silent' }), settings: testSettings() });
  app.post('/api/v1/echo', { config: { access: { public: true } } }, async (req) => ({ got: req.body }));
  try {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"unclosed": ' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'BAD_REQUEST');
    const huge = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'a'.repeat(2 << 20) }) });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'PAYLOAD_TOO_LARGE');
    const media = await app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/x-weird' }, payload: 'x' });
    assert.equal(media.statusCode, 415);
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('a 5xx answer hides internals and carries the correlation id that is in the log', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ database: t.database, logger: pino({ level: 'error' }, sink), settings: testSettings() });
  app.get('/api/v1/boom', { config: { access: { public: true } } }, async () => {
    throw new Error('secret table name users_private exploded');
  });
  app.get('/api/v1/unavailable', { config: { access: { public: true } } }, async () => {
    throw new AppError('UNAVAILABLE', 'Try again later');
  });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    assert.equal(res.statusCode, 500);
    const { error } = res.json();
    assert.equal(error.code, 'INTERNAL');
    assert.doesNotMatch(res.body, /users_private/);
    assert.ok(error.correlationId);
    const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; err?: { message?: string } });
    assert.ok(logged.some((l) => l.reqId === error.correlationId && l.err?.message?.includes('users_private')), 'the log has the error under the same id');
    const unavailable = await app.inject({ method: 'GET', url: '/api/v1/unavailable' });
    assert.equal(unavailable.statusCode, 503);
    assert.equal(unavailable.json().error.code, 'UNAVAILABLE');
  } finally {
    await app.close();
  }
});

test('a correlation id given by a proxy is kept', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-abc-12345' } });
  assert.equal(res.headers['x-correlation-id'], 'proxy-abc-12345');
});
